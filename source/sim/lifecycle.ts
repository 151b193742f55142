/**
A host's life: failure and recovery, power off and on (with a boot delay), and maintenance drains
that live-migrate every VM away before powering the host off.

When a host fails, its VMs' memory is gone. A VM with a snapshot restarts from it on another host of
the same hypervisor family (its image is that family's), losing the work since the snapshot; a VM
without one is lost. That is what snapshots buy (the course material's "failures become manageable").
*/
import {occupancy, type BatchLedger} from './batch-ledger.js';
import {allocatedMemoryByHost, usableMemoryMiB} from './capacity.js';
import {findHost} from './lookup.js';
import {abortMigration, loseVm} from './migration-end.js';
import type {Strategies} from './strategies.js';
import type {
	Command, Host, SimEvent, Vm, World,
} from './types.js';
import {isPlaced} from './vm-state.js';

type Emit = (event: SimEvent) => void;

export type LifecycleCommand = Extract<Command, {type: 'failHost' | 'recoverHost' | 'powerOn' | 'powerOff' | 'drainHost'}>;

/** VMs that occupy a host: running, paused or restoring there, not lost. */
export function residentsOf(world: World, hostId: string): Vm[] {
	return world.vms.filter(vm => vm.hostId === hostId && isPlaced(vm));
}

function touchesMigration(world: World, hostId: string): boolean {
	return world.migrations.some(migration => migration.sourceHostId === hostId || migration.destinationHostId === hostId);
}

/** The host a snapshot restarts on: same family, up, not draining, room for it; the most free memory first. */
function restartHost(world: World, vm: Vm, failed: Host): Host | undefined {
	const allocated = allocatedMemoryByHost(world);
	let best: Host | undefined;
	let bestFree = -1;
	for (const host of world.hosts) {
		if (host.id === failed.id || host.state !== 'up' || host.draining || host.role !== 'worker') {
			continue;
		}

		if (vm.kind === 'vm' && host.hypervisor.family !== failed.hypervisor.family) {
			continue;
		}

		const free = usableMemoryMiB(host) - (allocated.get(host.id) ?? 0);
		if (free >= vm.memoryMiB && free > bestFree) {
			best = host;
			bestFree = free;
		}
	}

	return best;
}

function fail(world: World, host: Host, strategies: Strategies, emit: Emit): void {
	const {tick} = world;
	host.state = 'failed';
	host.draining = false;
	host.bootUntilTick = null;
	for (const migration of world.migrations.filter(m => m.sourceHostId === host.id || m.destinationHostId === host.id)) {
		const end = host.id === migration.destinationHostId ? 'destination' : 'source';
		if (migration.switched) {
			// Post-copy after the switch: the VM's memory is split between the hosts, and one is gone.
			loseVm(world, migration, `${end} ${host.id} failed during the post-copy push`, emit);
			world.counters.vmsLost++;
		} else {
			abortMigration(world, migration, `${end} ${host.id} failed`, emit);
		}
	}

	const victims = residentsOf(world, host.id);
	// Work in flight on the failed host goes with it.
	world.operations = world.operations.filter(operation => !victims.some(vm => vm.id === operation.vmId));
	emit({
		tick, type: 'hostFailed', hostId: host.id, stoppedVmIds: victims.map(vm => vm.id),
	});
	for (const vm of victims) {
		const snapshot = world.snapshots.findLast(candidate => candidate.vmId === vm.id);
		const target = snapshot && restartHost(world, vm, host);
		if (snapshot && target) {
			const lostSeconds = (tick - snapshot.tick) * world.config.tickSeconds;
			vm.hostId = target.id;
			vm.state = 'running';
			vm.injected = [];
			world.counters.vmsRestarted++;
			world.counters.workLostSeconds += lostSeconds;
			emit({
				tick, type: 'vmRestartedFromSnapshot', vmId: vm.id, from: host.id, to: target.id, snapshotId: snapshot.id, lostSeconds,
			});
			strategies.network.moved(world, vm, {fromHostId: host.id, toHostId: target.id, migrationId: null}, emit);
			continue;
		}

		const reason = snapshot
			? `${host.id} failed and no ${host.hypervisor.family} host had ${vm.memoryMiB} MiB free to restart ${vm.id} from its snapshot`
			: `${host.id} failed and ${vm.id} had no snapshot`;
		vm.state = 'lost';
		vm.lostReason = reason;
		world.counters.vmsLost++;
		emit({
			tick, type: 'vmLost', vmId: vm.id, reason,
		});
	}
}

/** Carries out a host command; returns why it cannot, or undefined. */
export function applyLifecycle(world: World, command: LifecycleCommand, strategies: Strategies, emit: Emit, ledger?: BatchLedger): string | undefined {
	const host = findHost(world, command.hostId);
	if (!host) {
		return `no host ${command.hostId}`;
	}

	const {tick} = world;
	switch (command.type) {
		case 'failHost': {
			if (host.state === 'failed' || host.state === 'off') {
				return `${host.id} is ${host.state === 'off' ? 'powered off' : 'already failed'}`;
			}

			fail(world, host, strategies, emit);
			return undefined;
		}

		case 'recoverHost': {
			if (host.state !== 'failed') {
				return `${host.id} has not failed`;
			}

			host.state = 'up';
			emit({
				tick, type: 'hostRecovered', hostId: host.id, restartedVmIds: [],
			});
			return undefined;
		}

		case 'powerOn': {
			if (host.state !== 'off') {
				return `${host.id} is ${host.state === 'failed' ? 'failed: recover it' : 'already on'}`;
			}

			const bootTicks = Math.ceil(world.config.power.bootSeconds / world.config.tickSeconds);
			host.state = bootTicks > 0 ? 'booting' : 'up';
			host.bootUntilTick = bootTicks > 0 ? tick + bootTicks : null;
			emit({
				tick, type: 'hostPoweredOn', hostId: host.id, bootSeconds: world.config.power.bootSeconds,
			});
			return undefined;
		}

		case 'powerOff': {
			if (host.state === 'off' || host.state === 'failed') {
				return `${host.id} is already ${host.state === 'off' ? 'off' : 'down (failed)'}`;
			}

			// A batch's ledger counts them; alone, scan the world.
			const {residents, migrating} = ledger ? occupancy(ledger, host.id) : {residents: residentsOf(world, host.id).length, migrating: touchesMigration(world, host.id)};
			if (residents > 0 || migrating) {
				return `${host.id} still runs ${residents} VM${residents === 1 ? '' : 's'}: drain it first`;
			}

			powerOff(world, host, emit);
			return undefined;
		}

		case 'drainHost': {
			if (host.state !== 'up') {
				return `${host.id} is ${host.state}`;
			}

			if (host.draining) {
				return `${host.id} is already draining`;
			}

			host.draining = true;
			emit({
				tick, type: 'drainStarted', hostId: host.id, vmIds: residentsOf(world, host.id).map(vm => vm.id),
			});
			return undefined;
		}
	}
}

function powerOff(world: World, host: Host, emit: Emit): void {
	host.state = 'off';
	host.draining = false;
	host.bootUntilTick = null;
	host.injected = [];
	emit({tick: world.tick, type: 'hostPoweredOff', hostId: host.id});
}

/** Where a drain sends a VM: an up worker of the same family (live migration), not draining, with room; the least CPU first. */
function drainDestination(world: World, vm: Vm, source: Host, reserved: ReadonlyMap<string, number>, allocated: ReadonlyMap<string, number>): Host | undefined {
	let best: Host | undefined;
	for (const host of world.hosts) {
		if (host.id === source.id || host.state !== 'up' || host.draining || host.role !== 'worker') {
			continue;
		}

		if (vm.kind === 'vm' && host.hypervisor.family !== source.hypervisor.family) {
			continue;
		}

		if (usableMemoryMiB(host) - (allocated.get(host.id) ?? 0) - (reserved.get(host.id) ?? 0) < vm.memoryMiB) {
			continue;
		}

		if (!best || host.usage.utilisation.cpu < best.usage.utilisation.cpu) {
			best = host;
		}
	}

	return best;
}

/**
Migrations leaving a host. Not written inline in `advanceLifecycle`'s loop over every host: a callback
there that captures the loop's host makes V8 allocate a scope for every host on every tick.
*/
function migrationsFrom(world: World, hostId: string): number {
	return world.migrations.filter(migration => migration.sourceHostId === hostId).length;
}

/**
Once per tick, after commands: booted hosts start serving; draining hosts send their next VMs away
(returned as migration requests, one out at a time per the manager's limit) and power off once empty.
*/
export function advanceLifecycle(world: World, emit: Emit): Command[] {
	const requests: Command[] = [];
	for (const host of world.hosts) {
		if (host.state === 'booting' && host.bootUntilTick !== null && host.bootUntilTick <= world.tick) {
			host.state = 'up';
			host.bootUntilTick = null;
			emit({tick: world.tick, type: 'hostBooted', hostId: host.id});
		}

		if (!host.draining || host.state !== 'up') {
			continue;
		}

		const residents = residentsOf(world, host.id);
		if (residents.length === 0 && !touchesMigration(world, host.id)) {
			emit({tick: world.tick, type: 'hostDrained', hostId: host.id});
			powerOff(world, host, emit);
			continue;
		}

		const leaving = migrationsFrom(world, host.id);
		let room = Math.max(0, world.config.manager.perHostOut - leaving);
		const reserved = new Map<string, number>();
		for (const vm of residents) {
			if (room === 0) {
				break;
			}

			if (vm.migrationId !== null || vm.state !== 'running') {
				continue;
			}

			const destination = drainDestination(world, vm, host, reserved, allocatedMemoryByHost(world));
			if (destination) {
				reserved.set(destination.id, (reserved.get(destination.id) ?? 0) + vm.memoryMiB);
				requests.push({
					type: 'requestMigration', vmId: vm.id, destinationHostId: destination.id, mode: null, requestedBy: `drain of ${host.id}`,
				});
				room--;
			}
		}
	}

	return requests;
}
