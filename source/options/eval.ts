/** The flags of `sandpiper eval`: every policy on the same seeds. */
import {
	cycledPolicyNames, findPolicy, policyNames, unknownPolicyText,
} from '../policy/registry.js';
import {grouped, parseWholeNumber} from './numbers.js';
import {
	checkTraceFlags, defaultHeadlessTicks, hostsLimit, seedLimit, ticksLimit, vmsLimit,
} from './run.js';
import {parseTableOrJson, UsageError} from './usage.js';

/** Each seed runs every policy once: 10,000 seeds of the default hour and five policies are hours of computing. */
export const maxSeedCount = 10_000;

/** `1-10`, `1,4,9` or `7`: the seeds of an evaluation, in the order given, at most `maxSeedCount` in all. */
export function parseSeeds(value: string): number[] {
	const ranges: Array<{from: number; to: number}> = [];
	let count = 0;
	for (const part of value.split(',')) {
		const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/v.exec(part);
		if (range) {
			const from = parseWholeNumber('seeds', range[1]!, 0, seedLimit);
			const to = parseWholeNumber('seeds', range[2]!, 0, seedLimit);
			if (to < from) {
				throw new UsageError(`--seeds: expected a range like 1-10, got ${JSON.stringify(part.trim())}`);
			}

			ranges.push({from, to});
			count += to - from + 1;
		} else {
			const seed = parseWholeNumber('seeds', part, 0, seedLimit);
			ranges.push({from: seed, to: seed});
			count++;
		}
	}

	if (count > maxSeedCount) {
		throw new UsageError(`--seeds: at most ${grouped(maxSeedCount)} seeds in all (each runs every policy), got ${grouped(count)}`);
	}

	return ranges.flatMap(({from, to}) => Array.from({length: to - from + 1}, (_, index) => from + index));
}

export type RawEvalFlags = {
	containers?: boolean;
	scenario?: string;
	seeds?: string;
	policies?: string;
	ticks?: string;
	format?: string;
	output?: string;
	traceDir?: string;
	hosts?: string;
	vms?: string;
};

export type EvalOptions = {
	/** PlanetLab traces and CloudSim's datacenter for them: BB12's family on a trace day. */
	traceDir?: string;
	hosts?: number;
	vms?: number;
	/** Whether --ticks was given (a trace day otherwise runs as long as its traces). */
	ticksGiven: boolean;
	scenarioPath?: string;
	seeds: number[];
	policies: string[];
	ticks: number;
	format: 'table' | 'json';
	outputPath?: string;
	/** Compare the workload as VMs and as containers instead of the policies. */
	containers: boolean;
};

/** A trace datacenter's checks: a run's (./run.ts), and no --containers. */
function checkEvalTraceFlags(flags: RawEvalFlags): void {
	checkTraceFlags(flags);
	if (flags.containers && flags.traceDir !== undefined) {
		throw new UsageError('--containers compares a scenario\'s workload as VMs and as containers: it cannot be combined with --trace-dir');
	}
}

export function parseEvalOptions(flags: RawEvalFlags): EvalOptions {
	const format = parseTableOrJson(flags.format);
	checkEvalTraceFlags(flags);
	const onTraceDatacenter = flags.hosts !== undefined;
	// On CloudSim's datacenter the default is BB12's family at CloudSim's parameters, on one seed (only RS draws).
	const defaultPolicies = onTraceDatacenter ? policyNames.filter(name => name.startsWith('cloudsim:')) : cycledPolicyNames;
	const policies = (flags.policies ?? defaultPolicies.join(',')).split(',').map(name => name.trim()).filter(Boolean);
	const unknown = policies.find(name => !findPolicy(name));
	if (unknown !== undefined || policies.length === 0) {
		throw new UsageError(`--policies: ${unknownPolicyText(unknown ?? '')}`);
	}

	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	return {
		scenarioPath: flags.scenario,
		seeds: parseSeeds(flags.seeds ?? (onTraceDatacenter ? '1' : '1-10')),
		traceDir: flags.traceDir,
		hosts: flags.hosts === undefined ? undefined : parseWholeNumber('hosts', flags.hosts, 1, hostsLimit),
		vms: flags.vms === undefined ? undefined : parseWholeNumber('vms', flags.vms, 1, vmsLimit),
		ticksGiven: flags.ticks !== undefined,
		policies: [...new Set(policies)],
		ticks: flags.ticks === undefined ? defaultHeadlessTicks : parseWholeNumber('ticks', flags.ticks, 1, ticksLimit),
		format,
		outputPath: flags.output === '' ? undefined : flags.output,
		containers: flags.containers ?? false,
	};
}
