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

/**
Puts this round's requests in front of each VM's history, in place: the histories are the policy's
state, which the world owns (a copy of the world copies them), and a new array per VM per round was
most of a parity day's garbage.
*/
export function recordRound(world: World, histories: VmHistories): VmHistories {
	let index = -1;
	for (const vm of world.vms) {
		index++;
		histories[index] ??= [];
		const history = histories[index]!;
		history.unshift(vm.usage.demand.cpu);
		if (history.length > historyLength) {
			history.length = historyLength;
		}
	}

	return histories;
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
