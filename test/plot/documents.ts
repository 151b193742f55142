/** Documents `plot` reads, made by this program's own writers (and small hand-made ones for the edges). */
import {formatJson} from '../../source/report/format-json.js';
import {runReport} from '../../source/report/run-report.js';
import {evaluate} from '../../source/report/evaluation.js';
import {formatEvaluationJson} from '../../source/report/format-evaluation.js';
import {runMain} from '../helpers/main.js';
import {buildScenario, loadScenario} from '../../source/scenario/load-scenario.js';
import {readScenario, defaultScenarioPath} from '../../source/scenario/read-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';

/** A headless JSON report with its events and series, as `--headless --format json --events` writes it. */
export async function runDocument(ticks = 900, seed?: number): Promise<string> {
	const built = await loadScenario(seed === undefined ? {} : {seed});
	return formatJson(runReport(built.world, defaultStrategies, {ticks, timeline: built.timeline, series: true}));
}

/** An eval JSON, as `eval --format json` writes it. */
export async function evalDocument(policies: string[], seeds: number[], ticks = 300): Promise<string> {
	const scenario = await readScenario(defaultScenarioPath);
	return formatEvaluationJson(evaluate({
		seeds, policies, ticks, strategies: defaultStrategies, build: (seed, policy) => buildScenario(scenario, {seed, policy}),
	}));
}

/** The migration comparison, as `migration --format json --cloudsim` writes it. */
export async function migrationDocument(): Promise<string> {
	const {stdout} = await runMain(['migration', '--format', 'json', '--cloudsim']);
	return stdout;
}
