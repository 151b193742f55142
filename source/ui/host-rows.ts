/** A host's row: its bars, marker, history and power, and its network in one line. */
import {hypervisorProfiles} from '../sim/hypervisors.js';
import {isOverloaded, usableMemoryMiB} from '../sim/capacity.js';
import {seriesValues} from '../sim/series.js';
import type {World} from '../sim/types.js';
import {formatPercent, kOfNHistory} from './format.js';

export type HostMarker = 'down' | 'off' | 'booting' | 'draining' | 'hot' | 'overloaded' | 'scratch' | 'none';

export type HostRowModel = {
	id: string;
	cpu: number;
	memory: number;
	disk: number;
	/** The VMs' own traffic over the NIC's capacity (what the monitor reads), 0..1. */
	network: number;
	/**
	Migration traffic, the larger of out and in, over the capacity of the NIC it uses, 0..1: the VMs' NIC
	(the simulation takes that much off the VMs' bandwidth, so the two add up to at most 1), or a migration
	NIC of its own (`migrationNicMbps`).
	*/
	migrationNetwork: number;
	/** The VMs' traffic, Mbit/s. */
	vmNetworkMbps: number;
	migrationOutMbps: number;
	migrationInMbps: number;
	/** The VMs' NIC, Mbit/s per direction. */
	networkMbps: number;
	/** A NIC of its own for migrations, Mbit/s per direction, or null: they share the VMs'. */
	migrationNicMbps: number | null;
	vmCount: number;
	marker: HostMarker;
	/** K-of-n history, oldest first. */
	overThreshold: boolean[];
	/** Recent CPU utilisation per tick, oldest first. */
	cpuHistory: number[];
	freeMemoryMiB: number;
	hypervisor: string;
	/** `Xen, type 1, para-virtualisation` */
	hypervisorLabel: string;
	powerWatts: number;
	/** The row's figures as it shows them, formatted once per tick rather than at every render. */
	labels: HostRowLabels;
};

export type HostRowLabels = {
	/** Each meter's percentage, 4 columns (`  7%`). */
	cpu: string;
	memory: string;
	disk: string;
	network: string;
	/** ` 2 vm` */
	vms: string;
	/** `` 95W `` (the wide layout's watts, and a space). */
	watts: string;
	/** The k-of-n flags as `▮▯▯▮▮`, padded to n. */
	history: string;
};

function markerOf(host: World['hosts'][number]): HostMarker {
	if (host.state === 'failed') {
		return 'down';
	}

	if (host.state === 'off' || host.state === 'booting') {
		return host.state;
	}

	if (host.draining) {
		return 'draining';
	}

	if (host.role === 'scratch') {
		return 'scratch';
	}

	if (host.sustainedOverload) {
		return 'hot';
	}

	return isOverloaded(host.usage) ? 'overloaded' : 'none';
}

function ratio(value: number, of: number): number {
	return of > 0 ? Math.min(1, value / of) : 0;
}

/** The row of `host`, which runs `vmCount` VMs holding `allocatedMiB` of its memory; `n` is the k-of-n window. */
export function hostRow(host: World['hosts'][number], vmCount: number, allocatedMiB: number, n: number): HostRowModel {
	const {utilisation} = host.usage;
	return {
		id: host.id,
		cpu: utilisation.cpu,
		memory: utilisation.memory,
		disk: utilisation.disk,
		network: utilisation.network,
		migrationNetwork: ratio(Math.max(host.usage.migrationOutMbps, host.usage.migrationInMbps), host.capacity.migrationNetworkMbps ?? host.capacity.networkMbps),
		vmNetworkMbps: host.usage.granted.network,
		migrationOutMbps: host.usage.migrationOutMbps,
		migrationInMbps: host.usage.migrationInMbps,
		networkMbps: host.capacity.networkMbps,
		migrationNicMbps: host.capacity.migrationNetworkMbps,
		vmCount,
		marker: markerOf(host),
		// A copy: the core shifts these flags in place each interval, and a frame must not change after it is built.
		overThreshold: [...host.history.overThreshold],
		cpuHistory: seriesValues(host.history.cpuTicks),
		freeMemoryMiB: usableMemoryMiB(host) - allocatedMiB,
		hypervisor: host.hypervisor.family,
		hypervisorLabel: `${hypervisorProfiles[host.hypervisor.family].label}, type ${host.hypervisor.type}, ${host.hypervisor.technique}`,
		powerWatts: host.powerWatts,
		labels: {
			cpu: formatPercent(utilisation.cpu),
			memory: formatPercent(utilisation.memory),
			disk: formatPercent(utilisation.disk),
			network: formatPercent(utilisation.network),
			vms: `${String(vmCount).padStart(2)} vm`,
			watts: `${String(Math.round(host.powerWatts)).padStart(3)}W `,
			history: kOfNHistory(host.history.overThreshold, n),
		},
	};
}

/**
The host's network in one line, for its VMs view: the VMs' traffic and the migrations' per direction,
and which NIC the migrations use (what the NET bar's `▒` stands for on this host).
*/
export function networkSummary(host: HostRowModel): string {
	const mbps = (value: number) => String(Math.round(value));
	const vms = `NIC ${mbps(host.networkMbps)} Mbit/s: VMs ${mbps(host.vmNetworkMbps)}`;
	const migrations = `migrations ▒ out ${mbps(host.migrationOutMbps)} in ${mbps(host.migrationInMbps)}`;
	// Short enough for 80 columns: the README and the help say the rest.
	return host.migrationNicMbps === null
		? `${vms}, ${migrations} (shared NIC, taken first)`
		: `${vms}, ${migrations} on own NIC ${mbps(host.migrationNicMbps)} Mbit/s`;
}
