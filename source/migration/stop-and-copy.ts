/**
Stop-and-copy (cold) migration: the VM is paused for the whole transfer, memory / link rate, then
runs on the destination. The simplest model, and the baseline live migration improves on
(Clark et al., NSDI 2005, section 2). Progress is exact within a tick: a migration that ends part-way
through a tick records the fraction, so its duration does not depend on the tick length.
*/
import type {MigrationAdvance, MigrationModel} from '../sim/strategies.js';
import type {Migration} from '../sim/types.js';

export function advanceStopAndCopy(migration: Migration, rateMiBps: number, tickSeconds: number): MigrationAdvance {
	const remainingMiB = migration.memoryMiB - migration.sentMiB;
	const canSendMiB = rateMiBps * tickSeconds;
	if (canSendMiB >= remainingMiB) {
		const seconds = rateMiBps > 0 ? remainingMiB / rateMiBps : 0;
		return {
			migration: {
				...migration,
				phase: 'done',
				sentMiB: migration.memoryMiB,
				elapsedSeconds: migration.elapsedSeconds + seconds,
				downtimeSeconds: migration.downtimeSeconds + seconds,
				rateMiBps,
			},
			finished: true,
		};
	}

	return {
		migration: {
			...migration,
			sentMiB: migration.sentMiB + canSendMiB,
			elapsedSeconds: migration.elapsedSeconds + tickSeconds,
			downtimeSeconds: migration.downtimeSeconds + tickSeconds,
			rateMiBps,
		},
		finished: false,
	};
}

export const stopAndCopy: MigrationModel = {
	mode: 'stop-and-copy',
	vmPaused: () => true,
	advance: advanceStopAndCopy,
};
