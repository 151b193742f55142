/*
Makes the README's figures, docs/figures/*.svg, from the bundled scenarios: `npm run figures` (after a
build). Each runs the shipped CLI as a user would, so the figures change when the model does. A folder
given as the first argument receives them instead (the test that checks the committed ones are current).
*/
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';

const root = new URL('../', import.meta.url).pathname;
const cli = path.join(root, 'dist/bundle/cli.js');
const out = process.argv[2] ?? path.join(root, 'docs/figures');
const work = mkdtempSync(path.join(tmpdir(), 'sandpiper-figures-'));
const sandpiper = (...words) => execFileSync(process.execPath, [cli, ...words], {stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, NO_COLOR: '1'}});

try {
	// An hour of the paper's datacenter (16 servers, 35 VMs) under Sandpiper, seed 1.
	sandpiper('--headless', '--format', 'json', '--events', '--output', path.join(work, 'run.json'));
	sandpiper('plot', path.join(work, 'run.json'), '--output', path.join(out, 'timeline.svg'));
	// The bundled policies on the same datacenter, ten seeds each.
	sandpiper('eval', '--format', 'json', '--seeds', '1-10', '--output', path.join(work, 'eval.json'));
	sandpiper('plot', path.join(work, 'eval.json'), '--kind', 'policies', '--output', path.join(out, 'policies.svg'));
	sandpiper('plot', path.join(work, 'eval.json'), '--kind', 'tradeoff', '--output', path.join(out, 'tradeoff.svg'));
	// One 1 GiB VM migrated the three ways, beside CloudSim's estimate.
	const migration = sandpiper('migration', '--format', 'json', '--cloudsim');
	writeFileSync(path.join(work, 'migration.json'), migration);
	sandpiper('plot', path.join(work, 'migration.json'), '--output', path.join(out, 'migration.svg'));
} finally {
	rmSync(work, {recursive: true, force: true});
}
