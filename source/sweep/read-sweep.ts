/** Reading a sweep file: its text, checked as JSON and against the sweep schema; every fault one line naming the file. */
import {dirname, resolve} from 'node:path';
import {grouped} from '../options/numbers.js';
import {UsageError} from '../options/usage.js';
import {parseJson, parseValueWith} from '../scenario/parse-scenario.js';
import {printable} from '../scenario/printable.js';
import {labelled, readScenarioText} from '../scenario/read-scenario.js';
import {
	maxRuns, planSweep, type RunSource, type SweepPlan,
} from './plan.js';
import {sweepSchema, type SweepFile} from './sweep-schema.js';

/** How many runs `sweep` plans, counted before any is made. */
function runCount(sweep: SweepFile): number {
	const seeds = sweep.seeds.length;
	const sources = sweep.scenarios.length + (sweep.traceDirs.length * (sweep.hosts?.length ?? 0));
	const combinations = Object.values(sweep.parameters).reduce((product, values) => product * values.length, 1);
	return sources * combinations * sweep.policies.length * seeds;
}

export type ReadSweep = {
	plan: SweepPlan;
	/** The sweep file's directory, absolute: its runs' paths are relative to it (`resolvedPath`). */
	base: string;
};

/** `path` of a sweep's run, resolved against the sweep file's directory `base` (an absolute path stays as it is). */
export function resolvedPath(base: string, path: string): string {
	return resolve(base, path);
}

export async function readSweep(path: string): Promise<ReadSweep> {
	const text = await readScenarioText(path, 'sweep file');
	const sweep = labelled(printable(path), () => {
		const raw = parseJson(text);
		// JSON.parse keeps a key named __proto__ as the object's own; copied into a record, it would vanish.
		if (typeof raw === 'object' && raw !== null && 'parameters' in raw && typeof raw.parameters === 'object' && raw.parameters !== null && Object.hasOwn(raw.parameters, '__proto__')) {
			throw new UsageError(`${printable(path)}: parameters.__proto__: unknown parameter "__proto__"`);
		}

		const checked = parseValueWith(sweepSchema, raw);
		const count = runCount(checked);
		if (count > maxRuns) {
			throw new UsageError(`${printable(path)}: ${grouped(count)} runs; a sweep plans at most ${grouped(maxRuns)}`);
		}

		return checked;
	});
	const base = dirname(resolve(path));
	return {plan: planSweep(sweep), base};
}

/** A run's source with its paths made absolute. */
export function resolvedSource(source: RunSource, resolvePath: (path: string) => string): RunSource {
	return source.kind === 'scenario' ? {...source, path: resolvePath(source.path)} : {...source, directory: resolvePath(source.directory)};
}
