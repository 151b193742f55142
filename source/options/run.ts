/**
The flags of a run (the dashboard or `--headless`), checked and turned into options. Pure, so every
bad value has a test.
*/
import {findPolicy, unknownPolicyText} from '../policy/registry.js';
import {maxGeneratedHosts, maxGeneratedVms} from '../scenario/cloudsim-datacenter.js';
import {type Limit, parseWholeNumber} from './numbers.js';
import {type Format, formats, UsageError} from './usage.js';

export type RawRunFlags = {
	headless: boolean;
	demo?: boolean;
	record?: string;
	replay?: string;
	/** Replay a session even if its scenario or the program's version changed. */
	force?: boolean;
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
	/** '' (the flag alone): the event log in the JSON report; a path: JSON lines to that file. */
	events?: string;
};

export type RunOptions = {
	headless: boolean;
	demo: boolean;
	recordPath?: string;
	replayPath?: string;
	/** Replay even if the session's scenario or the program's version changed (only with a replay). */
	force: boolean;
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
	/** The event log: none (the default), in the JSON report, or streamed to a file as JSON lines. */
	events: EventsOutput;
};

export type EventsOutput = {kind: 'none'} | {kind: 'report'} | {kind: 'file'; path: string};

/** One simulated hour at the default 1 s tick: one period of the default scenario's diurnal wave. */
export const defaultHeadlessTicks = 3600;

/** 116 simulated days at 1 s ticks: the default scenario ran 1,000,000 ticks in 16 s here (so these in 3 min), the 800-host trace datacenter 288 in 4 s (these in a day). */
export const maxRunTicks = 10_000_000;

export const ticksLimit: Limit = {maximum: maxRunTicks, unit: 'ticks', reason: '116 simulated days at 1 s ticks: a longer run would not finish in reasonable time'};

/** Seeds reach the random streams as 32-bit words (`streamSeed` in sim/rng.ts): 2^32 and above repeat smaller seeds. */
export const maxSeed = (2 ** 32) - 1;

export const seedLimit: Limit = {maximum: maxSeed, reason: 'the random streams take 32-bit seeds: a larger seed would repeat a smaller one'};

/**
The trace datacenter's size by peak RSS (`/usr/bin/time -v`, PlanetLab day 20110303): 2 ticks at 12,800 hosts and its 1,052 VMs
took 0.24 GB, 262,144 hosts 2.4 GB; 50,000 hosts with 100,000 VMs 1.9 GB, their whole day 3.2 GB, and that day also ran in half
Node's default 4 GiB heap (`--max-old-space-size=2048`).
*/
const hostsInMemory = 50_000;
const vmsInMemory = 100_000;

/** The most `--hosts`: what fits in memory, or what the generated network has addresses for if that is fewer. */
export const maxHosts = Math.min(hostsInMemory, maxGeneratedHosts);

/** The most `--vms`, likewise. */
export const maxVms = Math.min(vmsInMemory, maxGeneratedVms);

export const hostsLimit: Limit = {
	maximum: maxHosts, unit: 'hosts', reason: maxHosts < hostsInMemory ? 'the generated network has addresses for no more' : 'a larger datacenter does not fit in memory',
};

export const vmsLimit: Limit = {
	maximum: maxVms, unit: 'VMs', reason: maxVms < vmsInMemory ? 'no more fit on the most hosts' : 'more do not fit in memory',
};

function isFormat(value: string): value is Format {
	return (formats as readonly string[]).includes(value);
}

/** --trace-dir, --hosts and --vms, for a run and for eval: the datacenter needs traces, and replaces a scenario. */
export function checkTraceFlags(flags: {traceDir?: string; hosts?: string; vms?: string; scenario?: string}): void {
	if (flags.traceDir === '') {
		throw new UsageError('--trace-dir: expected a directory');
	}

	if ((flags.hosts !== undefined || flags.vms !== undefined) && flags.traceDir === undefined) {
		throw new UsageError(`--${flags.hosts === undefined ? 'vms' : 'hosts'}: builds a datacenter for traces; give --trace-dir too`);
	}

	if (flags.hosts !== undefined && flags.scenario !== undefined) {
		throw new UsageError('--hosts builds CloudSim\'s datacenter for the traces: it cannot be combined with --scenario');
	}
}

/** The flags that must not be empty or unknown, and those that need another. */
function checkRunFlags(flags: RawRunFlags): void {
	if (flags.policy !== undefined && !findPolicy(flags.policy)) {
		throw new UsageError(`--policy: ${unknownPolicyText(flags.policy)}`);
	}

	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	checkTraceFlags(flags);
	for (const name of ['record', 'replay'] as const) {
		if (flags[name] === '') {
			throw new UsageError(`--${name}: expected a file path`);
		}
	}
}

/** Where the event log goes, if anywhere. */
function eventsOutput(flags: RawRunFlags, format: Format): EventsOutput {
	if (flags.events === undefined) {
		return {kind: 'none'};
	}

	if (!flags.headless) {
		throw new UsageError('--events: only with --headless (the dashboard shows its events; --record keeps its commands)');
	}

	if (flags.events === '') {
		if (format !== 'json') {
			throw new UsageError('--events: alone it adds the event log to the JSON report; give --format json, or --events FILE for JSON lines');
		}

		return {kind: 'report'};
	}

	if (flags.events === flags.output) {
		throw new UsageError('--events: the event log and the report cannot go to the same file');
	}

	return {kind: 'file', path: flags.events};
}

/** The flags that do not go together. */
function checkRunCombinations(flags: RawRunFlags): void {
	if (flags.demo && (flags.headless || flags.record !== undefined || flags.replay !== undefined)) {
		throw new UsageError('--demo plays its own script: it cannot be combined with --headless, --record or --replay');
	}

	if (flags.record !== undefined && flags.replay !== undefined) {
		throw new UsageError('--record and --replay cannot be combined');
	}

	if (flags.force && flags.replay === undefined) {
		throw new UsageError('--force: only with --replay (replays a session whose scenario changed)');
	}
}

export function parseRunOptions(flags: RawRunFlags): RunOptions {
	const format = flags.format ?? 'table';
	if (!isFormat(format)) {
		throw new UsageError(`--format: expected one of ${formats.join(', ')}, got ${JSON.stringify(format)}`);
	}

	checkRunFlags(flags);
	checkRunCombinations(flags);
	return {
		headless: flags.headless,
		demo: flags.demo ?? false,
		recordPath: flags.record,
		replayPath: flags.replay,
		force: flags.force ?? false,
		traceDir: flags.traceDir,
		workloadCsv: flags.workloadCsv === '' ? undefined : flags.workloadCsv,
		hosts: flags.hosts === undefined ? undefined : parseWholeNumber('hosts', flags.hosts, 1, hostsLimit),
		vms: flags.vms === undefined ? undefined : parseWholeNumber('vms', flags.vms, 1, vmsLimit),
		cloudsim: flags.cloudsim ?? false,
		ticksGiven: flags.ticks !== undefined,
		scenarioPath: flags.scenario,
		seed: flags.seed === undefined ? undefined : parseWholeNumber('seed', flags.seed, 0, seedLimit),
		ticks: flags.ticks === undefined ? defaultHeadlessTicks : parseWholeNumber('ticks', flags.ticks, 1, ticksLimit),
		policy: flags.policy,
		format,
		outputPath: flags.output === '' ? undefined : flags.output,
		events: eventsOutput(flags, format),
	};
}
