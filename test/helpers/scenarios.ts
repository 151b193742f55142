import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import type {BuiltScenario} from '../../source/scenario/build-world.js';

/** A scenario input with two hosts and no VMs, for tests to extend. */
export function scenarioInput(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
	return {
		version: 1,
		name: 'test',
		hosts: [{}, {}],
		vms: [],
		...overrides,
	};
}

/** Validates and builds a scenario input exactly as a file would be. */
export function build(input: ScenarioInput, options: {seed?: number; policy?: string} = {}): BuiltScenario {
	return buildScenario(parseScenario(JSON.stringify(input)), options);
}

export const steadyClass = (cpu: number, memoryMiB = 512, extra: {network?: number; disk?: number; memory?: number} = {}) => ({
	memoryMiB,
	workload: {
		base: {
			cpu, memory: extra.memory ?? memoryMiB / 2, disk: extra.disk ?? 0, network: extra.network ?? 0,
		},
	},
});
