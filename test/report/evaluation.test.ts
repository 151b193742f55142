import {readFileSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import type {SeedResult} from '../../source/report/eval-seed.js';
import {evaluate, stat} from '../../source/report/evaluation.js';
import {pairedValues, seedReductions} from '../../source/report/paired-reduction.js';
import {formatEvaluationJson} from '../../source/report/format-evaluation.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {defaultScenarioPath, readScenario} from '../../source/scenario/read-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';

const scenario = await readScenario(defaultScenarioPath);

function evaluateDefault(seeds: number[], policies: string[], ticks: number) {
	return evaluate({
		seeds, policies, ticks, strategies: defaultStrategies, build: (seed, policy) => buildScenario(scenario, {seed, policy}),
	});
}

test('mean and sample standard deviation', t => {
	t.deepEqual(stat([2, 4, 4, 4, 5, 5, 7, 9]), {mean: 5, sd: Math.sqrt(32 / 7)});
	t.deepEqual(stat([3]), {mean: 3, sd: 0});
});

/** A seed's result with only what pairing reads. */
function seedResult(seed: number, sustainedOverloadIntervals: number): SeedResult {
	const partial: Partial<SeedResult> = {seed, sustainedOverloadIntervals};
	return partial as SeedResult;
}

test('the reduction pairs each seed with none on the same seed, not a ratio of means; a seed where none had nothing does not pair', t => {
	const none = [seedResult(1, 100), seedResult(2, 10), seedResult(3, 0)];
	const reductions = seedReductions([seedResult(1, 50), seedResult(2, 10), seedResult(3, 4)], none);
	t.deepEqual(reductions, [0.5, 0, null]);
	t.deepEqual(stat(pairedValues(reductions)!), stat([0.5, 0]), 'mean 0.25, where the ratio of means says 1 - 60 / 110');
	t.is(pairedValues(seedReductions([seedResult(3, 4)], none)), null, 'nothing to pair');
	t.deepEqual(seedReductions([seedResult(2, 5), seedResult(1, 75)], none), [0.5, 0.25], 'by seed, not by position');
});

test('eval runs none on the same seeds when it is not listed, says so, and pairs with it', t => {
	const alone = evaluateDefault([1, 2], ['sandpiper'], 600);
	const listed = evaluateDefault([1, 2], ['none', 'sandpiper'], 600);
	t.deepEqual(alone.baseline, {policy: 'none', listed: false});
	t.deepEqual(listed.baseline, {policy: 'none', listed: true});
	t.deepEqual(alone.policies.map(policy => policy.name), ['sandpiper']);
	const [none, sandpiper] = listed.policies;
	t.is(none!.reduction, null);
	t.true(none!.perSeed.every(seed => seed.reduction === null));
	const expected = sandpiper!.perSeed.map((seed, index) => 1 - (seed.sustainedOverloadIntervals / none!.perSeed[index]!.sustainedOverloadIntervals));
	t.deepEqual(sandpiper!.perSeed.map(seed => seed.reduction), expected);
	t.deepEqual(sandpiper!.reduction, stat(expected));
	t.deepEqual(alone.policies[0], sandpiper, 'the same figures whether none was listed or not');
});

test('the paper\'s bar: Sandpiper cuts sustained-overload intervals by at least 61 % against no migration, over 10 seeds, and resolves hotspots in about 20 s', t => {
	const evaluation = evaluateDefault([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ['none', 'sandpiper'], 3600);
	const [none, sandpiper] = evaluation.policies;
	t.is(none!.reductionVsNone, null);
	t.true(none!.sustainedOverloadIntervals.mean > 500, 'static placement suffers: the scenario is not trivially easy');
	t.true(sandpiper!.reductionVsNone! >= 0.61, `reduction ${sandpiper!.reductionVsNone}`);
	t.true(sandpiper!.reduction!.mean >= 0.61, `paired reduction ${sandpiper!.reduction!.mean}`);
	t.true(sandpiper!.resolutionSeconds.mean! <= 20, `mean resolution ${sandpiper!.resolutionSeconds.mean} s`);
	t.is(sandpiper!.hotAtEnd.mean, 0, 'no host is left hot at the end');
});

test('pinned behaviour: eval on the default scenario, seeds 1-3, 900 ticks, every policy (golden file; UPDATE_GOLDEN=1 rewrites it)', t => {
	const golden = new URL('../golden/eval-16x35-seeds-1-3.json', import.meta.url);
	const actual = formatEvaluationJson(evaluateDefault([1, 2, 3], ['none', 'sandpiper', 'sandpiper-gray', 'threshold'], 900));
	if (process.env['UPDATE_GOLDEN'] === '1') {
		writeFileSync(golden, actual);
	}

	t.is(actual, readFileSync(golden, 'utf8'));
});
