/**
Post-copy live migration (Hines and Gopalan, VEE 2009): stop, send the CPU and device state, resume
on the destination at once (about 15 ms of downtime), then push the remaining pages from the source
while pages the VM touches first arrive as network page faults. Each page crosses the network once.
With pre-paging, faults come to about 21 % of the working set (HG09's abstract); without it this
project assumes half. Each fault stalls the VM for a round trip plus the page, so the VM runs slower
by the stalled share of the push. From the switch until the push ends the VM's state is split
between the hosts: a failure of either loses the VM, the trade-off against pre-copy.
*/
import type {
	MigrationAdvance, MigrationContext, MigrationModel, MigrationNote,
} from '../sim/strategies.js';
import type {Migration} from '../sim/types.js';
import {isSpent, pageMiB} from './units.js';

/** The share of the push the VM spends stalled on network faults. */
export function stallFraction(migration: Migration, context: MigrationContext): number {
	const {config, rateMiBps, workingSetMiB} = context;
	if (rateMiBps <= 0) {
		return 0;
	}

	const fraction = config.prepaging ? config.faultFraction : config.faultFractionWithoutPrepaging;
	const faults = fraction * Math.min(workingSetMiB, migration.memoryMiB) / pageMiB;
	const stallSeconds = faults * ((config.faultRttMs / 1000) + (pageMiB / rateMiBps));
	const pushSeconds = migration.memoryMiB / rateMiBps;
	return Math.min(0.9, stallSeconds / Math.max(pushSeconds, 1e-9));
}

export function advancePostcopy(start: Migration, context: MigrationContext): MigrationAdvance {
	const {rateMiBps, config} = context;
	const notes: MigrationNote[] = [];
	let migration = start;
	let time = context.tickSeconds;
	if (!migration.switched) {
		// Switch: the VM is down for the CPU state and the resume, then runs on the destination.
		const resume = config.postcopyResumeMs / 1000;
		migration = {
			...migration,
			switched: true,
			phase: 'postcopy',
			elapsedSeconds: migration.elapsedSeconds + resume,
			downtimeSeconds: migration.downtimeSeconds + resume,
			stallFraction: stallFraction(migration, context),
		};
		notes.push({kind: 'phase', phase: 'postcopy'});
		time -= resume;
	}

	const remainingMiB = migration.roundMiB - migration.roundSentMiB;
	if (rateMiBps <= 0 || isSpent(time)) {
		return {migration: {...migration, elapsedSeconds: migration.elapsedSeconds + Math.max(0, time), rateMiBps}, finished: false, notes};
	}

	const needed = remainingMiB / rateMiBps;
	if (needed > time) {
		const sent = rateMiBps * time;
		return {
			migration: {
				...migration, roundSentMiB: migration.roundSentMiB + sent, sentMiB: migration.sentMiB + sent, roundElapsedSeconds: migration.roundElapsedSeconds + time, elapsedSeconds: migration.elapsedSeconds + time, rateMiBps,
			},
			finished: false,
			notes,
		};
	}

	notes.push({kind: 'phase', phase: 'done'});
	return {
		migration: {
			...migration, phase: 'done', roundSentMiB: migration.roundMiB, sentMiB: migration.sentMiB + remainingMiB, roundElapsedSeconds: migration.roundElapsedSeconds + needed, elapsedSeconds: migration.elapsedSeconds + needed, rateMiBps,
		},
		finished: true,
		notes,
	};
}

export const postcopy: MigrationModel = {
	mode: 'postcopy',
	live: true,
	begin: migration => ({
		...migration, phase: 'postcopy', round: 0, roundMiB: migration.memoryMiB, roundSentMiB: 0, roundElapsedSeconds: 0,
	}),
	vmPaused: () => false,
	advance: advancePostcopy,
	rateCapMiBps: (_migration, config) => config.maxRateMiBps,
};
