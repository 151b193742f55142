/**
One run of a sweep, as `eval` runs a (policy, seed) pair (../report/eval-seed.ts), and its record: what
ran and its figures, or why it failed. A record holds nothing of the machine or the hour, so the same
run gives the same bytes wherever it ran. Sources are read once per process and kept: a worker runs
many runs of each.
*/
import {defaultHeadlessTicks} from '../options/run.js';
import {runSeed} from '../report/eval-seed.js';
import {buildScenario, prepareScenario} from '../scenario/load-scenario.js';
import {printable} from '../scenario/printable.js';
import {traceTicks} from '../scenario/trace-ticks.js';
import type {Scenario} from '../scenario/schema.js';
import type {Strategies} from '../sim/strategies.js';
import {runFigures, type RunFigures} from './metrics.js';
import {withParameters} from './parameters.js';
import type {RunSource, SweepRun} from './plan.js';
import {resolvedSource} from './read-sweep.js';

export type RunRecord = {
	version: 1;
	id: string;
	index: number;
	policy: string;
	seed: number;
	ticks: number | null;
	parameters: Array<[string, number]>;
	source: RunSource;
} & ({figures: RunFigures} | {error: string});

const sources = new Map<string, Promise<Scenario>>();

async function scenarioOf(source: RunSource): Promise<Scenario> {
	const key = JSON.stringify(source);
	let scenario = sources.get(key);
	if (!scenario) {
		scenario = source.kind === 'scenario'
			? prepareScenario({path: source.path}).then(prepared => prepared.scenario)
			: prepareScenario({traceDir: source.directory, hosts: source.hosts, vms: source.vms ?? undefined}).then(prepared => prepared.scenario);
		sources.set(key, scenario);
	}

	return scenario;
}

/** Runs `run` (its paths resolved by `resolvePath`) with the shell's strategies; a failure is recorded, not thrown. */
export async function runOne(run: SweepRun, resolvePath: (path: string) => string, strategies: Strategies): Promise<RunRecord> {
	const {index, id, policy, seed, parameters, source} = run;
	const what = {
		version: 1 as const, id, index, policy, seed, ticks: run.ticks, parameters, source,
	};
	try {
		const scenario = withParameters(await scenarioOf(resolvedSource(source, resolvePath)), parameters);
		const built = buildScenario(scenario, {seed, policy});
		const ticks = run.ticks ?? (source.kind === 'traces' ? traceTicks(built, defaultHeadlessTicks) : defaultHeadlessTicks);
		const result = runSeed(seed, built, strategies, ticks);
		return {...what, ticks, figures: runFigures(result)};
	} catch (error) {
		return {...what, error: printable((error instanceof Error ? error.message : String(error)).split('\n')[0]!, 500)};
	}
}
