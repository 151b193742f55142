/**
CloudSim's migration (its `PowerDatacenter`): one pass of the VM's RAM at half the link, the other
half kept for the VMs' own traffic, T = RAM / (BW / 2) (1,024 MB at 1 Gbit/s: 16.4 s; models.md 2.4),
while the VM runs at 90 % of its CPU; no dirtying, no stop-and-copy, no downtime. The rate is the
semantics' (`Semantics.migrationRates`: half the source's NIC). Progress is exact within a tick.
*/
import type {MigrationAdvance, MigrationContext, MigrationModel} from '../sim/strategies.js';
import type {Migration} from '../sim/types.js';

export function advanceCloudsim(migration: Migration, context: MigrationContext): MigrationAdvance {
	const {rateMiBps, tickSeconds} = context;
	const remainingMiB = migration.roundMiB - migration.roundSentMiB;
	migration.rateMiBps = rateMiBps;
	if (rateMiBps > 0 && rateMiBps * tickSeconds >= remainingMiB) {
		const seconds = remainingMiB / rateMiBps;
		migration.phase = 'done';
		migration.roundSentMiB = migration.roundMiB;
		migration.sentMiB += remainingMiB;
		migration.elapsedSeconds += seconds;
		return {migration, finished: true, notes: [{kind: 'phase', phase: 'done'}]};
	}

	const sentMiB = rateMiBps * tickSeconds;
	migration.roundSentMiB += sentMiB;
	migration.sentMiB += sentMiB;
	migration.elapsedSeconds += tickSeconds;
	return {migration, finished: false, notes: []};
}

export const cloudsimMigration: MigrationModel = {
	mode: 'cloudsim',
	live: true,
	// The new record itself, changed in place: a parity round starts hundreds of migrations.
	begin(migration) {
		migration.phase = 'precopy';
		migration.round = 0;
		migration.roundMiB = migration.memoryMiB;
		migration.roundSentMiB = 0;
		migration.roundElapsedSeconds = 0;
		return migration;
	},
	vmPaused: () => false,
	advance: advanceCloudsim,
	rateCapMiBps: () => Number.POSITIVE_INFINITY,
};
