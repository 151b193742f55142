/**
Stop-and-copy (cold) migration: the VM is paused for the whole transfer, memory / link rate plus
the resume, then runs on the destination. The baseline live migration improves on (Clark et al.,
NSDI 2005, section 2). Progress is exact within a tick, so its duration does not depend on the tick.
*/
import type {
	MigrationAdvance, MigrationContext, MigrationModel, MigrationNote,
} from '../sim/strategies.js';
import type {Migration} from '../sim/types.js';

export function advanceStopAndCopy(migration: Migration, context: MigrationContext): MigrationAdvance {
	const {rateMiBps, tickSeconds, config} = context;
	const remainingMiB = migration.roundMiB - migration.roundSentMiB;
	const canSendMiB = rateMiBps * tickSeconds;
	if (rateMiBps > 0 && canSendMiB >= remainingMiB) {
		const seconds = (remainingMiB / rateMiBps) + (config.resumeMs / 1000);
		const notes: MigrationNote[] = [{kind: 'phase', phase: 'done'}];
		return {
			migration: {
				...migration,
				phase: 'done',
				roundSentMiB: migration.roundMiB,
				sentMiB: migration.sentMiB + remainingMiB,
				elapsedSeconds: migration.elapsedSeconds + seconds,
				downtimeSeconds: migration.downtimeSeconds + seconds,
				rateMiBps,
			},
			finished: true,
			notes,
		};
	}

	return {
		migration: {
			...migration,
			roundSentMiB: migration.roundSentMiB + canSendMiB,
			sentMiB: migration.sentMiB + canSendMiB,
			elapsedSeconds: migration.elapsedSeconds + tickSeconds,
			downtimeSeconds: migration.downtimeSeconds + tickSeconds,
			rateMiBps,
		},
		finished: false,
		notes: [],
	};
}

export const stopAndCopy: MigrationModel = {
	mode: 'stop-and-copy',
	live: false,
	begin: migration => ({
		...migration, phase: 'stop-and-copy', round: 0, roundMiB: migration.memoryMiB, roundSentMiB: 0, roundElapsedSeconds: 0,
	}),
	vmPaused: () => true,
	advance: advanceStopAndCopy,
	rateCapMiBps: (_migration, config) => config.maxRateMiBps,
};
