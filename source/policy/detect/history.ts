/**
Utilisation histories for BB12's adaptive detectors and its correlation selector, kept as CloudSim
keeps them: each VM's requested CPU at each scheduling round, newest first, at most 30 (its
`PowerVm.HISTORY_LENGTH`); a host's history is the sum of its VMs' (those planned on it now) over
its capacity, with the zeros at the old end cut off.
*/
import type {Bb12Round} from '../round/cpu-sums.js';
import type {World} from '../../sim/types.js';

export const historyLength = 30;

/** Each VM's requested CPU (units) at each round, newest first, by VM position. */
export type VmHistories = number[][];

/**
Puts this round's requests in front of each VM's history, in place: the histories are the policy's
state, which the world owns (a copy of the world copies them), and a new array per VM per round was
most of a parity day's garbage. `demand`: the requests by VM position, when a round has read them
already (read from each VM otherwise).
*/
export function recordRound(world: World, histories: VmHistories, demand?: ArrayLike<number>): VmHistories {
	let index = -1;
	for (const vm of world.vms) {
		index++;
		histories[index] ??= [];
		const history = histories[index]!;
		// The oldest goes before the newest comes: cutting the length after unshift gave the array's store up and grew a new one, every round.
		while (history.length >= historyLength) {
			history.pop();
		}

		history.unshift(demand ? demand[index]! : vm.usage.demand.cpu);
	}

	return histories;
}

/** Host `index`'s utilisation history as the round has planned it, newest first. */
export function hostHistory(round: Bb12Round, histories: VmHistories, index: number): number[] {
	const capacity = round.load.capacity[index]!;
	const sums = Array.from({length: historyLength}, () => 0);
	for (const vmIndex of round.load.plannedIndices(index)) {
		const history = histories[vmIndex] ?? [];
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
