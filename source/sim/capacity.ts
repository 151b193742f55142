/**
Host capacity and contention. A host never hands out more than it has: when demand exceeds capacity,
the hypervisor is served first and the rest is shared in proportion to demand; the unmet part is
recorded, and a host with unmet demand is what this simulator calls overloaded.
*/
import type {
	Host, HostUsage, Migration, World,
} from './types.js';
import {zeroVector} from './resource-vector.js';
import {isPlaced} from './vm-state.js';

/** Memory the VMs of a host may allocate: physical memory less the hypervisor reserve. */
export function usableMemoryMiB(host: Host): number {
	return Math.max(0, host.capacity.memoryMiB - host.capacity.hypervisorReserveMiB);
}

/** Memory allocated on each host: resident VMs plus memory reserved by incoming migrations. */
export function allocatedMemoryByHost(world: World): Map<string, number> {
	const allocated = new Map<string, number>();
	for (const host of world.hosts) {
		allocated.set(host.id, 0);
	}

	for (const vm of world.vms) {
		if (isPlaced(vm)) {
			allocated.set(vm.hostId, (allocated.get(vm.hostId) ?? 0) + vm.memoryMiB);
		}
	}

	for (const migration of world.migrations) {
		const {hostId, memoryMiB} = migrationReservation(migration);
		allocated.set(hostId, (allocated.get(hostId) ?? 0) + memoryMiB);
	}

	return allocated;
}

/**
The memory a migration holds on the host the VM is not counted on: the destination's new allocation
before the switch; after a post-copy switch (the VM now counts on the destination), the source's copy
until the push ends.
*/
export function migrationReservation(migration: Migration): {hostId: string; memoryMiB: number} {
	return migration.switched
		? {hostId: migration.sourceHostId, memoryMiB: migration.memoryMiB}
		: {hostId: migration.destinationHostId, memoryMiB: migration.allocationMiB};
}

/** Free memory on a host for a new VM or an incoming migration (one host: for all, use allocatedMemoryByHost once). */
export function freeMemoryMiB(world: World, host: Host): number {
	// One host: sum in place, no map (commands check one destination each, thousands a tick in parity runs).
	let allocated = 0;
	for (const vm of world.vms) {
		if (vm.hostId === host.id && isPlaced(vm)) {
			allocated += vm.memoryMiB;
		}
	}

	for (const migration of world.migrations) {
		const reservation = migrationReservation(migration);
		if (reservation.hostId === host.id) {
			allocated += reservation.memoryMiB;
		}
	}

	return usableMemoryMiB(host) - allocated;
}

export function emptyHostUsage(): HostUsage {
	return {
		demand: zeroVector(),
		granted: zeroVector(),
		unmet: zeroVector(),
		utilisation: zeroVector(),
		overheadCpuUnits: 0,
		migrationOutMbps: 0,
		migrationInMbps: 0,
		swapMBps: 0,
	};
}

/** The share of demand a resource can serve: 1 when it fits, available / demand otherwise. */
export function shareOf(demand: number, available: number): number {
	// Worked out whether it is needed or not, so that the first host short of capacity in a run does not
	// meet code the optimising compiler has never seen run (it would throw contention back to slow code).
	const share = Math.max(0, available) / demand;
	const fits = demand <= available;
	const none = demand <= 0;
	return fits || none ? 1 : share;
}

const epsilon = 1e-9;

export function isOverloaded(usage: HostUsage): boolean {
	const {unmet} = usage;
	return unmet.cpu > epsilon || unmet.memory > epsilon || unmet.disk > epsilon || unmet.network > epsilon;
}

