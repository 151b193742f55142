import {findPolicy, knownPolicies} from '../policy/registry.js';
import {buildWorld, type BuiltScenario} from './build-world.js';
import {withCloudsimParity, withTraces} from './apply-traces.js';
import {cloudsimScenario} from './cloudsim-datacenter.js';
import {inputHash} from './input-hash.js';
import {parseWorkloadCsv, withCsvWorkload} from './csv-workload.js';
import {
	defaultScenarioPath, labelled, readScenario, readScenarioText,
} from './read-scenario.js';
import {printable} from './printable.js';
import {readTraceDirectory, TraceError} from './traces.js';
import type {Scenario} from './schema.js';

export type LoadOptions = {
	/** A scenario file; the bundled 16x35 scenario when omitted. */
	path?: string;
	seed?: number;
	policy?: string;
	/** PlanetLab traces (CloudSim's format) to replay ... */
	traceDir?: string;
	/** ... on a CloudSim benchmark datacenter of this many hosts (instead of the scenario's VMs) ... */
	hosts?: number;
	/** ... with this many VMs (default one per file) ... */
	vms?: number;
	/** ... reusing the files in order when there are fewer than VMs (the bench's scale cases); otherwise that is refused. */
	reuseTraces?: boolean;
	/** CloudSim parity: THR-MMT-0.8, RAM / (BW / 2) migrations, the 10 % penalty. */
	cloudsim?: boolean;
	/** Per-VM utilisation series (`vm,tick,cpu,mem,disk,net`) replacing those VMs' workloads. */
	workloadCsv?: string;
};

export type LoadedScenario = BuiltScenario & {
	/** SHA-256 of the run's inputs but the seed (./input-hash.ts), for recorded sessions; computed when asked. */
	inputHash: () => string;
};

export function buildScenario(scenario: Scenario, options: Omit<LoadOptions, 'path'> = {}): BuiltScenario {
	return buildWorld(scenario, {
		seed: options.seed,
		policy: options.policy,
		knownPolicies,
		initialPolicyState: world => findPolicy(world.policy)?.initialState(world) ?? null,
	});
}

/** A run's inputs read and checked, ready to be built once or many times (an evaluation builds one per seed and policy). */
export type PreparedScenario = {
	scenario: Scenario;
	label: string;
	/** Builds it with this seed and policy (the prepared ones when not given). */
	build(overrides?: {seed?: number; policy?: string}): BuiltScenario;
	inputHash(): string;
};

/** Reads and checks a scenario (or a traced datacenter) and what goes with it. Throws the scenario errors, each with a one-line message that names its source. */
export async function prepareScenario(options: LoadOptions = {}): Promise<PreparedScenario> {
	const traces = options.traceDir === undefined ? undefined : await readTraceDirectory(options.traceDir);
	if (traces && options.vms !== undefined && options.vms > traces.length && !options.reuseTraces) {
		throw new TraceError(`--vms ${options.vms}: the trace directory ${printable(options.traceDir!)} has ${traces.length} files, and each VM replays one of its own`);
	}

	const generated = traces !== undefined && options.hosts !== undefined;
	const label = generated ? `the datacenter --hosts built for ${options.traceDir}` : (options.path ?? `the bundled scenario ${defaultScenarioPath}`);
	let scenario = generated
		? cloudsimScenario({traces, hosts: options.hosts!, vms: options.vms})
		: await readScenario(options.path ?? defaultScenarioPath);
	if (options.cloudsim) {
		scenario = withCloudsimParity(scenario);
	}

	const csvText = options.workloadCsv === undefined ? undefined : await readScenarioText(options.workloadCsv, 'workload CSV');
	const csv = options.workloadCsv === undefined ? undefined : parseWorkloadCsv(options.workloadCsv, csvText!);
	const prepared = scenario;
	return {
		scenario,
		label,
		build(overrides = {}) {
			const built = labelled(label, () => buildScenario(prepared, {...options, ...overrides}));
			if (traces && !generated) {
				withTraces(built.world, traces);
			}

			if (csv) {
				withCsvWorkload(built.world, options.workloadCsv!, csv);
			}

			return built;
		},
		inputHash: () => inputHash({
			scenario: prepared, traces: generated ? undefined : traces, workloadCsv: csvText, policy: options.policy, cloudsim: options.cloudsim,
		}),
	};
}

/** Reads, validates and builds a scenario (or a traced datacenter), once. */
export async function loadScenario(options: LoadOptions = {}): Promise<LoadedScenario> {
	const prepared = await prepareScenario(options);
	return {...prepared.build(), inputHash: () => prepared.inputHash()};
}
