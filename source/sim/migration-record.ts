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
	return {
		...start,
		dirtying: {...start.dirtying},
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
	};
}
