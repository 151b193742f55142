/**
The teaching comparison behind `sandpiper migration`: one VM moved by pre-copy, post-copy and
stop-and-copy over an otherwise idle link, with the very models the simulation runs (advanced in one
long step, which the models account exactly). The link's usable rate is 90 % of its line rate, with
MB taken as MiB as models.md 2.4 does (1 Gbit/s gives its 112.5 MiB/s).
*/
import {newMigration} from '../sim/migration-record.js';
import type {MigrationModel} from '../sim/strategies.js';
import type {Migration, MigrationConfig, MigrationMode} from '../sim/types.js';
import {migrationDefaults} from './migration-defaults.js';
import {postcopy} from './postcopy.js';
import {precopy} from './precopy.js';
import {stopAndCopy} from './stop-and-copy.js';

export type CompareInput = {
	memoryMiB: number;
	/** Dirtying outside the writable working set. */
	dirtyRateMiBps: number;
	wwsMiB: number;
	bandwidthMbps: number;
	/** The working set post-copy's faults are a share of (default: the writable working set). */
	workingSetMiB?: number;
};

export type Round = {dataMiB: number; seconds: number; dirtiedMiB: number};

export type ModeResult = {
	rounds: Round[];
	dataMiB: number;
	totalSeconds: number;
	downtimeSeconds: number;
	/** Data sent more than once. */
	resentMiB: number;
	/** How long a failure of either host would lose the VM. */
	riskSeconds: number;
};

export type Comparison = {
	precopy: ModeResult;
	postcopy: ModeResult;
	stopAndCopy: ModeResult;
	/** CloudSim's model for parity: time = RAM / (BW / 2), no downtime accounting. */
	cloudsim: {totalSeconds: number};
};

/** The comparison's constants: a scenario's defaults. */
export const defaultMigrationConfig: MigrationConfig = migrationDefaults;

export function liveRateMiBps(bandwidthMbps: number): number {
	return 0.9 * bandwidthMbps / 8;
}

/** A migration of `memoryMiB` that has not started, for a model to begin. */
export function blankMigration(mode: MigrationMode, memoryMiB: number, wwsMiB: number, coldDirtyMiBps: number): Migration {
	return newMigration({
		id: 'm1',
		vmId: 'vm',
		sourceHostId: 'source',
		destinationHostId: 'destination',
		mode,
		startTick: 0,
		memoryMiB,
		allocationMiB: memoryMiB,
		dirtying: {wwsMiB, coldDirtyMiBps},
		requestedBy: 'teaching',
	});
}

/**
The one long step a comparison runs each model for: 1e9 s, 31 years. `sandpiper migration` accepts
no move longer: pre-copy sends at most 4 x the memory (3 x before its stop-and-copy, then at most the
memory), and 16 TiB four times over 1 Mbit/s (0.1125 MiB/s usable) takes 6e8 s.
*/
export const comparisonStepSeconds = 1e9;

/** Runs a migration to its end on a link of `rateMiBps`, in one long step. */
export function runToEnd(model: MigrationModel, start: Migration, rateMiBps: number, config: MigrationConfig, workingSetMiB: number) {
	const begun = model.begin(start, config);
	const {migration, finished, notes} = model.advance(begun, {
		rateMiBps, tickSeconds: comparisonStepSeconds, config, workingSetMiB,
	});
	if (!finished) {
		throw new RangeError('the migration did not finish: is the link rate zero?');
	}

	return {migration, notes};
}

export function compareMigrations(input: CompareInput, config: MigrationConfig = defaultMigrationConfig): Comparison {
	const rate = liveRateMiBps(input.bandwidthMbps);
	const settings = {...config, maxRateMiBps: rate};
	const workingSet = input.workingSetMiB ?? input.wwsMiB;
	const blank = (mode: MigrationMode) => blankMigration(mode, input.memoryMiB, input.wwsMiB, input.dirtyRateMiBps);
	const resume = config.resumeMs / 1000;

	const pre = runToEnd(precopy, blank('precopy'), rate, settings, workingSet);
	const liveRounds = pre.notes.flatMap(note => note.kind === 'round' ? [{dataMiB: note.dataMiB, seconds: note.seconds, dirtiedMiB: note.dirtiedMiB}] : []);
	const lastRound = {dataMiB: pre.migration.roundMiB, seconds: pre.migration.downtimeSeconds - resume, dirtiedMiB: 0};
	const post = runToEnd(postcopy, blank('postcopy'), rate, settings, workingSet);
	const cold = runToEnd(stopAndCopy, blank('stop-and-copy'), rate, settings, workingSet);
	return {
		precopy: {
			rounds: [...liveRounds, lastRound],
			dataMiB: pre.migration.sentMiB,
			totalSeconds: pre.migration.elapsedSeconds,
			downtimeSeconds: pre.migration.downtimeSeconds,
			resentMiB: Math.max(0, pre.migration.sentMiB - input.memoryMiB),
			riskSeconds: 0,
		},
		postcopy: {
			rounds: [],
			dataMiB: post.migration.sentMiB,
			totalSeconds: post.migration.elapsedSeconds,
			downtimeSeconds: post.migration.downtimeSeconds,
			resentMiB: 0,
			riskSeconds: post.migration.elapsedSeconds - post.migration.downtimeSeconds,
		},
		stopAndCopy: {
			rounds: [{dataMiB: cold.migration.sentMiB, seconds: cold.migration.elapsedSeconds - resume, dirtiedMiB: 0}],
			dataMiB: cold.migration.sentMiB,
			totalSeconds: cold.migration.elapsedSeconds,
			downtimeSeconds: cold.migration.downtimeSeconds,
			resentMiB: 0,
			riskSeconds: 0,
		},
		cloudsim: {totalSeconds: input.memoryMiB / (input.bandwidthMbps / 8 / 2)},
	};
}
