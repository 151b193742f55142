import type {Host, Vm, World} from './types.js';

export function findHost(world: World, hostId: string): Host | undefined {
	return world.hosts.find(host => host.id === hostId);
}

export function findVm(world: World, vmId: string): Vm | undefined {
	return world.vms.find(vm => vm.id === vmId);
}

export function vmsById(world: World): Map<string, Vm> {
	return new Map(world.vms.map(vm => [vm.id, vm]));
}

/** Simulated seconds since the start. */
export function simulatedSeconds(world: World): number {
	return world.tick * world.config.tickSeconds;
}
