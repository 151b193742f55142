/**
Pre-copy live migration (Clark et al., "Live Migration of Virtual Machines", NSDI 2005), the
writable-working-set model of models.md 2.4, advanced continuously: round 0 sends all memory while
the VM runs; each later round sends what the previous one left dirty, `min(M, W + Dc x T)` for a
round of T seconds (the hot set W is rewritten within any round, the rest at Dc). The last round is a
stop-and-copy once fewer than 50 pages are dirty, after 30 rounds, once 3 x the memory was sent
(Xen's constants, xc_domain_save.c) or when a round would not shrink below 90 % of the last (this
project's reading of Xen's "not converging" rule). Downtime = last round / rate + resume.

The source keeps a complete copy until the switch, so a failure aborts the move and loses nothing.
Progress within a round is exact, so a 1 s tick and a 300 s tick account the same phases.
Optional: Xen's adaptive rate (start at 100 Mbit/s, then the measured dirty rate + 50, capped at 500).
*/
import type {
	MigrationAdvance, MigrationContext, MigrationModel, MigrationNote,
} from '../sim/strategies.js';
import type {Migration, MigrationConfig} from '../sim/types.js';
import {isSpent, mbpsToRateMiBps, pageMiB} from './units.js';

/** Ends the round in flight on `migration`: the next round, or the stop-and-copy. */
function endOfRound(migration: Migration, config: MigrationConfig, notes: MigrationNote[]): void {
	const {memoryMiB, dirtying} = migration;
	const round = migration.round + 1;
	const dirtiedMiB = Math.min(memoryMiB, dirtying.wwsMiB + (dirtying.coldDirtyMiBps * migration.roundElapsedSeconds));
	notes.push({
		kind: 'round', round: migration.round, dataMiB: migration.roundMiB, seconds: migration.roundElapsedSeconds, dirtiedMiB,
	});
	const dirtyRateMiBps = migration.roundElapsedSeconds > 0 ? dirtiedMiB / migration.roundElapsedSeconds : 0;
	const stop = dirtiedMiB < config.stopPages * pageMiB
		|| round >= config.maxRounds
		|| migration.sentMiB + dirtiedMiB > config.maxFactor * memoryMiB
		|| dirtiedMiB > config.shrinkRatio * migration.roundMiB;
	const {adaptive} = config;
	if (adaptive && migration.rateCapMbps !== null) {
		migration.rateCapMbps = stop ? adaptive.maxMbps : Math.min(adaptive.maxMbps, Math.max(migration.rateCapMbps, (dirtyRateMiBps * 8) + adaptive.incrementMbps));
	}

	if (stop) {
		notes.push({kind: 'phase', phase: 'stop-and-copy'});
	}

	migration.phase = stop ? 'stop-and-copy' : 'precopy';
	migration.round = round;
	migration.roundMiB = dirtiedMiB;
	migration.roundSentMiB = 0;
	migration.roundElapsedSeconds = 0;
	migration.dirtyRateMiBps = dirtyRateMiBps;
}

/** `seconds` of progress on the round in flight, `sentMiB` of it sent; a paused VM's seconds are downtime. */
function progress(migration: Migration, seconds: number, sentMiB: number): void {
	migration.roundSentMiB += sentMiB;
	migration.sentMiB += sentMiB;
	migration.roundElapsedSeconds += seconds;
	migration.elapsedSeconds += seconds;
	if (migration.phase === 'stop-and-copy') {
		migration.downtimeSeconds += seconds;
	}
}

/** Advances `migration` in place (the record is the world's: a copy per migration per tick was a parity day's largest garbage). */
export function advancePrecopy(migration: Migration, context: MigrationContext): MigrationAdvance {
	const {rateMiBps, config} = context;
	let time = context.tickSeconds;
	const notes: MigrationNote[] = [];
	while (!isSpent(time)) {
		const remainingMiB = migration.roundMiB - migration.roundSentMiB;
		if (rateMiBps <= 0 && !isSpent(remainingMiB)) {
			// A dead link: time passes, nothing moves.
			progress(migration, time, 0);
			break;
		}

		const needed = rateMiBps > 0 ? remainingMiB / rateMiBps : 0;
		if (needed > time) {
			progress(migration, time, rateMiBps * time);
			break;
		}

		time -= needed;
		const paused = migration.phase === 'stop-and-copy';
		progress(migration, needed, remainingMiB);
		migration.roundSentMiB = migration.roundMiB;
		if (paused) {
			// The last pages are across: resume on the destination. The resume may end in the next tick; it is counted now.
			const resume = config.resumeMs / 1000;
			notes.push({kind: 'phase', phase: 'done'});
			migration.phase = 'done';
			migration.elapsedSeconds += resume;
			migration.downtimeSeconds += resume;
			migration.rateMiBps = rateMiBps;
			return {migration, finished: true, notes};
		}

		endOfRound(migration, config, notes);
	}

	migration.rateMiBps = rateMiBps;
	return {migration, finished: false, notes};
}

export const precopy: MigrationModel = {
	mode: 'precopy',
	live: true,
	// The new record itself: a parity run starts hundreds of migrations a tick, and a copy of each showed in its profile.
	begin(migration, config) {
		migration.phase = 'precopy';
		migration.round = 0;
		migration.roundMiB = migration.memoryMiB;
		migration.roundSentMiB = 0;
		migration.roundElapsedSeconds = 0;
		migration.rateCapMbps = config.adaptive ? config.adaptive.startMbps : null;
		return migration;
	},
	vmPaused: migration => migration.phase === 'stop-and-copy',
	advance: advancePrecopy,
	rateCapMiBps(migration, config) {
		return migration.rateCapMbps === null ? config.maxRateMiBps : Math.min(config.maxRateMiBps, mbpsToRateMiBps(migration.rateCapMbps));
	},
};
