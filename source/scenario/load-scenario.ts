import {findPolicy, knownPolicies} from '../policy/registry.js';
import {buildWorld, type BuiltScenario} from './build-world.js';
import {withCloudsimParity, withTraces} from './apply-traces.js';
import {cloudsimScenario} from './cloudsim-datacenter.js';
import {inputHash} from './input-hash.js';
import {parseValueWith} from './parse-scenario.js';
import {parseWorkloadCsv, withCsvWorkload} from './csv-workload.js';
import {
	defaultScenarioPath, labelled, readScenario, readScenarioText,
} from './read-scenario.js';
import {readTraceDirectory} from './traces.js';
import {scenarioSchema, type Scenario} from './schema.js';

export type LoadOptions = {
	/** A scenario file; the bundled 16x35 scenario when omitted. */
	path?: string;
	seed?: number;
	policy?: string;
	/** PlanetLab traces (CloudSim's format) to replay ... */
	traceDir?: string;
	/** ... on a CloudSim benchmark datacenter of this many hosts (instead of the scenario's VMs) ... */
	hosts?: number;
	/** ... with this many VMs (default one per file). */
	vms?: number;
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

/** Reads, validates and builds a scenario (or a traced datacenter). Throws the scenario errors, each with a one-line message that names its source. */
export async function loadScenario(options: LoadOptions = {}): Promise<LoadedScenario> {
	const traces = options.traceDir === undefined ? undefined : await readTraceDirectory(options.traceDir);
	const generated = traces !== undefined && options.hosts !== undefined;
	const label = generated ? `the datacenter --hosts built for ${options.traceDir}` : (options.path ?? `the bundled scenario ${defaultScenarioPath}`);
	let scenario = generated
		// A generated scenario is checked and given its defaults as a value: writing it out as JSON text
		// first only held a second copy of every trace (the 800-host day's peak memory).
		? labelled(label, () => parseValueWith(scenarioSchema, cloudsimScenario({traces, hosts: options.hosts!, vms: options.vms})))
		: await readScenario(options.path ?? defaultScenarioPath);
	if (options.cloudsim) {
		scenario = withCloudsimParity(scenario);
	}

	const built = labelled(label, () => buildScenario(scenario, options));
	if (traces && !generated) {
		withTraces(built.world, traces);
	}

	const csvText = options.workloadCsv === undefined ? undefined : await readScenarioText(options.workloadCsv, 'workload CSV');
	if (options.workloadCsv !== undefined) {
		withCsvWorkload(built.world, options.workloadCsv, parseWorkloadCsv(options.workloadCsv, csvText!));
	}

	return {
		...built,
		inputHash: () => inputHash({
			scenario, traces: generated ? undefined : traces, workloadCsv: csvText, policy: options.policy, cloudsim: options.cloudsim,
		}),
	};
}
