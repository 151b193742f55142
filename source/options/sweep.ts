/** The flags of `sandpiper sweep plan|run|merge`. Pure, as the other commands' (the environment is passed in). */
import {parseWholeNumber} from './numbers.js';
import {UsageError} from './usage.js';

export type RawSweepFlags = {
	index?: string;
	indexFromEnv?: string;
	out?: string;
	jobs?: string;
	format?: string;
	output?: string;
};

/** Which runs `sweep run` runs: one by index (given, or from a batch system's variable), or all of them over worker processes. */
export type SweepSelection = {kind: 'index'; index: number} | {kind: 'all'; jobs: number};

export type SweepOptions
	= | {action: 'plan'; sweepPath: string}
		| {action: 'run'; sweepPath: string; outDirectory: string; selection: SweepSelection}
		| {action: 'merge'; directory: string; format: 'table' | 'csv' | 'json'; outputPath?: string};

const usage = 'expected sweep plan SWEEP, sweep run SWEEP --out DIR [--index I | --index-from-env VARIABLE | --jobs N], or sweep merge DIR';

/** More workers than this would only queue on any machine this runs on. */
const jobsLimit = {maximum: 256, unit: 'jobs', reason: 'more processes than cores only queue'};

const actionFlags: Readonly<Record<SweepOptions['action'], ReadonlyArray<keyof RawSweepFlags>>> = {
	plan: [],
	run: ['index', 'indexFromEnv', 'out', 'jobs'],
	merge: ['format', 'output'],
};

const flagNames: Readonly<Record<keyof RawSweepFlags, string>> = {
	index: '--index', indexFromEnv: '--index-from-env', out: '--out', jobs: '--jobs', format: '--format', output: '--output',
};

function selection(flags: RawSweepFlags, environment: Readonly<Record<string, string | undefined>>, cores: number): SweepSelection {
	const given = (['index', 'indexFromEnv', 'jobs'] as const).filter(name => flags[name] !== undefined);
	if (given.length > 1) {
		throw new UsageError(`sweep run: ${given.map(name => flagNames[name]).join(' and ')} exclude each other`);
	}

	if (flags.index !== undefined) {
		return {kind: 'index', index: parseWholeNumber('index', flags.index, 0)};
	}

	if (flags.indexFromEnv !== undefined) {
		const variable = flags.indexFromEnv;
		if (!/^[A-Za-z_]\w*$/v.test(variable)) {
			throw new UsageError(`--index-from-env: expected a variable name (SLURM_ARRAY_TASK_ID), got ${JSON.stringify(variable)}`);
		}

		const value = Object.hasOwn(environment, variable) ? environment[variable] : undefined;
		if (value === undefined || value === '') {
			throw new UsageError(`--index-from-env: ${variable} is not set`);
		}

		return {kind: 'index', index: parseWholeNumber(`index-from-env ${variable}`, value, 0)};
	}

	return {kind: 'all', jobs: flags.jobs === undefined ? Math.max(1, Math.min(cores, jobsLimit.maximum)) : parseWholeNumber('jobs', flags.jobs, 1, jobsLimit)};
}

export function parseSweepOptions(input: readonly string[], flags: RawSweepFlags, environment: Readonly<Record<string, string | undefined>>, cores: number): SweepOptions {
	const [action, path, extra] = input;
	if (action !== 'plan' && action !== 'run' && action !== 'merge') {
		throw new UsageError(`sweep: ${usage}`);
	}

	if (path === undefined || path === '' || extra !== undefined) {
		throw new UsageError(`sweep ${action}: ${usage}`);
	}

	const names: ReadonlyArray<keyof RawSweepFlags> = ['index', 'indexFromEnv', 'out', 'jobs', 'format', 'output'];
	const stray = names.find(name => flags[name] !== undefined && !actionFlags[action].includes(name));
	if (stray !== undefined) {
		throw new UsageError(`sweep ${action}: ${flagNames[stray]} belongs to ${Object.entries(actionFlags).filter(([, names]) => names.includes(stray)).map(([name]) => `sweep ${name}`).join(', ')}`);
	}

	switch (action) {
		case 'plan': {
			return {action, sweepPath: path};
		}

		case 'run': {
			if (flags.out === undefined || flags.out === '') {
				throw new UsageError('sweep run: expected --out DIR (where each run\'s result goes)');
			}

			return {
				action, sweepPath: path, outDirectory: flags.out, selection: selection(flags, environment, cores),
			};
		}

		case 'merge': {
			const format = flags.format ?? 'table';
			if (format !== 'table' && format !== 'csv' && format !== 'json') {
				throw new UsageError(`--format: expected table, csv or json, got ${JSON.stringify(format)}`);
			}

			return {
				action, directory: path, format, outputPath: flags.output === '' ? undefined : flags.output,
			};
		}
	}
}
