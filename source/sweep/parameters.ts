/**
The scenario parameters a sweep may vary, by name: each is one field of the scenario, set on the
checked scenario before it is built (the world's own checks then apply, as for a scenario file).
A Map, as names come from the sweep file.
*/
import type {Scenario} from '../scenario/schema.js';

export type Parameter = {
	/** What it sets, for `--help` and the docs. */
	field: string;
	/** Bounds of a value (inclusive), and whether it must be whole. */
	minimum: number;
	maximum: number;
	whole: boolean;
	apply(scenario: Scenario, value: number): Scenario;
};

const monitoring = (change: (monitoring: Scenario['monitoring'], value: number) => Scenario['monitoring']) =>
	(scenario: Scenario, value: number): Scenario => ({...scenario, monitoring: change(scenario.monitoring, value)});

const threshold = (resource: 'cpu' | 'network' | 'disk' | 'memory'): Parameter => ({
	field: `monitoring.thresholds.${resource}`,
	minimum: 0,
	maximum: 1,
	whole: false,
	apply: monitoring((section, value) => ({...section, thresholds: {...section.thresholds, [resource]: value}})),
});

export const sweepParameters: ReadonlyMap<string, Parameter> = new Map<string, Parameter>([
	['cpuThreshold', threshold('cpu')],
	['networkThreshold', threshold('network')],
	['diskThreshold', threshold('disk')],
	['memoryThreshold', threshold('memory')],
	['k', {
		field: 'monitoring.k', minimum: 1, maximum: 1000, whole: true, apply: monitoring((section, value) => ({...section, k: value})),
	}],
	['n', {
		field: 'monitoring.n', minimum: 1, maximum: 1000, whole: true, apply: monitoring((section, value) => ({...section, n: value})),
	}],
	['cooldownSeconds', {
		field: 'manager.cooldownSeconds',
		minimum: 0,
		maximum: 86_400,
		whole: false,
		apply: (scenario, value) => ({...scenario, manager: {...scenario.manager, cooldownSeconds: value}}),
	}],
	['staticCpuThreshold', {
		field: 'manager.staticCpuThreshold',
		minimum: 0,
		maximum: 1,
		whole: false,
		apply: (scenario, value) => ({...scenario, manager: {...scenario.manager, staticCpuThreshold: value}}),
	}],
]);

/** `k=3 cpuThreshold=0.8`, in the order given: how a run's parameters are shown and named. */
export function parametersText(parameters: ReadonlyArray<readonly [string, number]>): string {
	return parameters.map(([name, value]) => `${name}=${value}`).join(' ');
}

/** `scenario` with every parameter set (names checked when the sweep file was read). */
export function withParameters(scenario: Scenario, parameters: ReadonlyArray<readonly [string, number]>): Scenario {
	let result = scenario;
	for (const [name, value] of parameters) {
		result = sweepParameters.get(name)!.apply(result, value);
	}

	return result;
}
