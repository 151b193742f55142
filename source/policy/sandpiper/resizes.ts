/**
Memory pressure relieved in place first (SP09 resizes a VM's allocation; ballooning): a VM under memory
pressure whose host has the memory it needs grows there, and moves only when its host cannot hold it.
The memory is booked in the round, so no move of the same round counts on it.
*/
import type {ViewRound} from '../round/rate-load.js';

/** Plans each resize the hosts can hold; returns the VMs resized. */
export function resizeInPlace(round: ViewRound): Set<string> {
	const resized = new Set<string>();
	let index = -1;
	for (const host of round.hosts) {
		index++;
		for (const vm of host.vms) {
			const more = vm.neededMiB - vm.memoryMiB;
			if (!vm.underMemoryPressure || !vm.movable || more <= 0 || round.freeMiB[index]! < more) {
				continue;
			}

			round.reserveIn(index, more, 0);
			resized.add(vm.id);
			round.commands.push({
				type: 'resizeVm', vmId: vm.id, memoryMiB: vm.neededMiB, requestedBy: round.world.policy,
			});
		}
	}

	return resized;
}
