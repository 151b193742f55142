import type {Host, Vm, World} from './types.js';

/**
Positions by id, per array. The world stays plain JSON (no maps in it), so the index lives beside it,
keyed by the array itself; every hit is checked against the array (`items[index].id === id`), so a
push, a removal or a reorder can never return a stale entry: a mismatch rebuilds the index once.
Parity runs look up thousands of VMs and hosts a tick, where a linear `find` cost O(VMs) each.
*/
const indexes = new WeakMap<readonly unknown[], Map<string, number>>();

function positionById(items: ReadonlyArray<{id: string}>, id: string): number | undefined {
	let index = indexes.get(items);
	let at = index?.get(id);
	if (at === undefined || items[at]?.id !== id) {
		index = new Map(items.map((item, position) => [item.id, position]));
		indexes.set(items, index);
		at = index.get(id);
	}

	return at;
}

function findById<T extends {id: string}>(items: readonly T[], id: string): T | undefined {
	const at = positionById(items, id);
	return at === undefined ? undefined : items[at];
}

/**
The index of `world.hosts` itself, for a caller that looks up thousands of hosts at once; it must
check each hit (`hosts[at].id === id`) and fall back to `hostPosition` on a miss, as `positionById` does.
*/
export function hostIndex(world: World): ReadonlyMap<string, number> {
	const {hosts} = world;
	let index = indexes.get(hosts);
	if (!index) {
		positionById(hosts, hosts[0]?.id ?? '');
		index = indexes.get(hosts) ?? new Map<string, number>();
	}

	return index;
}

const vmHosts = new WeakMap<readonly Vm[], Int32Array>();

/**
Each VM's host position, by VM position (-1 where there is no such host). Kept between calls and
checked VM by VM (`hosts[at].id === vm.hostId`), so it is never stale: only a VM that moved is looked
up again. A tick reads every VM's host several times (contention, a policy's round, a batch's ledger),
and a lookup by id for each VM each time cost more than the check. The array is shared and refreshed
by each call: read it at once, do not keep it.
*/
export function vmHostPositions(world: World): Int32Array {
	const {vms, hosts} = world;
	let positions = vmHosts.get(vms);
	if (positions?.length !== vms.length) {
		positions = new Int32Array(vms.length).fill(-1);
		vmHosts.set(vms, positions);
	}

	let index = -1;
	for (const vm of vms) {
		index++;
		const at = positions[index]!;
		if (at < 0 || hosts[at]?.id !== vm.hostId) {
			positions[index] = positionById(hosts, vm.hostId) ?? -1;
		}
	}

	return positions;
}

/** A host's position in `world.hosts`, for callers that keep figures by host in typed arrays. */
export function hostPosition(world: World, hostId: string): number | undefined {
	return positionById(world.hosts, hostId);
}

/** A VM's position in `world.vms`. */
export function vmPosition(world: World, vmId: string): number | undefined {
	return positionById(world.vms, vmId);
}

export function findHost(world: World, hostId: string): Host | undefined {
	return findById(world.hosts, hostId);
}

export function findVm(world: World, vmId: string): Vm | undefined {
	return findById(world.vms, vmId);
}

/** Simulated seconds since the start. */
export function simulatedSeconds(world: World): number {
	return world.tick * world.config.tickSeconds;
}
