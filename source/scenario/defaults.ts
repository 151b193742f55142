import type {
	HostCapacity, Hypervisor, HypervisorFamily, HypervisorType,
} from '../sim/types.js';

/** A Sandpiper-testbed server (models.md, project defaults): 100 CPU units, 2 GiB with 256 MiB for dom-0, 200 MB/s disk, gigabit NIC. */
export const defaultCapacity: HostCapacity = {
	cpuUnits: 100,
	memoryMiB: 2048,
	hypervisorReserveMiB: 256,
	diskMBps: 200,
	networkMbps: 1000,
};

/** Sandpiper ran on Xen with para-virtualised guests (SP07). */
export const defaultHypervisor: Omit<Hypervisor, 'type'> = {
	family: 'xen',
	technique: 'paravirtualisation',
};

/** Bare-metal hypervisors are type 1; those that run on a host operating system are type 2. */
export const hypervisorTypes: Readonly<Record<HypervisorFamily, HypervisorType>> = {
	kvm: 1,
	xen: 1,
	esxi: 1,
	'hyper-v': 1,
	virtualbox: 2,
	'vmware-workstation': 2,
};

/** `h01`, `vm07`, `h0042`: numbered ids padded to the width of the count (at least two digits). */
export function numberedId(prefix: string, index: number, count: number): string {
	const width = Math.max(2, String(count).length);
	return `${prefix}${String(index + 1).padStart(width, '0')}`;
}
