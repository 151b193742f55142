/**
Two facts of CloudSim's benchmark datacenter (Beloglazov and Buyya, CCPE 2012), read both by its
semantics (../semantics/cloudsim.ts) and by BB12's policies: a host has two cores and grants a VM,
which has one, at most one of them; a migration has half the NIC, T = RAM / (BW / 2).
*/
import type {Host} from './types.js';

export const cloudsimCoresPerHost = 2;

/** The MIPS one core of `host` has: the most CloudSim grants a VM. */
export function cloudsimCoreUnits(host: Host): number {
	return host.capacity.cpuUnits / cloudsimCoresPerHost;
}

/** A migration's CloudSim duration: RAM in MB over half the link in MB/s (1,740 MB at 1 Gbit/s: 27.8 s). */
export function cloudsimMigrationSeconds(memoryMiB: number, networkMbps: number): number {
	return memoryMiB / (networkMbps / 16);
}
