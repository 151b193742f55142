import {policies, policyNames} from '../policy/registry.js';
import {buildWorld, type BuiltScenario} from './build-world.js';
import {defaultScenarioPath, readScenario} from './read-scenario.js';
import type {Scenario} from './schema.js';

export type LoadOptions = {
	/** A scenario file; the bundled 16x35 scenario when omitted. */
	path?: string;
	seed?: number;
	policy?: string;
};

export function buildScenario(scenario: Scenario, options: Omit<LoadOptions, 'path'> = {}): BuiltScenario {
	return buildWorld(scenario, {
		seed: options.seed,
		policy: options.policy,
		knownPolicies: policyNames,
		initialPolicyState: world => policies[world.policy]?.initialState(world) ?? null,
	});
}

/** Reads, validates and builds a scenario. Throws the scenario errors, each with a one-line message. */
export async function loadScenario(options: LoadOptions = {}): Promise<BuiltScenario> {
	const scenario = await readScenario(options.path ?? defaultScenarioPath);
	return buildScenario(scenario, options);
}
