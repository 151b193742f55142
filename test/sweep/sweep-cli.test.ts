/**
Sweeps as users run them, whole processes of the built CLI: every index one by one (as GNU parallel or
a Slurm array runs them), or all of them over worker processes, give the same files and the same merge.
*/
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root, runCli} from '../helpers/cli.js';
import {temporaryFolder} from '../helpers/temporary.js';

const scenario = join(root, 'fixtures/scenarios/sandpiper-16x35.json');

function sweepFile(content: Record<string, unknown>): string {
	const path = join(temporaryFolder('sweep-file-'), 'sweep.json');
	writeFileSync(path, JSON.stringify({
		version: 1, scenarios: [scenario], policies: ['none', 'sandpiper'], seeds: '1-3', ticks: 300, ...content,
	}));
	return path;
}

/** Every file of a results folder, by name (the temporary ones would start with a dot: there must be none). */
function files(directory: string): Record<string, string> {
	return Object.fromEntries(readdirSync(directory).toSorted().map(name => [name, readFileSync(join(directory, name), 'utf8')]));
}

/** Runs long enough (about a second each) that a kill lands long before the last one ends, however loaded the machine. */
const longRuns = {ticks: 20_000};
let throughRun: Promise<string> | undefined;

/** The long sweep run through once, for the tests that stop one and compare. */
async function ranThrough(): Promise<string> {
	throughRun ??= (async () => {
		const through = temporaryFolder('sweep-through-');
		await runCli(['sweep', 'run', sweepFile(longRuns), '--out', through, '--jobs', '2']);
		return through;
	})();
	return throughRun;
}

async function merged(directory: string): Promise<string> {
	const json = await runCli(['sweep', 'merge', directory, '--format', 'json']);
	const csv = await runCli(['sweep', 'merge', directory, '--format', 'csv']);
	return json.stdout + csv.stdout;
}

test('every index run alone, and the whole plan over two workers, give the same files and the same merge', async t => {
	const sweep = sweepFile({});
	const one = temporaryFolder('sweep-one-');
	const all = temporaryFolder('sweep-all-');
	const plan = await runCli(['sweep', 'plan', sweep]);
	t.is(plan.code, 0);
	const lines = plan.stdout.trim().split('\n');
	t.is(lines.length, 6);
	for (const line of lines) {
		// eslint-disable-next-line no-await-in-loop -- one process at a time, as a batch system would
		const result = await runCli(['sweep', 'run', sweep, '--out', one, '--index', line.split('\t')[0]!]);
		t.is(result.code, 0);
	}

	const pooled = await runCli(['sweep', 'run', sweep, '--out', all, '--jobs', '2']);
	t.is(pooled.code, 0);
	t.is(pooled.stderr.trim().split('\n').length, 6);
	t.deepEqual(files(one), files(all));
	t.is(Object.keys(files(all)).length, 7);
	const merge = await merged(all);
	t.is(merge, await merged(one));
	const table = await runCli(['sweep', 'merge', all]);
	t.regex(table.stdout, /6 of 6 runs done, 0 failed, 0 missing/v);
	t.regex(table.stdout, /│ sandpiper │ 3 +│ [\d.]+ ± [\d.]+ \(-[\d.]+%\)/v);
});

test('a run that has its result is skipped; --index-from-env reads a batch system\'s variable', async t => {
	const sweep = sweepFile({seeds: '1'});
	const out = temporaryFolder('sweep-env-');
	const first = await runCli(['sweep', 'run', sweep, '--out', out, '--index-from-env', 'SLURM_ARRAY_TASK_ID'], {SLURM_ARRAY_TASK_ID: '1'});
	t.is(first.code, 0);
	const result = Object.keys(files(out)).find(name => name.includes('.sandpiper.'));
	t.truthy(result);
	const again = await runCli(['sweep', 'run', sweep, '--out', out, '--index', '1']);
	t.is(again.code, 0);
	t.regex(again.stderr, /run 1 \(.*\) has its result already/v);
});

test('a sweep killed halfway and resumed gives the same results as one that ran through', async t => {
	const sweep = sweepFile(longRuns);
	const through = await ranThrough();
	const resumed = temporaryFolder('sweep-resumed-');
	// Killed (SIGKILL: no clean-up at all) once it reports its first run done.
	await new Promise<void>(resolve => {
		const child = spawn(process.execPath, ['dist/cli.js', 'sweep', 'run', sweep, '--out', resumed, '--jobs', '1'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			if (stderr.includes('done 1/6')) {
				process.kill(-child.pid!, 'SIGKILL');
			}
		});
		child.on('close', () => {
			resolve();
		});
	});
	const partial = Object.keys(files(resumed)).length - 1;
	t.true(partial >= 1 && partial < 6, `left after the kill: ${Object.keys(files(resumed)).join(', ')}`);
	const rest = await runCli(['sweep', 'run', sweep, '--out', resumed, '--jobs', '2']);
	t.is(rest.code, 0);
	t.regex(rest.stderr, new RegExp(`${partial} of 6 runs have their results already`, 'v'));
	t.deepEqual(Object.keys(files(resumed)).filter(name => !name.startsWith('.')), Object.keys(files(through)));
	for (const [name, text] of Object.entries(files(through))) {
		t.is(readFileSync(join(resumed, name), 'utf8'), text);
	}
});

test('a worker stopped alone by a signal leaves its run without a record: the sweep says so, goes on, and a second run finishes it', async t => {
	const sweep = sweepFile(longRuns);
	const through = await ranThrough();
	const out = temporaryFolder('sweep-worker-killed-');
	const stopped = await new Promise<{code: number | null; stderr: string}>(resolve => {
		const child = spawn(process.execPath, ['dist/cli.js', 'sweep', 'run', sweep, '--out', out, '--jobs', '1'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		let killed = false;
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			if (!killed && stderr.includes('done 1/6')) {
				killed = true;
				const workers = spawnSync('pgrep', ['-P', String(child.pid)], {encoding: 'utf8'}).stdout.trim().split('\n').filter(Boolean);
				for (const worker of workers) {
					try {
						process.kill(Number(worker), 'SIGTERM');
					} catch {
						// Gone between pgrep and the kill (a worker between runs, or the sweep ending): nothing to stop.
					}
				}
			}
		});
		child.on('close', code => {
			resolve({code, stderr});
		});
	});
	// Never a silent loss: a status of 0 means every run has its record; otherwise the line says what to do.
	// (A worker stopped just after writing its record, before saying so, is counted interrupted: its record stands.)
	const records = Object.keys(files(out)).length - 1;
	t.true(stopped.code === 0 ? records === 6 : /1 of 6 runs were interrupted .*run the same command again/v.test(stopped.stderr));
	t.true(stopped.code === 0 || stopped.code === 1);
	const again = await runCli(['sweep', 'run', sweep, '--out', out, '--jobs', '1']);
	t.is(again.code, 0);
	t.deepEqual(files(out), files(through));
});

test('a run that fails writes an error record: run exits 1 and merge lists it', async t => {
	// K = 9 of n = 5 intervals is refused when the scenario is built, in the run, not when the sweep is read.
	const sweep = sweepFile({seeds: '1', policies: ['sandpiper'], parameters: {k: [3, 9]}});
	const out = temporaryFolder('sweep-fail-');
	const run = await runCli(['sweep', 'run', sweep, '--out', out, '--jobs', '2']);
	t.is(run.code, 1);
	t.regex(run.stderr, /1 of 2 runs failed/v);
	const table = await runCli(['sweep', 'merge', out]);
	t.is(table.code, 0);
	t.regex(table.stdout, /1 of 2 runs done, 1 failed, 0 missing/v);
	t.regex(table.stdout, /failed: sandpiper-16x35\.sandpiper\.k9\.s1\.[\da-f]{8}: .*expected k <= n/v);
	const merge = await runCli(['sweep', 'merge', out, '--format', 'json']);
	const json = JSON.parse(merge.stdout) as {failed: unknown[]; cells: Array<{failed: number}>};
	t.is(json.failed.length, 1);
	t.deepEqual(json.cells.map(cell => cell.failed), [0, 1]);
});

test('missing runs are listed by merge, and a folder of another sweep is refused', async t => {
	const sweep = sweepFile({seeds: '1-2', policies: ['none']});
	const out = temporaryFolder('sweep-missing-');
	const first = await runCli(['sweep', 'run', sweep, '--out', out, '--index', '0']);
	t.is(first.code, 0);
	const table = await runCli(['sweep', 'merge', out]);
	t.regex(table.stdout, /1 of 2 runs done, 0 failed, 1 missing\n/v);
	t.regex(table.stdout, /missing: sandpiper-16x35\.none\.s2\./v);
	const other = await runCli(['sweep', 'run', sweepFile({seeds: '5'}), '--out', out, '--index', '0']);
	t.is(other.code, 2);
	t.regex(other.stderr, /holds the results of another sweep/v);
});

test('bad sweep files, indices and folders: one line, status 2', async t => {
	const unwritable = temporaryFolder('sweep-output-');
	const protoSweep = join(temporaryFolder('sweep-proto-'), 'sweep.json');
	writeFileSync(protoSweep, `{"version": 1, "scenarios": [${JSON.stringify(scenario)}], "policies": ["none"], "seeds": "1", "parameters": {"__proto__": [5], "k": [2]}}`);
	const cases: Array<[string[], RegExp]> = [
		[['sweep', 'plan', protoSweep], /parameters\.__proto__: unknown parameter "__proto__"/v],
		[['sweep', 'merge', unwritable, '--output', '/dev/full'], /--output: cannot write \/dev\/full: not a regular file/v],
		[['sweep', 'merge', unwritable, '--output', join(unwritable, 'no', 'such.csv')], /--output: cannot write .*no directory/v],
		[['sweep', 'plan', sweepFile({policies: ['nope']})], /policies\[0\]/v],
		[['sweep', 'plan', sweepFile({scenarios: ['missing.json']})], /scenario missing\.json: no such file/v],
		[['sweep', 'plan', sweepFile({parameters: {k: [0]}})], /parameters\.k\[0\]: expected a whole number from 1/v],
		[['sweep', 'plan', join(root, 'package.json')], /version/v],
		[['sweep', 'plan', join(root, 'no-such-sweep.json')], /cannot read sweep file/v],
		[['sweep', 'run', sweepFile({}), '--out', temporaryFolder('sweep-range-'), '--index', '6'], /--index 6: the sweep plans 6 runs \(indices 0 to 5\)/v],
		[['sweep', 'merge', temporaryFolder('sweep-empty-')], /no sweep-plan\.json/v],
	];
	for (const [args, message] of cases) {
		// eslint-disable-next-line no-await-in-loop -- few, each a process
		const result = await runCli(args);
		t.is(result.code, 2);
		t.regex(result.stderr, message);
		t.is(result.stderr.trim().split('\n').length, 1);
	}

	const junk = join(temporaryFolder('sweep-junk-'), 'bad.json');
	writeFileSync(junk, '{"version": 1,');
	const syntax = await runCli(['sweep', 'plan', junk]);
	t.regex(syntax.stderr, /bad\.json: .*line 1/v);
});

// Without GNU parallel this test is skipped (ava lists it as such); .ci/run installs it.
const withParallel = spawnSync('parallel', ['--version'], {stdio: 'ignore'}).status === 0 ? test : test.skip;

withParallel('GNU parallel runs the plan\'s lines into the same results', async t => {
	const sweep = sweepFile({});
	const reference = temporaryFolder('sweep-reference-');
	const out = temporaryFolder('sweep-parallel-');
	await runCli(['sweep', 'run', sweep, '--out', reference, '--jobs', '2']);
	const plan = await runCli(['sweep', 'plan', sweep]);
	const parallel = spawnSync('parallel', ['--will-cite', '--jobs', '2', '--colsep', '\t', process.execPath, 'dist/cli.js', 'sweep', 'run', sweep, '--out', out, '--index', '{1}'], {cwd: root, input: plan.stdout, encoding: 'utf8'});
	t.is(parallel.status, 0);
	t.deepEqual(files(out), files(reference));
	t.is(await merged(out), await merged(reference));
});

test('the README\'s Slurm array script, its task index simulated, fills the same folder as --jobs', async t => {
	const sweep = sweepFile({seeds: '1-2'});
	const reference = temporaryFolder('sweep-slurm-reference-');
	const out = temporaryFolder('sweep-slurm-');
	await runCli(['sweep', 'run', sweep, '--out', reference, '--jobs', '2']);
	for (let index = 0; index < 4; index++) {
		const task = spawnSync('bash', ['docs/sweep-array.slurm', sweep, out], {
			cwd: root, encoding: 'utf8', env: {...process.env, SLURM_ARRAY_TASK_ID: String(index), SANDPIPER: `${process.execPath} dist/cli.js`},
		});
		t.is(task.status, 0);
	}

	t.deepEqual(files(out), files(reference));
});
