import type {Vm} from '../../sim/types.js';

/** Each VM array's positions, kept between rounds and corrected as the round reads the array (a new map each round was garbage). */
const vmIndexes = new WeakMap<readonly Vm[], Map<Vm, number>>();

export function vmIndexFor(vms: readonly Vm[]): Map<Vm, number> {
	let index = vmIndexes.get(vms);
	if (!index) {
		index = new Map();
		vmIndexes.set(vms, index);
	}

	return index;
}
