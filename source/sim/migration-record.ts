import type {MemoryDirtying, Migration, MigrationMode} from './types.js';

export type MigrationStart = {
	id: string;
	vmId: string;
	sourceHostId: string;
	destinationHostId: string;
	mode: MigrationMode;
	startTick: number;
	memoryMiB: number;
	allocationMiB: number;
	dirtying: MemoryDirtying;
	requestedBy: string;
};

/** A migration that has not moved a byte yet; its model's `begin` sets its first phase. */
export function newMigration(start: MigrationStart): Migration {
	// Spelled out rather than spread: V8 builds a spread object slowly, and parity runs start thousands a tick.
	return {
		id: start.id,
		vmId: start.vmId,
		sourceHostId: start.sourceHostId,
		destinationHostId: start.destinationHostId,
		mode: start.mode,
		startTick: start.startTick,
		memoryMiB: start.memoryMiB,
		allocationMiB: start.allocationMiB,
		dirtying: {wwsMiB: start.dirtying.wwsMiB, coldDirtyMiBps: start.dirtying.coldDirtyMiBps},
		requestedBy: start.requestedBy,
		phase: 'stop-and-copy',
		round: 0,
		roundMiB: start.memoryMiB,
		roundSentMiB: 0,
		roundElapsedSeconds: 0,
		sentMiB: 0,
		dirtyRateMiBps: 0,
		elapsedSeconds: 0,
		downtimeSeconds: 0,
		rateMiBps: 0,
		rateCapMbps: null,
		switched: false,
		stallFraction: 0,
		movedOnFrom: [],
	};
}
