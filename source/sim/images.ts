/**
Snapshots, clones and restores: work on VM images that takes simulated time on shared storage.

- A snapshot saves memory and the disk data written since the previous one: it takes
  (memory + written) / imageMiBps seconds and stores as much. The VM keeps running (copy-on-write);
  the snapshot holds the state of the tick it started.
- A clone copies the VM's memory and disk image to a new VM on a destination host (memory / rate);
  a container's clone starts from its layered image in seconds.
- A restore reloads a snapshot: the VM is stopped while its memory is read back, and loses the work
  done since the snapshot.
*/
import {freeMemoryMiB} from './capacity.js';
import {emptyAccumulator, emptySamples} from './history.js';
import {findHost, findVm} from './lookup.js';
import {zeroVector} from './resource-vector.js';
import {createStream} from './rng.js';
import type {Strategies} from './strategies.js';
import type {
	Command, Operation, SimEvent, Vm, World,
} from './types.js';
import {initialRandomState} from './workload.js';
import {isPlaced, isDown} from './vm-state.js';

type Emit = (event: SimEvent) => void;

export type ImageCommand = Extract<Command, {type: 'snapshot' | 'clone' | 'restore'}>;

function ticksFor(world: World, seconds: number): number {
	return Math.max(1, Math.ceil(seconds / world.config.tickSeconds));
}

function nextId(world: World, prefix: string): string {
	const id = `${prefix}${world.counters.nextObjectId}`;
	world.counters.nextObjectId++;
	return id;
}

function busyWith(world: World, vm: Vm): Operation | undefined {
	return world.operations.find(operation => operation.vmId === vm.id);
}

/** Carries out an image command; returns why it cannot, or undefined. */
export function applyImageCommand(world: World, command: ImageCommand, _strategies: Strategies, emit: Emit): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	if (isDown(vm)) {
		return `${vm.id} is ${vm.state}`;
	}

	const busy = busyWith(world, vm);
	if (busy) {
		return `${vm.id} is busy with a ${busy.kind}`;
	}

	const {tick} = world;
	const rate = world.config.power.imageMiBps;
	switch (command.type) {
		case 'snapshot': {
			const storageMiB = vm.memoryMiB + vm.diskWrittenMB;
			const seconds = storageMiB / rate;
			const snapshotId = nextId(world, 's');
			world.operations.push({
				kind: 'snapshot', id: snapshotId, vmId: vm.id, startTick: tick, untilTick: tick + ticksFor(world, seconds), memoryMiB: vm.memoryMiB, storageMiB,
			});
			vm.diskWrittenMB = 0;
			emit({
				tick, type: 'snapshotStarted', vmId: vm.id, snapshotId, seconds,
			});
			return undefined;
		}

		case 'clone': {
			const destination = findHost(world, command.destinationHostId);
			if (!destination) {
				return `no host ${command.destinationHostId}`;
			}

			if (destination.state !== 'up' || destination.draining) {
				return `${destination.id} is ${destination.draining ? 'draining' : destination.state}`;
			}

			const free = freeMemoryMiB(world, destination) - pendingCloneMiB(world, destination.id);
			if (free < vm.memoryMiB) {
				return `${destination.id} has ${Math.max(0, Math.floor(free))} MiB free, a clone of ${vm.id} needs ${vm.memoryMiB} MiB`;
			}

			const seconds = vm.kind === 'container' ? world.config.power.containerStartSeconds : vm.memoryMiB / rate;
			const cloneId = `${vm.id}-c${world.counters.nextObjectId}`;
			world.operations.push({
				kind: 'clone', id: nextId(world, 'o'), vmId: vm.id, cloneId, hostId: destination.id, untilTick: tick + ticksFor(world, seconds),
			});
			emit({
				tick, type: 'cloneStarted', vmId: vm.id, cloneId, hostId: destination.id, seconds,
			});
			return undefined;
		}

		case 'restore': {
			const snapshot = world.snapshots.find(candidate => candidate.id === command.snapshotId);
			if (snapshot?.vmId !== vm.id) {
				return `${vm.id} has no snapshot ${command.snapshotId}`;
			}

			if (vm.migrationId !== null) {
				return `${vm.id} is migrating`;
			}

			const seconds = snapshot.memoryMiB / rate;
			vm.state = 'stopped';
			world.operations.push({
				kind: 'restore', id: nextId(world, 'o'), vmId: vm.id, snapshotId: snapshot.id, startTick: tick, untilTick: tick + ticksFor(world, seconds),
			});
			emit({
				tick, type: 'restoreStarted', vmId: vm.id, snapshotId: snapshot.id, seconds,
			});
			return undefined;
		}
	}
}

/** Memory promised to clones still being copied to a host. */
export function pendingCloneMiB(world: World, hostId: string): number {
	let total = 0;
	for (const operation of world.operations) {
		if (operation.kind === 'clone' && operation.hostId === hostId) {
			total += findVm(world, operation.vmId)?.memoryMiB ?? 0;
		}
	}

	return total;
}

function createClone(world: World, original: Vm, cloneId: string, hostId: string, strategies: Strategies): Vm {
	// A fresh stream of its own, past every scenario VM's, so no existing VM's numbers change.
	const rng = createStream(world.seed, 1_000_000 + world.vms.length);
	const clone: Vm = {
		...original,
		id: cloneId,
		workload: structuredClone(original.workload),
		random: initialRandomState(rng, original.workload),
		guest: {...original.guest},
		dirtying: {...original.dirtying},
		nics: [],
		networkFunction: structuredClone(original.networkFunction),
		hostId,
		migrationId: null,
		state: 'running',
		lostReason: null,
		injected: [],
		diskWrittenMB: 0,
		usage: {demand: zeroVector(), granted: zeroVector(), swapMBps: 0},
		intervals: emptySamples(),
		accumulator: emptyAccumulator(),
	};
	strategies.network.addNics(world, clone, original);
	return clone;
}

/** Once per tick: operations whose time is up complete. */
export function advanceOperations(world: World, strategies: Strategies, emit: Emit): void {
	if (world.operations.length === 0) {
		return;
	}

	const {tick} = world;
	const remaining: Operation[] = [];
	for (const operation of world.operations) {
		if (operation.untilTick > tick) {
			remaining.push(operation);
			continue;
		}

		const vm = findVm(world, operation.vmId);
		if (!vm || !isPlaced(vm)) {
			continue;
		}

		switch (operation.kind) {
			case 'snapshot': {
				world.snapshots.push({
					id: operation.id, vmId: vm.id, tick: operation.startTick, memoryMiB: operation.memoryMiB, storageMiB: operation.storageMiB,
				});
				world.counters.snapshotsTaken++;
				emit({
					tick, type: 'snapshotTaken', vmId: vm.id, snapshotId: operation.id, memoryMiB: operation.memoryMiB, storageMiB: operation.storageMiB,
				});
				break;
			}

			case 'clone': {
				const host = findHost(world, operation.hostId);
				if (host?.state !== 'up' || host.draining) {
					emit({
						tick, type: 'commandRejected', command: 'clone', reason: `${operation.hostId} went down or is draining: ${operation.cloneId} was not created`,
					});
					break;
				}

				// Migrations may have taken the room meanwhile (planners do not see clones in flight).
				if (freeMemoryMiB(world, host) < vm.memoryMiB) {
					emit({
						tick, type: 'commandRejected', command: 'clone', reason: `${host.id} no longer has ${vm.memoryMiB} MiB free: ${operation.cloneId} was not created`,
					});
					break;
				}

				world.vms.push(createClone(world, vm, operation.cloneId, host.id, strategies));
				emit({
					tick, type: 'cloneCreated', vmId: vm.id, cloneId: operation.cloneId, hostId: host.id,
				});
				break;
			}

			case 'restore': {
				const snapshot = world.snapshots.find(candidate => candidate.id === operation.snapshotId)!;
				vm.state = 'running';
				vm.injected = [];
				emit({
					tick, type: 'vmRestored', vmId: vm.id, snapshotId: snapshot.id, lostSeconds: (operation.startTick - snapshot.tick) * world.config.tickSeconds,
				});
				break;
			}
		}
	}

	world.operations = remaining;
}
