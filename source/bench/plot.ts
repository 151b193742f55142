/**
`npm run bench -- --plot`: issue 23's figures, as whole processes of the bundle. `sandpiper plot` of a
one-hour run of the default scenario and of an eval of its 7 policies x 10 seeds, as SVG and as text,
beside the command line's own floor (`--version`, the same start-up with no figure) and, where
PLOT_PEER_COMMAND names one, the peer: a shell command given the timeline's Vega-Lite spec as $SPEC
(Vega's own `vl2svg`, say, drawing the same figure with the same library; this repository neither
holds nor installs it). Runs alternate, so the machine's noise falls on every case alike.
BENCH_OTHER_NODE names another node binary (Node 24, say) to time the same commands with.
*/
import {execFileSync} from 'node:child_process';
import {
	mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {buildFigure} from '../plot/build-figure.js';
import {readPlotInput} from '../plot/read-input.js';
import {figureSpec} from '../plot/spec/figure-spec.js';
import {line, timed, type Timed} from './whole-process.js';

const cli = fileURLToPath(new URL('../bundle/cli.js', import.meta.url));
const runs = 5;

export function plotBench(): void {
	const folder = mkdtempSync(path.join(tmpdir(), 'sandpiper-plot-bench-'));
	try {
		const run = path.join(folder, 'run.json');
		const evaluation = path.join(folder, 'eval.json');
		execFileSync(process.execPath, [cli, '--headless', '--format', 'json', '--events', '--output', run]);
		execFileSync(process.execPath, [cli, 'eval', '--format', 'json', '--seeds', '1-10', '--output', evaluation]);
		const cases: Array<[string, string[]]> = [
			['floor: sandpiper --version', ['--version']],
			['timeline of an hour, SVG', ['plot', run, '--output', path.join(folder, 'timeline.svg')]],
			['timeline of an hour, text', ['plot', run, '--format', 'text', '--output', path.join(folder, 'timeline.txt')]],
			['eval 7 policies x 10 seeds, policies SVG', ['plot', evaluation, '--output', path.join(folder, 'policies.svg')]],
			['eval 7 policies x 10 seeds, tradeoff SVG', ['plot', evaluation, '--kind', 'tradeoff', '--output', path.join(folder, 'tradeoff.svg')]],
			['eval 7 policies x 10 seeds, text', ['plot', evaluation, '--format', 'text', '--output', path.join(folder, 'policies.txt')]],
		];
		const spec = path.join(folder, 'timeline.vl.json');
		writeFileSync(spec, JSON.stringify(figureSpec(buildFigure(readPlotInput(readFileSync(run, 'utf8'), run), {}), {})));
		const peer = process.env['PLOT_PEER_COMMAND'];
		if (peer) {
			process.env['SPEC'] = spec;
			timed('/bin/sh', ['-c', peer]);
			const results = Array.from({length: runs}, () => timed('/bin/sh', ['-c', peer]));
			console.log(`\nPeer (PLOT_PEER_COMMAND), the same timeline's Vega-Lite spec, median of ${runs} runs:`);
			console.log(line('peer: the timeline spec drawn as SVG', results));
		} else {
			console.log('\nPeer: set PLOT_PEER_COMMAND to a shell command drawing $SPEC (a Vega-Lite spec) as SVG, such as vega-cli\'s vl2svg "$SPEC" out.svg');
		}

		const nodes = [process.execPath, ...(process.env['BENCH_OTHER_NODE'] ? [process.env['BENCH_OTHER_NODE']] : [])];
		for (const node of nodes) {
			const version = execFileSync(node, ['--version'], {encoding: 'utf8'}).trim();
			// One unmeasured run each: Node 22 and later keep compiled code between runs, as a user's second plot would find it.
			for (const [, args] of cases) {
				timed(node, [cli, ...args]);
			}

			const results = cases.map((): Timed[] => []);
			for (let round = 0; round < runs; round++) {
				for (const [index, [, args]] of cases.entries()) {
					results[index]!.push(timed(node, [cli, ...args]));
				}
			}

			console.log(`\nPlot (issue 23), node ${version}, whole processes, median of ${runs} alternated runs (fastest-slowest):`);
			for (const [index, [label]] of cases.entries()) {
				console.log(line(label, results[index]!));
			}
		}

		console.log('Target: the one-hour timeline and the 7 x 10 eval each <= 500 ms as a whole process.');
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
