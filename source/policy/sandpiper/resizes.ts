/**
Memory pressure relieved in place first (SP09 resizes a VM's allocation; ballooning): a VM under memory
pressure whose host has the memory it needs grows there, and moves only when its host cannot hold it.
The memory is booked in the round's ledger, so no move of the same round counts on it.
*/
import type {ViewLedger} from '../round/view-ledger.js';

/** Plans each resize the hosts can hold; returns the VMs resized. */
export function resizeInPlace(ledger: ViewLedger): Set<string> {
	const resized = new Set<string>();
	const {requests} = ledger;
	let index = -1;
	for (const host of ledger.hosts) {
		index++;
		for (const vm of host.vms) {
			const more = vm.neededMiB - vm.memoryMiB;
			if (!vm.underMemoryPressure || !vm.movable || more <= 0 || ledger.freeMiB[index]! < more) {
				continue;
			}

			ledger.book(index, more);
			resized.add(vm.id);
			requests.commands.push({
				type: 'resizeVm', vmId: vm.id, memoryMiB: vm.neededMiB, requestedBy: requests.world.policy,
			});
		}
	}

	return resized;
}
