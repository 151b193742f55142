/** Reading a sweep file: its text, checked as JSON and against the sweep schema; every fault one line naming the file. */
import {dirname, resolve} from 'node:path';
import {grouped} from '../options/numbers.js';
import {UsageError} from '../options/usage.js';
import {parseJson, parseValueWith} from '../scenario/parse-scenario.js';
import {printable} from '../scenario/printable.js';
import {labelled, readScenarioText} from '../scenario/read-scenario.js';
import {parseSeeds} from '../options/eval.js';
import {
	maxRuns, planSweep, type RunSource, type SweepPlan,
} from './plan.js';
import {sweepSchema, type SweepFile} from './sweep-schema.js';

/** How many runs `sweep` plans, counted before any is made. */
function runCount(sweep: SweepFile): number {
	const seeds = typeof sweep.seeds === 'string' ? parseSeeds(sweep.seeds).length : sweep.seeds.length;
	const sources = sweep.scenarios.length + (sweep.traceDirs.length * (sweep.hosts?.length ?? 0));
	const combinations = Object.values(sweep.parameters).reduce((product, values) => product * values.length, 1);
	return sources * combinations * sweep.policies.length * seeds;
}

export type ReadSweep = {
	plan: SweepPlan;
	/** Where a run's paths are, resolved against the sweep file's directory. */
	resolve(path: string): string;
};

export async function readSweep(path: string): Promise<ReadSweep> {
	const text = await readScenarioText(path, 'sweep file');
	const sweep = labelled(printable(path), () => {
		const checked = parseValueWith(sweepSchema, parseJson(text));
		const count = runCount(checked);
		if (count > maxRuns) {
			throw new UsageError(`${printable(path)}: ${grouped(count)} runs; a sweep plans at most ${grouped(maxRuns)}`);
		}

		return checked;
	});
	const directory = dirname(resolve(path));
	return {plan: planSweep(sweep), resolve: target => resolve(directory, target)};
}

/** A run's source with its paths made absolute. */
export function resolvedSource(source: RunSource, resolvePath: (path: string) => string): RunSource {
	return source.kind === 'scenario' ? {...source, path: resolvePath(source.path)} : {...source, directory: resolvePath(source.directory)};
}
