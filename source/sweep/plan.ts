/**
A sweep's plan: every run of the matrix, in a fixed order (sources, then parameter combinations, then
policies, then seeds), each with a stable id made of what it runs, so a result file names its run
whatever machine or index ran it. Pure: the sweep file's paths stay as written (relative to its
directory), which keeps ids and results the same on every machine that has the same tree.
*/
import {createHash} from 'node:crypto';
import {basename} from 'node:path';
import {parametersText} from './parameters.js';
import {defaultMetrics} from './metrics.js';
import type {SweepFile} from './sweep-schema.js';

export type RunSource
	= | {kind: 'scenario'; path: string}
		| {kind: 'traces'; directory: string; hosts: number; vms: number | null};

export type SweepRun = {
	index: number;
	id: string;
	source: RunSource;
	policy: string;
	seed: number;
	/** Null: the source's own length (3600 ticks for a scenario, a trace day's samples). */
	ticks: number | null;
	/** Name and value of each parameter set, in the sweep file's order. */
	parameters: Array<[string, number]>;
};

export type SweepPlan = {
	version: 1;
	name: string;
	baseline: string;
	metrics: string[];
	runs: SweepRun[];
};

/** Letters, digits, `.`, `-` and `_` only: an id is a file name on every system. */
function slug(text: string): string {
	return text.replaceAll(/[^\w.\-]+/gv, '-').replaceAll(/^-+|-+$/gv, '').slice(0, 40) || 'x';
}

export function sourceLabel(source: RunSource): string {
	return source.kind === 'scenario' ? source.path : `${source.directory} on ${source.hosts} hosts${source.vms === null ? '' : ` with ${source.vms} VMs`}`;
}

function sourceSlug(source: RunSource): string {
	return source.kind === 'scenario' ? slug(basename(source.path).replace(/\.json$/v, '')) : slug(`${basename(source.directory)}-${source.hosts}h${source.vms === null ? '' : `-${source.vms}v`}`);
}

/** Readable, and unique by a hash of everything the run is (two sources of the same file name differ there). */
function runId(run: Omit<SweepRun, 'index' | 'id'>): string {
	const hash = createHash('sha256').update(JSON.stringify([run.source, run.policy, run.seed, run.ticks, run.parameters])).digest('hex').slice(0, 8);
	const parameters = run.parameters.map(([name, value]) => `${name}${value}`).join('_');
	return [sourceSlug(run.source), slug(run.policy), ...(parameters ? [slug(parameters)] : []), `s${run.seed}`, hash].join('.');
}

/** Every combination of the parameters' values, the first parameter slowest. */
function combinations(parameters: Record<string, number[]>): Array<Array<[string, number]>> {
	let result: Array<Array<[string, number]>> = [[]];
	for (const [name, values] of Object.entries(parameters)) {
		result = result.flatMap(combination => values.map((value): Array<[string, number]> => [...combination, [name, value]]));
	}

	return result;
}

/** Sweeps this large are refused when read: their plan alone would fill memory. */
export const maxRuns = 1_000_000;

export function planSweep(sweep: SweepFile): SweepPlan {
	const {seeds} = sweep;
	const sources: RunSource[] = [
		...sweep.scenarios.map((path): RunSource => ({kind: 'scenario', path})),
		...sweep.traceDirs.flatMap(directory => (sweep.hosts ?? []).map((hosts): RunSource => ({
			kind: 'traces', directory, hosts, vms: sweep.vms ?? null,
		}))),
	];
	const runs: SweepRun[] = [];
	for (const source of sources) {
		for (const parameters of combinations(sweep.parameters)) {
			for (const policy of sweep.policies) {
				for (const seed of seeds) {
					const run = {
						source, policy, seed, ticks: sweep.ticks ?? null, parameters,
					};
					runs.push({index: runs.length, id: runId(run), ...run});
				}
			}
		}
	}

	// Each axis holds distinct values (the schema checks), so ids are distinct; a collision would merge two runs' results.
	if (new Set(runs.map(run => run.id)).size !== runs.length) {
		throw new Error('two runs of the plan have the same id');
	}

	return {
		version: 1,
		name: sweep.name ?? 'sweep',
		baseline: sweep.baseline ?? (sweep.policies.includes('none') ? 'none' : sweep.policies[0]!),
		metrics: [...(sweep.metrics ?? defaultMetrics)],
		runs,
	};
}

/** One line of `sweep plan`: index, id and the run as arguments, separated by tabs (GNU parallel's --colsep). */
export function planLine(run: SweepRun): string {
	const source = run.source.kind === 'scenario'
		? `--scenario ${run.source.path}`
		: `--trace-dir ${run.source.directory} --hosts ${run.source.hosts}${run.source.vms === null ? '' : ` --vms ${run.source.vms}`}`;
	const ticks = run.ticks === null ? '' : ` --ticks ${run.ticks}`;
	const parameters = run.parameters.length === 0 ? '' : ` ${parametersText(run.parameters)}`;
	return `${run.index}\t${run.id}\t${source} --policy ${run.policy} --seed ${run.seed}${ticks}${parameters}`;
}
