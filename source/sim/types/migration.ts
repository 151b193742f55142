/** A migration in flight: its mode, phase and progress. */
import type {MemoryDirtying} from './vm.js';

export type MigrationMode = 'precopy' | 'postcopy' | 'stop-and-copy' | 'cloudsim';

/**
`precopy`: live rounds; `stop-and-copy`: the VM is paused while the last pages (or, cold, all of them)
move; `postcopy`: the VM runs on the destination while the source pushes its pages; `done`.
*/
export type MigrationPhase = 'precopy' | 'stop-and-copy' | 'postcopy' | 'done';

export type Migration = {
	id: string;
	vmId: string;
	sourceHostId: string;
	destinationHostId: string;
	mode: MigrationMode;
	phase: MigrationPhase;
	startTick: number;
	/** Memory to move: the VM's allocation when it started. */
	memoryMiB: number;
	/** Memory reserved at the destination, the VM's allocation there (larger when the move also resizes). */
	allocationMiB: number;
	/** The VM's dirtying when the migration started. */
	dirtying: MemoryDirtying;
	/** Pre-copy rounds completed (live ones), 0 while the first is in flight. */
	round: number;
	/** Data of the round or phase in flight, and how much of it has gone. */
	roundMiB: number;
	roundSentMiB: number;
	roundElapsedSeconds: number;
	/** All data sent so far; more than `memoryMiB` when pre-copy resent dirtied pages. */
	sentMiB: number;
	/** Dirtying measured over the last round, MiB/s. */
	dirtyRateMiBps: number;
	/** Simulated seconds elapsed since the start. */
	elapsedSeconds: number;
	/** Seconds the VM has been unavailable so far. */
	downtimeSeconds: number;
	/** Rate granted by the links during the last tick. */
	rateMiBps: number;
	/** Xen's adaptive pre-copy: the rate cap of the round in flight (Mbit/s), or null when unthrottled. */
	rateCapMbps: number | null;
	/** Post-copy: the VM already runs on the destination, so a failure of either host loses it. */
	switched: boolean;
	/** Post-copy: share of the VM's time lost to network page faults until the push ends. */
	stallFraction: number;
	/** Destinations it was sent to first and then moved on from before it began (a semantics' `movesOn`), in order. */
	movedOnFrom: string[];
	/** Who asked: a key, the timeline or a policy. */
	requestedBy: string;
};
