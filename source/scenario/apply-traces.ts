/**
Real workloads on a scenario's VMs, and CloudSim parity for any scenario.

`withTraces`: VM i replays trace i (files reused in order when there are fewer), as its CPU demand
in units of one server (100 units = 100 %), interpolated linearly between 5-minute samples as CloudSim
does; the VM's other shapes keep shaping its memory, disk and network.
`withCloudsimParity`: the THR-MMT-0.8 policy, CloudSim's migration time (RAM / (BW / 2)) and 10 %
CPU penalty, hosts that switch on at once (CloudSim has no boot delay).
*/
import {cloudsimDefaultPolicy} from '../policy/registry.js';
import type {World, WorkloadShape} from '../sim/types.js';
import {initialRandomState} from '../sim/workload.js';
import type {Scenario} from './schema.js';
import type {Trace} from './traces.js';

/** CloudSim's samples are 300 s apart. */
export const traceSampleSeconds = 300;

export function withTraces(world: World, traces: readonly Trace[]): World {
	const sampleTicks = Math.max(1, Math.round(traceSampleSeconds / world.config.tickSeconds));
	for (const [index, vm] of world.vms.entries()) {
		const trace = traces[index % traces.length]!;
		const shapes: WorkloadShape[] = vm.workload.shapes.map(shape => ({...shape, resources: shape.resources.filter(resource => resource !== 'cpu')}));
		shapes.push({
			kind: 'replay', values: trace.values, sampleTicks, loop: false, resources: ['cpu'],
		});
		vm.workload = {base: {...vm.workload.base, cpu: 100}, shapes};
		vm.random = initialRandomState(vm.random.rng, vm.workload);
	}

	return world;
}

export function withCloudsimParity(scenario: Scenario): Scenario {
	return {
		...scenario,
		policy: cloudsimDefaultPolicy,
		semantics: 'cloudsim',
		migration: {...scenario.migration, defaultMode: 'cloudsim', vmCpuPenalty: 0.1},
		power: {...scenario.power, bootSeconds: 0},
	};
}
