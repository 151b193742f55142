/**
The layers of docs/architecture.md, checked: imports point down toward sim/, and the core stays pure.
*/
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import test from 'ava';

const sourceRoot = new URL('../source/', import.meta.url).pathname;

function files(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)]);
}

type SourceFile = {
	path: string; layer: string; text: string; imports: string[]; runtimeImports: string[];
};

const sources: SourceFile[] = files(sourceRoot).filter(path => /\.tsx?$/v.test(path)).map(path => {
	const text = readFileSync(path, 'utf8');
	const relativePath = relative(sourceRoot, path);
	const imports = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gmv), ...text.matchAll(/import\('([^']+)'\)/gv)].map(match => match[1]!);
	// What loads at run time: `import type` is erased.
	const runtimeImports = [...text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gmv)].map(match => match[1]!);
	return {
		path: relativePath, layer: relativePath.includes('/') ? relativePath.split('/')[0]! : '(shell)', text, imports, runtimeImports,
	};
});

/** Which layers each layer may import (besides itself and packages). */
const allowed: Record<string, string[]> = {
	sim: [],
	policy: ['sim'],
	migration: ['sim'],
	network: ['sim'],
	power: ['sim'],
	// How the datacenter is accounted (this project's model, CloudSim's): strategies over the core.
	semantics: ['sim'],
	virtualisation: ['sim'],
	scenario: ['sim', 'policy', 'migration', 'network', 'power', 'terminal'],
	// Reports format what sim/, the migration models (the teaching comparison) and the network model (the plan) compute.
	// The view reads the network model for addresses, reachability and migration effects.
	report: ['sim', 'migration', 'network', 'terminal'],
	ui: ['sim', 'network', 'terminal'],
	// A dashboard session outside React: the world through sim/, its frames through ui/'s pure modules, its clock injected.
	session: ['sim', 'ui'],
	// Checking the command line's flags (pure): policy names, the generated datacenter's limits.
	options: ['policy', 'scenario', 'migration', 'plot'],
	// Making outside text safe for a terminal: used by every writer, it uses nothing.
	terminal: [],
	// A lecture over SSH: sessions of the dashboard's own (the view in ../app.tsx) on channels, drawn by the cell writer.
	serve: ['sim', 'session', 'ui', 'terminal', 'options', '(shell)'],
	// The command line's shell, in pieces: it wires everything.
	// Experiment sweeps: runs as eval runs them, over scenarios, the policy registry and eval's figures.
	sweep: ['sim', 'policy', 'scenario', 'report', 'options', 'terminal'],
	// Figures from the reports' documents, read as outside input (pure: the CLI reads and writes the files).
	plot: ['terminal', 'report'],
	cli: ['sim', 'policy', 'migration', 'network', 'power', 'scenario', 'report', 'ui', 'terminal', 'options', 'serve', 'sweep', 'plot', '(shell)'],
	bench: ['sim', 'policy', 'migration', 'network', 'power', 'scenario', 'report', 'ui', 'plot', '(shell)'],
};

function targetLayer(file: SourceFile, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) {
		return undefined;
	}

	const target = relative(sourceRoot, join(sourceRoot, file.path, '..', specifier));
	return target.includes('/') ? target.split('/')[0] : '(shell)';
}

test('imports point down toward sim/: no layer reaches across or up', t => {
	const wrong: string[] = [];
	for (const file of sources) {
		const permitted = allowed[file.layer];
		if (!permitted) {
			// The shells wire everything; any other directory needs a rule here.
			if (file.layer !== '(shell)') {
				wrong.push(`${file.path}: layer ${file.layer} has no rule in this test`);
			}

			continue;
		}

		for (const specifier of file.imports) {
			const layer = targetLayer(file, specifier);
			if (layer !== undefined && layer !== file.layer && !permitted.includes(layer)) {
				wrong.push(`${file.path} imports ${specifier} (${layer})`);
			}
		}
	}

	t.deepEqual(wrong, []);
});

test('the core is pure: no React, Ink, node:*, clock, Math.random or console in sim/', t => {
	const impure: string[] = [];
	for (const file of sources.filter(source => source.layer === 'sim')) {
		for (const specifier of file.imports) {
			if (/^(?:react|ink|node:|fs|path|process)/v.test(specifier)) {
				impure.push(`${file.path} imports ${specifier}`);
			}
		}

		for (const pattern of [/\bMath\.random\b/v, /\bDate\.now\b/v, /\bnew Date\b/v, /\bperformance\./v, /\bconsole\./v, /\bprocess\./v]) {
			if (pattern.test(file.text)) {
				impure.push(`${file.path} uses ${pattern.source}`);
			}
		}
	}

	t.deepEqual(impure, []);
});

test('only the shells touch process', t => {
	const shells = new Set(['cli.tsx', 'bench/index.ts', 'bench/ink-floor.tsx']);
	const touches = (file: SourceFile) => /\bprocess\.(?:argv|exit|stdout|stdin|stderr|on|once)\b/v.test(file.text);
	const touching = sources.filter(file => touches(file) && !(shells.has(file.path) || file.path.startsWith('cli/'))).map(file => file.path);
	t.deepEqual(touching, []);
});

test('a session runs without React or Ink, and keeps time only by the clock it is given', t => {
	const byPath = new Map(sources.map(file => [file.path, file]));
	const loaded = new Set<string>();
	const queue = sources.filter(file => file.layer === 'session');
	const found: string[] = [];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (loaded.has(file.path)) {
			continue;
		}

		loaded.add(file.path);
		for (const specifier of file.runtimeImports) {
			if (!specifier.startsWith('.')) {
				if (/^(?:react|ink)/v.test(specifier)) {
					found.push(`${file.path} loads ${specifier}`);
				}

				continue;
			}

			const path = relative(sourceRoot, join(sourceRoot, file.path, '..', specifier));
			const target = byPath.get(path.replace(/\.js$/v, '.ts')) ?? byPath.get(path.replace(/\.js$/v, '.tsx'));
			if (target) {
				queue.push(target);
			}
		}
	}

	for (const file of sources.filter(source => source.layer === 'session')) {
		const clocks = [/\bset(?:Timeout|Interval|Immediate)\b/v, /\bDate\.now\b/v, /\bnew Date\b/v, /\bperformance\./v];
		for (const pattern of [...clocks, /\bMath\.random\b/v, /\bprocess\./v]) {
			if (pattern.test(file.text)) {
				found.push(`${file.path} uses ${pattern.source}`);
			}
		}
	}

	t.true(loaded.has('ui/screen.ts'), 'the walk follows imports into ui/');
	t.deepEqual(found, []);
});
