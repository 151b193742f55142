/**
The `migration` figure (CL05's and HG09's comparison): the data each mode sends, pre-copy's a segment
per round, beside its total time and downtime.
*/
import type {MigrationFigure} from './figure.js';
import type {MigrationInput} from './input-schema.js';

export function migrationFigure(migration: MigrationInput): MigrationFigure {
	const modes = [
		['pre-copy', migration.precopy],
		['post-copy', migration.postcopy],
		['stop-and-copy', migration.stopAndCopy],
	] as const;
	return {
		kind: 'migration',
		title: 'One live migration, three ways: data sent and time taken',
		segments: modes.flatMap(([mode, transfer]) => transfer.rounds.length > 0
			? transfer.rounds.map((round, index) => ({
				mode, part: partName(mode, index, transfer.rounds.length), order: index, dataMiB: round.dataMiB,
			}))
			: [{
				mode, part: mode === 'post-copy' ? 'pages on demand' : 'copy', order: 0, dataMiB: transfer.dataMiB,
			}]),
		totals: modes.map(([mode, transfer]) => ({
			mode, dataMiB: transfer.dataMiB, totalSeconds: transfer.totalSeconds, downtimeSeconds: transfer.downtimeSeconds,
		})),
		cloudsimSeconds: migration.cloudsim?.totalSeconds ?? null,
	};
}

/** Pre-copy's rounds are live but its last, sent with the VM paused (its downtime). */
function partName(mode: string, index: number, rounds: number): string {
	if (mode !== 'pre-copy') {
		return 'copy';
	}

	return index === rounds - 1 && rounds > 1 ? 'last round, paused' : `round ${index + 1}`;
}
