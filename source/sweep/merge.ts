/**
`sweep merge`: a sweep's records joined into one table, a row per cell of the matrix (source,
parameters, policy) with each kept metric's mean, sd and 95 % interval over seeds, and its change
against the baseline policy's mean in the same source and parameters. Runs without a record and runs
that failed are listed, never dropped in silence.
*/
import {join} from 'node:path';
import {UsageError} from '../options/usage.js';
import {printable} from '../scenario/printable.js';
import {hasUnsafeText} from '../terminal/safe-text.js';
import {summarise, type Summary} from './confidence.js';
import {metricNames, type MetricName} from './metrics.js';
import {
	sourceLabel, type RunSource, type SweepPlan, type SweepRun,
} from './plan.js';
import {readRegularFile} from './regular-file.js';
import {parametersText} from './parameters.js';
import {planFileName, resultPath} from './result-names.js';

export type MetricCell = Summary & {
	/** 1 - mean / the baseline's mean: the share less than the baseline (negative: more); null for the baseline itself or a baseline of 0. */
	vsBaseline: number | null;
};

export type MergedCell = {
	source: string;
	parameters: string;
	policy: string;
	seeds: number;
	/** Runs of this cell that failed, and that have no record yet. */
	failed: number;
	missing: number;
	metrics: Partial<Record<MetricName, MetricCell | null>>;
};

export type Merged = {
	sweep: string;
	baseline: string;
	metrics: MetricName[];
	planned: number;
	done: number;
	failed: Array<{id: string; error: string}>;
	missing: string[];
	cells: MergedCell[];
};

/** A run as sweep run writes it: an id that is a plain file name (never a path), and the fields merge reads. */
const plain = (text: unknown) => typeof text === 'string' && !hasUnsafeText(text);
const count = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isSource(source: RunSource): boolean {
	return typeof source === 'object' && source !== null && (source.kind === 'scenario'
		? plain(source.path)
		: source.kind === 'traces' && plain(source.directory) && count(source.hosts) && (source.vms === null || count(source.vms)));
}

/** A run as sweep run writes it: an id that is a plain file name (never a path), and fields a terminal may show. */
function isRun(run: SweepRun): boolean {
	return typeof run === 'object' && run !== null && isSource(run.source) && typeof run.id === 'string' && /^\w[\w.\-]*$/v.test(run.id) && plain(run.policy)
		&& count(run.seed) && (run.ticks === null || count(run.ticks))
		&& Array.isArray(run.parameters) && run.parameters.every(parameter => Array.isArray(parameter) && plain(parameter[0]) && typeof parameter[1] === 'number');
}

/** The most a plan (a million runs at most) and a run's record may hold. */
const maxPlanBytes = 1024 * 1024 * 1024;
const maxRecordBytes = 1024 * 1024;

function readPlan(directory: string): SweepPlan {
	const read = readRegularFile(join(directory, planFileName), maxPlanBytes);
	if (read.kind === 'absent') {
		throw new UsageError(`${printable(directory)}: no ${planFileName} (is it the --out of a sweep run?)`);
	}

	if (read.kind === 'refused') {
		throw new UsageError(`${printable(join(directory, planFileName))}: ${read.reason}`);
	}

	const {text} = read;
	try {
		// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written by sweep run; its shape is checked below.
		const plan = JSON.parse(text) as SweepPlan;
		if (plan.version !== 1 || !plain(plan.name) || !plain(plan.baseline) || !Array.isArray(plan.runs) || !plan.runs.every(run => isRun(run))
			|| !Array.isArray(plan.metrics) || !plan.metrics.every(metric => (metricNames as readonly string[]).includes(metric))) {
			throw new Error('not a plan');
		}

		return plan;
	} catch {
		throw new UsageError(`${printable(join(directory, planFileName))}: not a sweep plan`);
	}
}

type Outcome = {kind: 'missing'} | {kind: 'failed'; error: string} | {kind: 'done'; figures: Record<string, unknown>};

function readOutcome(directory: string, run: SweepRun): Outcome {
	const read = readRegularFile(resultPath(directory, run.id), maxRecordBytes);
	if (read.kind === 'absent') {
		return {kind: 'missing'};
	}

	if (read.kind === 'refused') {
		return {kind: 'failed', error: `its result file is ${read.reason}`};
	}

	try {
		const record: unknown = JSON.parse(read.text);
		if (typeof record !== 'object' || record === null || !('id' in record) || record.id !== run.id) {
			return {kind: 'failed', error: 'its result file is not this run\'s'};
		}

		if ('error' in record) {
			return {kind: 'failed', error: printable(String(record.error), 500)};
		}

		if ('figures' in record && typeof record.figures === 'object' && record.figures !== null) {
			// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- an object; each figure is checked as it is read.
			return {kind: 'done', figures: record.figures as Record<string, unknown>};
		}
	} catch {
		// Not JSON: said below.
	}

	return {kind: 'failed', error: 'its result file is not a run record'};
}

export function mergeSweep(directory: string): Merged {
	const plan = readPlan(directory);
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- checked against metricNames in readPlan.
	const metrics = plan.metrics as MetricName[];
	const failed: Merged['failed'] = [];
	const missing: string[] = [];
	let done = 0;
	const cells = new Map<string, {source: string; parameters: string; policy: string; values: Map<MetricName, number[]>; seeds: number; failed: number; missing: number}>();
	for (const run of plan.runs) {
		const source = sourceLabel(run.source);
		const parameters = parametersText(run.parameters);
		const key = JSON.stringify([source, parameters, run.policy]);
		let cell = cells.get(key);
		if (!cell) {
			cell = {
				source, parameters, policy: run.policy, values: new Map(metrics.map(metric => [metric, []])), seeds: 0, failed: 0, missing: 0,
			};
			cells.set(key, cell);
		}

		const outcome = readOutcome(directory, run);
		if (outcome.kind === 'missing') {
			missing.push(run.id);
			cell.missing++;
		} else if (outcome.kind === 'failed') {
			failed.push({id: run.id, error: outcome.error});
			cell.failed++;
		} else {
			done++;
			cell.seeds++;
			for (const metric of metrics) {
				const value = outcome.figures[metric];
				if (typeof value === 'number' && Number.isFinite(value)) {
					cell.values.get(metric)!.push(value);
				}
			}
		}
	}

	const summaries = [...cells.values()].map(cell => ({
		...cell, summaries: new Map(metrics.map(metric => [metric, summarise(cell.values.get(metric)!)])),
	}));
	const baselineOf = new Map(summaries.filter(cell => cell.policy === plan.baseline).map(cell => [JSON.stringify([cell.source, cell.parameters]), cell]));
	return {
		sweep: plan.name,
		baseline: plan.baseline,
		metrics,
		planned: plan.runs.length,
		done,
		failed,
		missing,
		cells: summaries.map(cell => {
			const baseline = baselineOf.get(JSON.stringify([cell.source, cell.parameters]));
			return {
				source: cell.source,
				parameters: cell.parameters,
				policy: cell.policy,
				seeds: cell.seeds,
				failed: cell.failed,
				missing: cell.missing,
				metrics: Object.fromEntries(metrics.map(metric => {
					const summary = cell.summaries.get(metric)!;
					const base = baseline?.summaries.get(metric);
					const vsBaseline = summary && base && cell.policy !== plan.baseline && base.mean !== 0 ? 1 - (summary.mean / base.mean) : null;
					return [metric, summary && {...summary, vsBaseline}];
				})),
			};
		}),
	};
}
