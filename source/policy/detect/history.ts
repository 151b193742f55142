/**
Utilisation histories for BB12's adaptive detectors and its correlation selector, kept as CloudSim
keeps them: each VM's requested CPU at each scheduling round, newest first, at most 30 (its
`PowerVm.HISTORY_LENGTH`); a host's history is the sum of its VMs' (those planned on it now) over
its capacity, with the zeros at the old end cut off.
*/
import type {PlanningRound} from '../round/round.js';
import type {World} from '../../sim/types.js';

export const historyLength = 30;

/** Each VM's requested CPU (units) at each round, newest first, by VM position. */
export type VmHistories = number[][];

/** The histories with this round's requests in front (a new array per VM: the policy state is the world's, copied with it). */
export function recordRound(world: World, histories: VmHistories): VmHistories {
	return world.vms.map((vm, index) => {
		const known = histories[index] ?? [];
		const next = [vm.usage.demand.cpu, ...known];
		if (next.length > historyLength) {
			next.length = historyLength;
		}

		return next;
	});
}

/** Host `index`'s utilisation history as the round has planned it, newest first. */
export function hostHistory(round: PlanningRound, histories: VmHistories, index: number): number[] {
	const capacity = round.capacity[index]!;
	const sums = Array.from({length: historyLength}, () => 0);
	for (const vm of round.plannedOn(index)) {
		const history = histories[round.vmIndex.get(vm)!] ?? [];
		for (const [at, element] of history.entries()) {
			sums[at]! += element / capacity;
		}
	}

	let length = historyLength;
	while (length > 0 && sums[length - 1] === 0) {
		length--;
	}

	sums.length = length;
	return sums;
}
