/**
Checks the run flags of the command line and turns them into options. Pure, so every bad value has a
test; the message names the flag and what it expected, and the shell exits with status 2.
*/
import {policyNames} from './policy/registry.js';

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const formats = ['table', 'json', 'csv'] as const;
export type Format = typeof formats[number];

export type RawRunFlags = {
	headless: boolean;
	demo?: boolean;
	record?: string;
	replay?: string;
	traceDir?: string;
	workloadCsv?: string;
	hosts?: string;
	vms?: string;
	cloudsim?: boolean;
	scenario?: string;
	seed?: string;
	ticks?: string;
	policy?: string;
	format?: string;
	output?: string;
};

export type RunOptions = {
	headless: boolean;
	demo: boolean;
	recordPath?: string;
	replayPath?: string;
	traceDir?: string;
	workloadCsv?: string;
	hosts?: number;
	vms?: number;
	cloudsim: boolean;
	/** Whether --ticks was given (a trace run otherwise lasts as long as its traces). */
	ticksGiven: boolean;
	scenarioPath?: string;
	seed?: number;
	ticks: number;
	policy?: string;
	format: Format;
	outputPath?: string;
};

/** One simulated hour at the default 1 s tick: one period of the default scenario's diurnal wave. */
export const defaultHeadlessTicks = 3600;

export function parseWholeNumber(flag: string, value: string, minimum: number): number {
	const trimmed = value.trim();
	if (!/^\d+$/v.test(trimmed) || Number(trimmed) < minimum || !Number.isSafeInteger(Number(trimmed))) {
		throw new UsageError(`--${flag}: expected a whole number >= ${minimum}, got ${JSON.stringify(value)}`);
	}

	return Number(trimmed);
}

function isFormat(value: string): value is Format {
	return (formats as readonly string[]).includes(value);
}

export function parseRunOptions(flags: RawRunFlags): RunOptions {
	const format = flags.format ?? 'table';
	if (!isFormat(format)) {
		throw new UsageError(`--format: expected one of ${formats.join(', ')}, got ${JSON.stringify(format)}`);
	}

	if (flags.policy !== undefined && !policyNames.includes(flags.policy)) {
		throw new UsageError(`--policy: unknown policy ${JSON.stringify(flags.policy)} (known: ${policyNames.join(', ')})`);
	}

	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	if (flags.traceDir === '') {
		throw new UsageError('--trace-dir: expected a directory');
	}

	if ((flags.hosts !== undefined || flags.vms !== undefined) && flags.traceDir === undefined) {
		throw new UsageError(`--${flags.hosts === undefined ? 'vms' : 'hosts'}: builds a datacenter for traces; give --trace-dir too`);
	}

	if (flags.hosts !== undefined && flags.scenario !== undefined) {
		throw new UsageError('--hosts builds CloudSim\'s datacenter for the traces: it cannot be combined with --scenario');
	}

	for (const name of ['record', 'replay'] as const) {
		if (flags[name] === '') {
			throw new UsageError(`--${name}: expected a file path`);
		}
	}

	if (flags.demo && (flags.headless || flags.record !== undefined || flags.replay !== undefined)) {
		throw new UsageError('--demo plays its own script: it cannot be combined with --headless, --record or --replay');
	}

	if (flags.record !== undefined && flags.replay !== undefined) {
		throw new UsageError('--record and --replay cannot be combined');
	}

	return {
		headless: flags.headless,
		demo: flags.demo ?? false,
		recordPath: flags.record,
		replayPath: flags.replay,
		traceDir: flags.traceDir,
		workloadCsv: flags.workloadCsv === '' ? undefined : flags.workloadCsv,
		hosts: flags.hosts === undefined ? undefined : parseWholeNumber('hosts', flags.hosts, 1),
		vms: flags.vms === undefined ? undefined : parseWholeNumber('vms', flags.vms, 1),
		cloudsim: flags.cloudsim ?? false,
		ticksGiven: flags.ticks !== undefined,
		scenarioPath: flags.scenario,
		seed: flags.seed === undefined ? undefined : parseWholeNumber('seed', flags.seed, 0),
		ticks: flags.ticks === undefined ? defaultHeadlessTicks : parseWholeNumber('ticks', flags.ticks, 1),
		policy: flags.policy,
		format,
		outputPath: flags.output === '' ? undefined : flags.output,
	};
}

/**
The first `--flag` in `argv` that is not a known flag (meow would report it over two lines).
`known` holds camelCase names; `--kebab-case` spellings match them too.
*/
export function findUnknownFlag(argv: readonly string[], known: readonly string[]): string | undefined {
	const names = new Set(known.flatMap(name => [name, name.replaceAll(/[A-Z]/gv, letter => `-${letter.toLowerCase()}`)]));
	for (const argument of argv) {
		if (argument === '--') {
			return undefined;
		}

		if (argument.startsWith('--')) {
			const name = argument.slice(2).split('=')[0]!;
			const bare = name.startsWith('no-') ? name.slice(3) : name;
			if (!names.has(name) && !names.has(bare)) {
				return argument.split('=')[0];
			}
		} else if (/^-[^\d]/v.test(argument)) {
			return argument;
		}
	}

	return undefined;
}

/** `1-10`, `1,4,9` or `7`: the seeds of an evaluation, in the order given. */
export function parseSeeds(value: string): number[] {
	const seeds: number[] = [];
	for (const part of value.split(',')) {
		const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/v.exec(part);
		if (range) {
			const from = Number(range[1]);
			const to = Number(range[2]);
			if (to < from || to - from >= 10_000) {
				throw new UsageError(`--seeds: expected a range like 1-10, got ${JSON.stringify(part.trim())}`);
			}

			for (let seed = from; seed <= to; seed++) {
				seeds.push(seed);
			}
		} else {
			seeds.push(parseWholeNumber('seeds', part, 0));
		}
	}

	return seeds;
}

export type RawEvalFlags = {
	containers?: boolean;
	scenario?: string;
	seeds?: string;
	policies?: string;
	ticks?: string;
	format?: string;
	output?: string;
};

export type EvalOptions = {
	scenarioPath?: string;
	seeds: number[];
	policies: string[];
	ticks: number;
	format: 'table' | 'json';
	outputPath?: string;
	/** Compare the workload as VMs and as containers instead of the policies. */
	containers: boolean;
};

export function parseEvalOptions(flags: RawEvalFlags): EvalOptions {
	const format = flags.format ?? 'table';
	if (format !== 'table' && format !== 'json') {
		throw new UsageError(`--format: expected table or json, got ${JSON.stringify(format)}`);
	}

	const policies = (flags.policies ?? policyNames.join(',')).split(',').map(name => name.trim()).filter(Boolean);
	const unknown = policies.find(name => !policyNames.includes(name));
	if (unknown !== undefined || policies.length === 0) {
		throw new UsageError(`--policies: unknown policy ${JSON.stringify(unknown ?? '')} (known: ${policyNames.join(', ')})`);
	}

	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	return {
		scenarioPath: flags.scenario,
		seeds: parseSeeds(flags.seeds ?? '1-10'),
		policies: [...new Set(policies)],
		ticks: flags.ticks === undefined ? defaultHeadlessTicks : parseWholeNumber('ticks', flags.ticks, 1),
		format,
		outputPath: flags.output === '' ? undefined : flags.output,
		containers: flags.containers ?? false,
	};
}

export type RawMigrationFlags = {
	memory?: string;
	dirtyRate?: string;
	wws?: string;
	bandwidth?: string;
	workingSet?: string;
	format?: string;
	cloudsim: boolean;
};

export type MigrationOptions = {
	memoryMiB: number;
	dirtyRateMiBps: number;
	wwsMiB: number;
	bandwidthMbps: number;
	workingSetMiB?: number;
	format: 'table' | 'json';
	cloudsim: boolean;
};

function positiveNumber(flag: string, value: string | undefined, fallback: number, allowZero = false): number {
	if (value === undefined) {
		return fallback;
	}

	const number = Number(value);
	if (value.trim() === '' || !Number.isFinite(number) || number < 0 || (!allowZero && number === 0)) {
		throw new UsageError(`--${flag}: expected a ${allowZero ? 'number >= 0' : 'positive number'}, got ${JSON.stringify(value)}`);
	}

	return number;
}

/** Flags of `sandpiper migration`; defaults are the memory-heavy class of models.md 2.4. */
export function parseMigrationOptions(flags: RawMigrationFlags): MigrationOptions {
	const format = flags.format ?? 'table';
	if (format !== 'table' && format !== 'json') {
		throw new UsageError(`--format: expected table or json, got ${JSON.stringify(format)}`);
	}

	const memoryMiB = positiveNumber('memory', flags.memory, 1024);
	const wwsMiB = positiveNumber('wws', flags.wws, 256, true);
	if (wwsMiB > memoryMiB) {
		throw new UsageError(`--wws: the writable working set cannot exceed the memory (${memoryMiB} MiB), got ${wwsMiB}`);
	}

	return {
		memoryMiB,
		dirtyRateMiBps: positiveNumber('dirty-rate', flags.dirtyRate, 20, true),
		wwsMiB,
		bandwidthMbps: positiveNumber('bandwidth', flags.bandwidth, 1000),
		workingSetMiB: flags.workingSet === undefined ? undefined : positiveNumber('working-set', flags.workingSet, 0, true),
		format,
		cloudsim: flags.cloudsim,
	};
}

export type RawNetworkFlags = {
	scenario?: string;
	format?: string;
	output?: string;
};

export type NetworkOptions = {
	scenarioPath?: string;
	format: 'table' | 'json';
	outputPath?: string;
};

export function parseNetworkOptions(flags: RawNetworkFlags): NetworkOptions {
	const format = flags.format ?? 'table';
	if (format !== 'table' && format !== 'json') {
		throw new UsageError(`--format: expected table or json, got ${JSON.stringify(format)}`);
	}

	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	return {scenarioPath: flags.scenario, format, outputPath: flags.output === '' ? undefined : flags.output};
}
