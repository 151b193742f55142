import {spawnSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {UsageError} from '../../source/options/usage.js';
import {parseValueWith} from '../../source/scenario/parse-scenario.js';
import {mergeSweep} from '../../source/sweep/merge.js';
import {planSweep, type SweepPlan} from '../../source/sweep/plan.js';
import {planFileName, resultPath} from '../../source/sweep/result-names.js';
import {sweepSchema} from '../../source/sweep/sweep-schema.js';
import {temporaryFolder} from '../helpers/temporary.js';

const plan = planSweep(parseValueWith(sweepSchema, {
	version: 1, scenarios: ['s.json'], policies: ['none', 'sandpiper'], seeds: '1-3', metrics: ['migrations', 'cureSecondsMean'],
}));

function folderWith(thePlan: SweepPlan, records: Record<number, unknown>): string {
	const directory = temporaryFolder('sweep-merge-');
	mkdirSync(directory, {recursive: true});
	writeFileSync(join(directory, planFileName), JSON.stringify(thePlan));
	for (const [index, record] of Object.entries(records)) {
		const run = thePlan.runs[Number(index)]!;
		writeFileSync(resultPath(directory, run.id), typeof record === 'string' ? record : JSON.stringify({id: run.id, ...(record as object)}));
	}

	return directory;
}

const figures = (migrations: number, cureSecondsMean: number | null) => ({figures: {migrations, cureSecondsMean}});

test('cells by policy: mean, sd, interval and the change against the baseline, by hand', t => {
	const merged = mergeSweep(folderWith(plan, {
		0: figures(0, 40), 1: figures(0, 60), 2: figures(0, 50), 3: figures(2, 10), 4: figures(4, null), 5: figures(6, 20),
	}));
	t.is(merged.done, 6);
	const [none, sandpiper] = merged.cells;
	t.is(none!.metrics.cureSecondsMean!.mean, 50);
	t.is(none!.metrics.cureSecondsMean!.vsBaseline, null);
	t.is(sandpiper!.metrics.migrations!.mean, 4);
	t.is(sandpiper!.metrics.migrations!.sd, 2);
	// T(0.975, 2) = 4.303: 4 +- 4.303 x 2 / sqrt(3).
	t.is(sandpiper!.metrics.migrations!.ci95![1].toFixed(4), (4 + (4.303 * 2 / Math.sqrt(3))).toFixed(4));
	// A run without a cure time counts in the cell but not in that metric: 2 values, mean 15, 70 % less than 50.
	t.is(sandpiper!.metrics.cureSecondsMean!.n, 2);
	t.is(sandpiper!.metrics.cureSecondsMean!.vsBaseline, 0.7);
	// The baseline migrated nothing: no share of nothing.
	t.is(sandpiper!.metrics.migrations!.vsBaseline, null);
});

test('failed, foreign, broken and missing results are listed, each by its run', t => {
	const merged = mergeSweep(folderWith(plan, {
		0: figures(0, 1), 1: {error: 'expected k <= n (5), got 9'}, 2: 'not json', 3: {id: 'someone-else', ...figures(1, 1)},
	}));
	t.is(merged.done, 1);
	t.deepEqual(merged.failed.map(run => run.error), ['expected k <= n (5), got 9', 'its result file is not a run record', 'its result file is not this run\'s']);
	t.deepEqual(merged.missing, [plan.runs[4]!.id, plan.runs[5]!.id]);
	t.deepEqual(merged.cells.map(cell => [cell.seeds, cell.failed, cell.missing]), [[1, 2, 0], [0, 1, 2]]);
});

test('a pipe, a directory or a link in a result\'s place is a failed run, read without waiting or without end', t => {
	const directory = folderWith(plan, {0: figures(0, 1)});
	mkdirSync(resultPath(directory, plan.runs[1]!.id));
	symlinkSync('/dev/zero', resultPath(directory, plan.runs[2]!.id));
	spawnSync('mkfifo', [resultPath(directory, plan.runs[3]!.id)]);
	const merged = mergeSweep(directory);
	t.is(merged.done, 1);
	t.deepEqual(merged.failed.map(run => run.error), ['its result file is not a regular file', 'its result file is a symbolic link', 'its result file is not a regular file']);
});

test('a plan whose run ids are paths, or whose fields hold escapes, is no plan', t => {
	for (const run of [{id: '../../etc/passwd'}, {id: '.hidden'}, {policy: 'none\u001B[2J'}, {source: {kind: 'scenario', path: 'a\u202Eb'}}, {
		source: {
			kind: 'traces', directory: 'd', hosts: '\u001B]0;x\u0007', vms: null,
		},
	}, {seed: -1}]) {
		const tampered = {...plan, runs: [{...plan.runs[0]!, ...run}]};
		t.throws(() => mergeSweep(folderWithPlan(tampered)), {instanceOf: UsageError, message: /not a sweep plan/v});
	}
});

function folderWithPlan(thePlan: unknown): string {
	const directory = temporaryFolder('sweep-plan-');
	writeFileSync(join(directory, planFileName), JSON.stringify(thePlan));
	return directory;
}
