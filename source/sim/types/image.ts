/** VM images on shared storage and the work on them that takes simulated time. */

/** A saved VM image on shared storage: memory and the disk written since the previous one. */
export type Snapshot = {
	id: string;
	vmId: string;
	/** The tick it was taken at: what a restore from it goes back to. */
	tick: number;
	memoryMiB: number;
	storageMiB: number;
};

/** Work that takes simulated time: saving a snapshot, copying a clone, restoring, booting a host. */
export type Operation
	= | {kind: 'snapshot'; id: string; vmId: string; startTick: number; untilTick: number; memoryMiB: number; storageMiB: number}
		| {kind: 'clone'; id: string; vmId: string; cloneId: string; hostId: string; untilTick: number}
		| {kind: 'restore'; id: string; vmId: string; snapshotId: string; startTick: number; untilTick: number};
