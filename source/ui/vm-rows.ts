/** The rows of a host's VMs: size, usage, network mode, technique and migration. */
import type {NetworkMode, World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';
import {phaseLabel} from './migration-rows.js';

export type VmRowModel = {
	id: string;
	vmClass: string;
	state: string;
	memoryMiB: number;
	workingSetMiB: number;
	cpuUnits: number;
	networkMbps: number;
	diskMBps: number;
	networkMode: NetworkMode;
	/** PV, HVM, BT, or ctr for a container. */
	technique: string;
	migration: string | null;
	injected: number;
};

/** Short names: binary translation (full), hardware-assisted (HVM), para-virtualised (PV). */
const techniqueShort = {full: 'BT', 'hardware-assisted': 'HVM', paravirtualisation: 'PV'} as const;

export function vmRows(world: World, hostId: string): VmRowModel[] {
	const migrations = new Map(world.migrations.map(migration => [migration.id, migration]));
	return world.vms.filter(vm => vm.hostId === hostId && isPlaced(vm)).map(vm => {
		const migration = vm.migrationId === null ? undefined : migrations.get(vm.migrationId);
		return {
			id: vm.id,
			vmClass: vm.kind === 'container' ? `${vm.vmClass}[ctr]` : vm.vmClass,
			state: vm.state,
			memoryMiB: vm.memoryMiB,
			workingSetMiB: vm.usage.demand.memory,
			cpuUnits: vm.usage.granted.cpu,
			networkMbps: vm.usage.granted.network,
			diskMBps: vm.usage.granted.disk,
			networkMode: vm.nics[0]!.mode,
			technique: vm.technique === null ? 'ctr' : techniqueShort[vm.technique],
			migration: migration ? `${migration.mode} -> ${migration.destinationHostId} (${phaseLabel(migration)})` : null,
			injected: vm.injected.length,
		};
	});
}
