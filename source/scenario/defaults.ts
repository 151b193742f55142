import {hypervisorProfiles} from '../sim/hypervisors.js';
import type {
	HostCapacity, HostPower, Hypervisor, HypervisorFamily, HypervisorType,
} from '../sim/types.js';

/** A Sandpiper-testbed server (models.md, project defaults): 100 CPU units, 2 GiB with 256 MiB for dom-0, 200 MB/s disk, gigabit NIC. */
export const defaultCapacity: HostCapacity = {
	cpuUnits: 100,
	memoryMiB: 2048,
	hypervisorReserveMiB: 256,
	diskMBps: 200,
	networkMbps: 1000,
	migrationNetworkMbps: null,
};

/** Sandpiper ran on Xen with para-virtualised guests (SP07). */
export const defaultHypervisor: Omit<Hypervisor, 'type'> = {
	family: 'xen',
	technique: 'paravirtualisation',
};

/** Bare-metal hypervisors are type 1; those that run on a host operating system are type 2. Maps, as names come from input. */
export const hypervisorTypes: ReadonlyMap<HypervisorFamily, HypervisorType> = new Map([
	['kvm', hypervisorProfiles.kvm.type],
	['xen', hypervisorProfiles.xen.type],
	['esxi', hypervisorProfiles.esxi.type],
	['hyper-v', hypervisorProfiles['hyper-v'].type],
	['virtualbox', hypervisorProfiles.virtualbox.type],
	['vmware-workstation', hypervisorProfiles['vmware-workstation'].type],
]);

/** The linear model's defaults (models.md, project defaults): 250 W peak, idle at 60 % of it. */
export const defaultPower: HostPower = {peakWatts: 250, idleShare: 0.6, specpowerWatts: null};

export type SpecpowerName = 'hp-ml110-g4' | 'hp-ml110-g5';

/** CloudSim's SPECpower tables (models.md 4): watts at 0, 10, ..., 100 % load. */
export const specpowerTables: ReadonlyMap<SpecpowerName, readonly number[]> = new Map([
	['hp-ml110-g4', [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117]],
	['hp-ml110-g5', [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]],
]);

/** A guest that para-virtualisation can use: Linux, as in Xen's PV guests. */
export const defaultGuest = {name: 'linux', modifiable: true} as const;

/** `h01`, `vm07`, `h0042`: numbered ids padded to the width of the count (at least two digits). */
export function numberedId(prefix: string, index: number, count: number): string {
	const width = Math.max(2, String(count).length);
	return `${prefix}${String(index + 1).padStart(width, '0')}`;
}
