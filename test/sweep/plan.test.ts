import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseValueWith} from '../../source/scenario/parse-scenario.js';
import {planLine, planSweep} from '../../source/sweep/plan.js';
import {sweepJsonSchemaText} from '../../source/sweep/sweep-json-schema.js';
import {sweepSchema, type SweepInput} from '../../source/sweep/sweep-schema.js';

const smallest: SweepInput = {
	version: 1, scenarios: ['fixtures/scenarios/sandpiper-16x35.json'], policies: ['none', 'sandpiper'], seeds: '1-4', ticks: 600,
};

const plan = (input: SweepInput) => planSweep(parseValueWith(sweepSchema, input));

test('the smallest sweep file plans 8 runs: policies, then seeds, in the order given', t => {
	const {runs, baseline} = plan(smallest);
	t.deepEqual(runs.map(run => [run.index, run.policy, run.seed]), [
		[0, 'none', 1],
		[1, 'none', 2],
		[2, 'none', 3],
		[3, 'none', 4],
		[4, 'sandpiper', 1],
		[5, 'sandpiper', 2],
		[6, 'sandpiper', 3],
		[7, 'sandpiper', 4],
	]);
	t.is(baseline, 'none');
	t.is(new Set(runs.map(run => run.id)).size, 8);
});

test('a run\'s id is made of what it runs: another axis value elsewhere leaves it as it was', t => {
	const before = plan(smallest).runs;
	const after = plan({...smallest, policies: ['threshold', 'none', 'sandpiper'], seeds: '0-5'}).runs;
	for (const run of before) {
		const same = after.find(other => other.policy === run.policy && other.seed === run.seed);
		t.is(same?.id, run.id);
	}

	t.regex(before[5]!.id, /^sandpiper-16x35\.sandpiper\.s2\.[\da-f]{8}$/v);
});

test('parameters: every combination, the first parameter slowest, inside each source and outside policies', t => {
	const {runs} = plan({
		...smallest, seeds: [7], policies: ['sandpiper'], parameters: {k: [2, 3], cpuThreshold: [0.7, 0.8, 0.9]},
	});
	t.deepEqual(runs.map(run => run.parameters), [
		[['k', 2], ['cpuThreshold', 0.7]],
		[['k', 2], ['cpuThreshold', 0.8]],
		[['k', 2], ['cpuThreshold', 0.9]],
		[['k', 3], ['cpuThreshold', 0.7]],
		[['k', 3], ['cpuThreshold', 0.8]],
		[['k', 3], ['cpuThreshold', 0.9]],
	]);
	t.is(planLine(runs[4]!), `4\t${runs[4]!.id}\t--scenario fixtures/scenarios/sandpiper-16x35.json --policy sandpiper --seed 7 --ticks 600 k=3 cpuThreshold=0.8`);
});

test('trace directories run on every datacenter size, after the scenarios', t => {
	const {runs} = plan({
		...smallest, seeds: '1', policies: ['cloudsim:thr-mmt-0.8'], traceDirs: ['day'], hosts: [10, 20], ticks: undefined,
	});
	t.deepEqual(runs.map(run => run.source), [
		{kind: 'scenario', path: 'fixtures/scenarios/sandpiper-16x35.json'},
		{
			kind: 'traces', directory: 'day', hosts: 10, vms: null,
		},
		{
			kind: 'traces', directory: 'day', hosts: 20, vms: null,
		},
	]);
	t.is(planLine(runs[2]!).split('\t')[2], '--trace-dir day --hosts 20 --policy cloudsim:thr-mmt-0.8 --seed 1');
});

test('the baseline is none when swept, else the first policy, or the one named', t => {
	t.is(plan({...smallest, policies: ['threshold', 'sandpiper']}).baseline, 'threshold');
	t.is(plan({...smallest, baseline: 'sandpiper'}).baseline, 'sandpiper');
});

test('bad sweep files are refused with what is accepted', t => {
	const refused = (input: unknown) => t.throws(() => parseValueWith(sweepSchema, input))?.message ?? '';
	t.regex(refused({...smallest, policies: ['sandpipr']}), /policies\[0\]: .*unknown policy/iv);
	t.regex(refused({...smallest, parameters: {kk: [1]}}), /unknown parameter "kk": expected one of cpuThreshold/v);
	t.regex(refused({...smallest, parameters: {cpuThreshold: [1.5]}}), /from 0 to 1, got 1\.5/v);
	t.regex(refused({...smallest, parameters: {k: [2.5]}}), /whole number/v);
	t.regex(refused({...smallest, scenarios: []}), /expected scenarios or traceDirs/v);
	t.regex(refused({...smallest, traceDirs: ['d']}), /expected hosts/v);
	t.regex(refused({...smallest, seeds: '1-'}), /expected seeds as 1-10/v);
	t.regex(refused({...smallest, baseline: 'threshold'}), /not among the policies/v);
	t.regex(refused({...smallest, scenarios: ['a\u001B[2Jb']}), /without control, format or separator characters/v);
	t.regex(refused({...smallest, scenarios: ['a\u202Eb']}), /without control, format or separator characters/v);
	t.regex(refused({...smallest, extra: 1}), /extra/v);
	t.regex(refused({...smallest, metrics: ['energy']}), /expected a metric/v);
	t.regex(refused({...smallest, name: 'a\u2028b'}), /name without control, format or separator characters/v);
});

test('the same seed, policy, source or parameter value twice is refused: it would count twice in its cell', t => {
	const refused = (input: unknown) => t.throws(() => parseValueWith(sweepSchema, input))?.message ?? '';
	t.regex(refused({...smallest, seeds: [3, 3]}), /seeds: seed 3 is given twice/v);
	t.regex(refused({...smallest, seeds: '1-3,2'}), /seeds: seed 2 is given twice/v);
	t.regex(refused({...smallest, seeds: '5-2'}), /seeds: expected a range like 1-10/v);
	t.regex(refused({...smallest, policies: ['none', 'none']}), /policy "none" is given twice/v);
	t.regex(refused({...smallest, scenarios: ['a.json', 'a.json']}), /scenario "a\.json" is given twice/v);
	t.regex(refused({...smallest, parameters: {cooldownSeconds: [0, -0]}}), /parameters\.cooldownSeconds: value 0 is given twice/v);
	t.regex(refused({
		...smallest, traceDirs: ['d'], hosts: [4, 4],
	}), /host count 4 is given twice/v);
});

test('docs/sweep.schema.json is the schema as `npm run schema` writes it', t => {
	t.is(readFileSync(new URL('../../docs/sweep.schema.json', import.meta.url), 'utf8'), sweepJsonSchemaText());
});
