import {readFileSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import {evaluate, stat} from '../../source/report/evaluation.js';
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

test('the paper\'s bar: Sandpiper cuts sustained-overload intervals by at least 61 % against no migration, over 10 seeds, and resolves hotspots in about 20 s', t => {
	const evaluation = evaluateDefault([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ['none', 'sandpiper'], 3600);
	const [none, sandpiper] = evaluation.policies;
	t.is(none!.reductionVsNone, null);
	t.true(none!.sustainedOverloadIntervals.mean > 500, 'static placement suffers: the scenario is not trivially easy');
	t.true(sandpiper!.reductionVsNone! >= 0.61, `reduction ${sandpiper!.reductionVsNone}`);
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
