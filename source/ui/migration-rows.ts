/** A migration's row: its phase, progress, rate and what it does to the VM's network. */
import type {Migration, MigrationMode} from '../sim/types.js';
import {formatDuration} from './format.js';

export type MigrationRowModel = {
	id: string;
	vmId: string;
	from: string;
	to: string;
	mode: MigrationMode;
	/** `precopy round 3`, `stop-and-copy`, `postcopy push`. */
	phase: string;
	/** 0..1 of the data of the current estimate (memory for the first pass). */
	progress: number;
	sentMiB: number;
	memoryMiB: number;
	elapsedSeconds: number;
	/** Seconds left at the current rate for what is known to remain. */
	etaSeconds: number | null;
	downtimeSeconds: number;
	dirtyRateMiBps: number;
	resentMiB: number;
	/** Post-copy after the switch: a failure of either host now loses the VM. */
	atRisk: boolean;
	/** What the move does to the VM's network: `keeps IP`, `new IP, 40 conn drop`, ... */
	network: string;
	/** As shown, formatted once per tick: `42%`, and ` 42% 430/1024 MiB, left 3.1 s, down 0 ms`. */
	labels: {percent: string; progress: string};
};

export function phaseLabel(migration: Migration): string {
	switch (migration.phase) {
		case 'precopy': {
			return `precopy round ${migration.round}`;
		}

		case 'postcopy': {
			return 'postcopy push';
		}

		case 'stop-and-copy':
		case 'done': {
			return migration.phase;
		}
	}
}

export function migrationRow(migration: Migration, network = ''): MigrationRowModel {
	const remaining = migration.roundMiB - migration.roundSentMiB;
	const firstPass = migration.mode === 'precopy' && migration.round === 0;
	const total = firstPass || migration.mode !== 'precopy' ? migration.memoryMiB : migration.sentMiB + remaining;
	const progress = total > 0 ? Math.min(1, migration.sentMiB / total) : 0;
	const etaSeconds = migration.rateMiBps > 0 ? remaining / migration.rateMiBps : null;
	const percent = `${Math.round(progress * 100)}%`;
	const left = etaSeconds === null ? '-' : formatDuration(etaSeconds);
	return {
		id: migration.id,
		vmId: migration.vmId,
		from: migration.sourceHostId,
		to: migration.destinationHostId,
		mode: migration.mode,
		phase: phaseLabel(migration),
		progress,
		sentMiB: migration.sentMiB,
		memoryMiB: migration.memoryMiB,
		elapsedSeconds: migration.elapsedSeconds,
		etaSeconds,
		downtimeSeconds: migration.downtimeSeconds,
		dirtyRateMiBps: migration.dirtyRateMiBps,
		resentMiB: Math.max(0, migration.sentMiB - migration.memoryMiB),
		atRisk: migration.switched,
		network,
		labels: {
			percent,
			progress: ` ${percent} ${Math.round(migration.sentMiB)}/${migration.memoryMiB} MiB, left ${left}, down ${formatDuration(migration.downtimeSeconds)}`,
		},
	};
}
