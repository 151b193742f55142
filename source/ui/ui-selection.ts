/** What is selected: the host, the VM and the migration, clamped to the world, and moving the selection. */
import type {World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';
import type {UiState} from './ui-state.js';

export function clamp(value: number, count: number): number {
	return count === 0 ? 0 : Math.max(0, Math.min(count - 1, value));
}

export function selectedHost(state: UiState, world: World) {
	return world.hosts[clamp(state.hostIndex, world.hosts.length)];
}

function vmsOf(world: World, hostId: string | undefined) {
	return world.vms.filter(vm => vm.hostId === hostId && isPlaced(vm));
}

export function selectedVm(state: UiState, world: World) {
	const host = selectedHost(state, world);
	const vms = vmsOf(world, host?.id);
	return vms[clamp(state.vmIndex, vms.length)];
}

/** The VM the panels describe: the selected host's selected VM (its first outside the VM list). */
export function selectedVmId(state: UiState, world: World): string | undefined {
	return selectedVm(state, world)?.id;
}

/** The network view walks every VM in the datacenter, moving the host selection along. */
function moveAcrossVms(state: UiState, world: World, delta: 1 | -1): UiState {
	const all = world.vms.filter(vm => isPlaced(vm));
	const current = selectedVm(state, world);
	const index = current ? all.indexOf(current) : -1;
	const next = all[clamp(index + delta, all.length)];
	if (!next) {
		return state;
	}

	const hostIndex = world.hosts.findIndex(host => host.id === next.hostId);
	return {...state, hostIndex: Math.max(0, hostIndex), vmIndex: vmsOf(world, next.hostId).indexOf(next)};
}

/** Hosts a VM could be sent to, in the picker's order: every other host but scratch hosts. */
export function destinationsFor(world: World, from: string): string[] {
	return world.hosts.filter(host => host.id !== from && host.role === 'worker').map(host => host.id);
}

export function move(state: UiState, world: World, delta: 1 | -1): UiState {
	switch (state.view) {
		case 'hosts': {
			return {...state, hostIndex: clamp(state.hostIndex + delta, world.hosts.length), vmIndex: 0};
		}

		case 'vms': {
			return {...state, vmIndex: clamp(state.vmIndex + delta, vmsOf(world, selectedHost(state, world)?.id).length)};
		}

		case 'migrations': {
			return {...state, migrationIndex: clamp(state.migrationIndex + delta, world.migrations.length)};
		}

		case 'network': {
			return moveAcrossVms(state, world, delta);
		}
	}
}
