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

function endOfRound(migration: Migration, config: MigrationConfig, notes: MigrationNote[]): Migration {
	const {memoryMiB, dirtying} = migration;
	const round = migration.round + 1;
	const dirtiedMiB = Math.min(memoryMiB, dirtying.wwsMiB + (dirtying.coldDirtyMiBps * migration.roundElapsedSeconds));
	notes.push({
		kind: 'round', round: migration.round, dataMiB: migration.roundMiB, seconds: migration.roundElapsedSeconds, dirtiedMiB,
	});
	const dirtyRateMiBps = migration.roundElapsedSeconds > 0 ? dirtiedMiB / migration.roundElapsedSeconds : 0;
	const stop = config.cloudsimParity
		|| dirtiedMiB < config.stopPages * pageMiB
		|| round >= config.maxRounds
		|| migration.sentMiB + dirtiedMiB > config.maxFactor * memoryMiB
		|| dirtiedMiB > config.shrinkRatio * migration.roundMiB;
	const {adaptive} = config;
	const rateCapMbps = adaptive && migration.rateCapMbps !== null
		? (stop ? adaptive.maxMbps : Math.min(adaptive.maxMbps, Math.max(migration.rateCapMbps, (dirtyRateMiBps * 8) + adaptive.incrementMbps)))
		: migration.rateCapMbps;
	if (stop) {
		notes.push({kind: 'phase', phase: 'stop-and-copy'});
	}

	return {
		...migration,
		phase: stop ? 'stop-and-copy' : 'precopy',
		round,
		roundMiB: config.cloudsimParity ? 0 : dirtiedMiB,
		roundSentMiB: 0,
		roundElapsedSeconds: 0,
		dirtyRateMiBps,
		rateCapMbps,
	};
}

export function advancePrecopy(start: Migration, context: MigrationContext): MigrationAdvance {
	const {rateMiBps, config} = context;
	let migration = start;
	let time = context.tickSeconds;
	const notes: MigrationNote[] = [];
	while (!isSpent(time)) {
		const remainingMiB = migration.roundMiB - migration.roundSentMiB;
		const paused = migration.phase === 'stop-and-copy';
		if (rateMiBps <= 0 && !isSpent(remainingMiB)) {
			// A dead link: time passes, nothing moves.
			migration = {
				...migration, elapsedSeconds: migration.elapsedSeconds + time, roundElapsedSeconds: migration.roundElapsedSeconds + time, downtimeSeconds: migration.downtimeSeconds + (paused ? time : 0),
			};
			break;
		}

		const needed = rateMiBps > 0 ? remainingMiB / rateMiBps : 0;
		if (needed > time) {
			const sent = rateMiBps * time;
			migration = {
				...migration,
				roundSentMiB: migration.roundSentMiB + sent,
				sentMiB: migration.sentMiB + sent,
				roundElapsedSeconds: migration.roundElapsedSeconds + time,
				elapsedSeconds: migration.elapsedSeconds + time,
				downtimeSeconds: migration.downtimeSeconds + (paused ? time : 0),
			};
			break;
		}

		time -= needed;
		migration = {
			...migration,
			roundSentMiB: migration.roundMiB,
			sentMiB: migration.sentMiB + remainingMiB,
			roundElapsedSeconds: migration.roundElapsedSeconds + needed,
			elapsedSeconds: migration.elapsedSeconds + needed,
			downtimeSeconds: migration.downtimeSeconds + (paused ? needed : 0),
		};
		if (paused) {
			// The last pages are across: resume on the destination. The resume may end in the next tick; it is counted now.
			const resume = config.resumeMs / 1000;
			notes.push({kind: 'phase', phase: 'done'});
			return {
				migration: {
					...migration, phase: 'done', elapsedSeconds: migration.elapsedSeconds + resume, downtimeSeconds: migration.downtimeSeconds + resume, rateMiBps,
				},
				finished: true,
				notes,
			};
		}

		migration = endOfRound(migration, config, notes);
	}

	return {migration: {...migration, rateMiBps}, finished: false, notes};
}

export const precopy: MigrationModel = {
	mode: 'precopy',
	live: true,
	begin: (migration, config) => ({
		...migration,
		phase: 'precopy',
		round: 0,
		roundMiB: migration.memoryMiB,
		roundSentMiB: 0,
		roundElapsedSeconds: 0,
		rateCapMbps: config.adaptive ? config.adaptive.startMbps : null,
	}),
	vmPaused: migration => migration.phase === 'stop-and-copy',
	advance: advancePrecopy,
	rateCapMiBps(migration, config) {
		if (config.cloudsimParity) {
			return Number.POSITIVE_INFINITY;
		}

		return migration.rateCapMbps === null ? config.maxRateMiBps : Math.min(config.maxRateMiBps, mbpsToRateMiBps(migration.rateCapMbps));
	},
};
