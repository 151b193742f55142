/**
Memory resize in place (ballooning: Waldspurger, OSDI 2002; SP09 resizes before it migrates): a VM's
allocation grows or shrinks on the host it runs on, at once, when the host has the memory. Sandpiper's
gray-box manager tries this first for a memory hotspot and migrates only when the host cannot.
*/
import {freeMemoryMiB} from './capacity.js';
import {findHost, findVm} from './lookup.js';
import type {Command, SimEvent, World} from './types.js';
import {isDown} from './vm-state.js';

type ResizeVm = Extract<Command, {type: 'resizeVm'}>;

/** Why `command` cannot be carried out now, or undefined when it can. */
export function resizeRefusal(world: World, command: ResizeVm): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	if (!(Number.isFinite(command.memoryMiB) && command.memoryMiB > 0)) {
		return `a new allocation must be a positive number of MiB, got ${command.memoryMiB}`;
	}

	if (vm.migrationId !== null) {
		return `${vm.id} is migrating`;
	}

	if (isDown(vm)) {
		return `${vm.id} is ${vm.state}`;
	}

	const host = findHost(world, vm.hostId);
	if (host?.state !== 'up') {
		return `host ${vm.hostId} is down`;
	}

	const free = freeMemoryMiB(world, host);
	const more = command.memoryMiB - vm.memoryMiB;
	if (more > free) {
		return `${host.id} has ${Math.max(0, Math.floor(free))} MiB free, ${vm.id} needs ${Math.ceil(more)} MiB more`;
	}

	return undefined;
}

export function applyResize(world: World, command: ResizeVm, emit: (event: SimEvent) => void): void {
	const refusal = resizeRefusal(world, command);
	if (refusal !== undefined) {
		emit({
			tick: world.tick, type: 'commandRejected', command: command.type, reason: refusal,
		});
		return;
	}

	const vm = findVm(world, command.vmId)!;
	const fromMiB = vm.memoryMiB;
	vm.memoryMiB = command.memoryMiB;
	emit({
		tick: world.tick, type: 'vmResized', vmId: vm.id, hostId: vm.hostId, fromMiB, toMiB: command.memoryMiB, requestedBy: command.requestedBy ?? 'command',
	});
}
