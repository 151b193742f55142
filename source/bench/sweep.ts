/**
`npm run bench -- --sweep`: issue 22's figures, as whole processes of the bundle. A 200-run sweep of the
default scenario (10 seeds x 5 policies x 4 CPU thresholds, one simulated hour each) with --jobs 1 and
--jobs 2, and a merge of 10,000 result files (one real record copied under every id of a 10,000-run
plan: merge reads and summarises them all the same).
*/
import {spawn, spawnSync} from 'node:child_process';
import {
	mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist/bundle/cli.js');
const scenario = path.join(root, 'fixtures/scenarios/sandpiper-16x35.json');

function run(args: readonly string[]): {seconds: number; stdout: string} {
	const start = performance.now();
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
	const seconds = (performance.now() - start) / 1000;
	if (result.status !== 0) {
		throw new Error(`sweep ${args.join(' ')} ended with status ${String(result.status)}: ${result.stderr}`);
	}

	return {seconds, stdout: result.stdout};
}

export async function sweepBench(): Promise<void> {
	const folder = mkdtempSync(path.join(tmpdir(), 'sandpiper-sweep-bench-'));
	try {
		const sweep = path.join(folder, 'sweep.json');
		const matrix = {
			version: 1, scenarios: [scenario], policies: ['none', 'sandpiper', 'sandpiper-gray', 'threshold', 'consolidate'], seeds: '1-10', ticks: 3600, parameters: {cpuThreshold: [0.7, 0.75, 0.8, 0.85]},
		};
		writeFileSync(sweep, JSON.stringify(matrix));
		console.log(`Sweep (issue 22): 200 runs of the default scenario, one simulated hour each; ${cpus().length} cores`);
		const one = run(['sweep', 'run', sweep, '--out', path.join(folder, 'one'), '--jobs', '1']);
		const two = run(['sweep', 'run', sweep, '--out', path.join(folder, 'two'), '--jobs', '2']);
		const same = run(['sweep', 'merge', path.join(folder, 'one'), '--format', 'json']).stdout === run(['sweep', 'merge', path.join(folder, 'two'), '--format', 'json']).stdout;
		console.log(`  --jobs 1 ${one.seconds.toFixed(1)} s, --jobs 2 ${two.seconds.toFixed(1)} s: ratio ${(two.seconds / one.seconds).toFixed(2)} (target <= 0.6); merges ${same ? 'identical' : 'DIFFER'}`);
		// The machine's own scaling for this work, beside it: the same 200 runs as two independent sweeps of
		// 100 (seeds 1-5 and 6-10), each --jobs 1, at once. Nothing is shared but the hardware.
		const halves = ['1-5', '6-10'].map((seeds, half) => {
			const file = path.join(folder, `half-${half}.json`);
			writeFileSync(file, JSON.stringify({...matrix, seeds}));
			return file;
		});
		const start = performance.now();
		const children = halves.map((file, half) => spawn(process.execPath, [cli, 'sweep', 'run', file, '--out', path.join(folder, `half-${half}`), '--jobs', '1'], {stdio: 'ignore'}));
		await Promise.all(children.map(async child => new Promise(resolve => {
			child.on('close', resolve);
		})));
		const apart = (performance.now() - start) / 1000;
		console.log(`  the machine's floor: two independent 100-run sweeps at once ${apart.toFixed(1)} s, ratio ${(apart / one.seconds).toFixed(2)} to --jobs 1 (two processes that share nothing)`);

		const big = path.join(folder, 'big.json');
		writeFileSync(big, JSON.stringify({
			version: 1, scenarios: [scenario], policies: ['none', 'sandpiper', 'sandpiper-gray', 'threshold', 'consolidate'], seeds: '1-1000', ticks: 60, parameters: {cpuThreshold: [0.7, 0.8]},
		}));
		const out = path.join(folder, 'big');
		run(['sweep', 'run', big, '--out', out, '--index', '0']);
		// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written by sweep run just now.
		const plan = JSON.parse(readFileSync(path.join(out, 'sweep-plan.json'), 'utf8')) as {runs: Array<{id: string; index: number}>};
		const [first] = plan.runs;
		// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written by sweep run just now.
		const record = JSON.parse(readFileSync(path.join(out, `${first!.id}.json`), 'utf8')) as Record<string, unknown>;
		for (const each of plan.runs.slice(1)) {
			writeFileSync(path.join(out, `${each.id}.json`), `${JSON.stringify({...record, id: each.id, index: each.index})}\n`);
		}

		const merges = [0, 1, 2].map(() => run(['sweep', 'merge', out, '--format', 'json']).seconds).toSorted((a, b) => a - b);
		console.log(`  merge of ${plan.runs.length.toLocaleString('en-US')} result files: ${merges[1]!.toFixed(2)} s (median of 3, ${merges[0]!.toFixed(2)}-${merges[2]!.toFixed(2)}; target <= 2 s)`);
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
