import type {BuiltScenario} from './build-world.js';

/** As many ticks as the longest replayed trace lasts, or `otherwise` when nothing is replayed. */
export function traceTicks(built: BuiltScenario, otherwise: number): number {
	let samples = 0;
	for (const vm of built.world.vms) {
		for (const shape of vm.workload.shapes) {
			if (shape.kind === 'replay') {
				samples = Math.max(samples, shape.values.length * shape.sampleTicks);
			}
		}
	}

	return samples > 0 ? samples : otherwise;
}
