/**
The dashboard's panels: hotspot episodes and alerts, migrations (one line or with progress bars), the
network-mode counts, the event log and a cluster sparkline. Each takes a width and never writes past it.
*/
import {Box, Text} from 'ink';
import {memo} from 'react';
import {
	bar, fit, formatClock, packStory, sparkline,
} from '../format.js';
import type {HotspotLineModel} from '../hotspot-lines.js';
import type {MigrationRowModel} from '../migration-rows.js';

const severityColor = {hot: 'red', warn: 'yellow', info: 'green'} as const;

/** From this width an episode takes one line (`! 00:01:04 h09 CPU HOT · moved vm20>h15`); narrower, a head line and its story under it. */
export const oneLineEpisodeWidth = 60;

/** Lines of story under an episode's head in a narrow panel. */
const storyLines = 2;

type Row = {key: string; head: string; tail: string; line: HotspotLineModel};

/** Indent of a story's second line in a one-line panel. */
const continued = '    ';

/**
The panel's rows, at most `rows`: whole items, never half of one. Wide enough, an item takes one line,
and an open episode whose story does not fit takes a second while the rows left still hold a line for
every other open episode; narrower, an episode takes a head line and up to two lines of story.
*/
function rowsOf(lines: readonly HotspotLineModel[], width: number, rows: number): Row[] {
	const out: Row[] = [];
	let spare = rows - lines.filter(line => line.isOpen).length;
	for (const [index, line] of lines.entries()) {
		const room = rows - out.length;
		if (room <= 0) {
			break;
		}

		const clock = formatClock(line.seconds);
		if (width >= oneLineEpisodeWidth) {
			const head = `${line.mark} ${clock} ${line.head}`;
			const storyWidth = width - head.length - 3;
			const whole = [...line.story, ...(line.note === null ? [] : [line.note])].join(', ');
			const twoLines = line.isOpen && spare > 0 && room > 1 && whole.length > storyWidth;
			const story = packStory(line.story, line.note, storyWidth, {lines: twoLines ? 2 : 1, nextWidth: width - continued.length});
			out.push({
				key: `${index}`, head, tail: story[0] === undefined ? '' : ` · ${story[0]}`, line,
			});
			if (story[1] !== undefined) {
				out.push({
					key: `${index}+`, head: '', tail: `${continued}${story[1]}`, line,
				});
				spare--;
			}

			continue;
		}

		// Each open episode after this one keeps at least its head line.
		const openAfter = line.isOpen ? lines.slice(index + 1).filter(later => later.isOpen).length : 0;
		const storyRoom = Math.min(storyLines, room - 1 - openAfter);
		const story = storyRoom > 0 ? packStory(line.story, line.note, width - 2, {lines: storyRoom}) : [];

		const head = `${line.mark} ${line.head}`;
		out.push(
			{
				key: `${index}`, head: head.length + 1 + clock.length <= width ? `${fit(head, width - clock.length - 1)} ${clock}` : head, tail: '', line,
			},
			...story.map((text, part) => ({
				key: `${index}.${part}`, head: '', tail: `  ${text}`, line,
			})),
		);
	}

	return out;
}

/** A line of the alerts panel, of plain props: a line that reads the same is not rendered again. */
const AlertRow = memo(({head, tail, severity, isOpen}: {readonly head: string; readonly tail: string; readonly severity: HotspotLineModel['severity']; readonly isOpen: boolean}) => (
	<Text wrap='truncate'>
		<Text color={severityColor[severity]} bold={severity === 'hot'}>{head}</Text>
		<Text dimColor={!isOpen}>{tail}</Text>
	</Text>
));

/**
The alerts panel: a line per hotspot episode that keeps its story and updates in place (open ones first),
then cured ones and the other alerts, the latest first. The state is in words, so colour is not needed.
*/
export function HotspotLines({lines, width, rows}: {readonly lines: readonly HotspotLineModel[]; readonly width: number; readonly rows: number}) {
	const shown = rowsOf(lines, width, rows);
	return (
		<Box flexDirection='column'>
			{Array.from({length: rows}, (_, index) => {
				const row = shown[index];
				if (!row) {
					return <Text key={`blank-${index}`} dimColor>{index === 0 ? fit('no hotspots, no alerts', width) : ' '}</Text>;
				}

				// Cut the whole line to the width, then colour its parts: the state in its colour, the story plain.
				const text = fit(`${row.head}${row.tail}`, width);
				return <AlertRow key={row.key} head={text.slice(0, row.head.length)} tail={text.slice(row.head.length)} severity={row.line.severity} isOpen={row.line.isOpen}/>;
			})}
		</Box>
	);
}

export function migrationSummary(migration: MigrationRowModel): string {
	return `${migration.vmId} ${migration.from}>${migration.to} ${migration.phase} ${migration.labels.percent}${migration.atRisk ? ' RISK' : ''}`;
}

/** All running migrations on one line, `+N more` when they do not fit. */
export function MigrationsLine({migrations, width}: {readonly migrations: readonly MigrationRowModel[]; readonly width: number}) {
	if (migrations.length === 0) {
		return <Text dimColor>{fit('no migrations', width)}</Text>;
	}

	let line = 'migrating: ';
	let shown = 0;
	for (const migration of migrations) {
		const part = `${shown > 0 ? ' | ' : ''}${migrationSummary(migration)}`;
		const rest = migrations.length - shown - 1;
		const reserve = rest > 0 ? ` +${rest} more`.length : 0;
		if (line.length + part.length + reserve > width) {
			break;
		}

		line += part;
		shown++;
	}

	const hidden = migrations.length - shown;
	return <Text wrap='truncate' color='cyan'>{fit(`${line}${hidden > 0 ? ` +${hidden} more` : ''}`, width)}</Text>;
}

/** A migration in two lines: what and where, then a progress bar with sent, time left and downtime. Memoised, as a host row. */
function Migration({migration, width, isSelected = false}: {readonly migration: MigrationRowModel; readonly width: number; readonly isSelected?: boolean}) {
	// The phase names its mode (`precopy round 3`, `postcopy push`) but for pre-copy's last one.
	const phase = migration.phase.startsWith(migration.mode) ? migration.phase : `${migration.mode} ${migration.phase}`;
	const head = `${migration.vmId} ${migration.from} -> ${migration.to}  ${phase}${migration.atRisk ? '  RISK: a failure loses it' : ''}${migration.network ? `  net: ${migration.network}` : ''}`;
	const tail = migration.labels.progress;
	const barWidth = Math.max(4, Math.min(30, width - tail.length));
	return (
		<Box flexDirection='column'>
			<Text wrap='truncate' inverse={isSelected} color={migration.atRisk ? 'yellow' : undefined}>{fit(head, width)}</Text>
			<Text wrap='truncate'>
				<Text color='cyan'>{bar(migration.progress, barWidth)}</Text>
				<Text>{fit(tail, width - barWidth)}</Text>
			</Text>
		</Box>
	);
}

export const MigrationBlock = memo(Migration);

export function MigrationsPanel({migrations, width, rows}: {readonly migrations: readonly MigrationRowModel[]; readonly width: number; readonly rows: number}) {
	const fitting = Math.floor(rows / 2);
	const shown = migrations.slice(0, fitting);
	const hidden = migrations.length - shown.length;
	return (
		<Box flexDirection='column' width={width}>
			{shown.length === 0 ? <Text dimColor>{fit('no migrations', width)}</Text> : null}
			{shown.map(migration => <MigrationBlock key={migration.id} migration={migration} width={width}/>)}
			{hidden > 0 ? <Text dimColor>{fit(`+${hidden} more (Tab Tab for all)`, width)}</Text> : null}
		</Box>
	);
}

export function PanelTitle({title, width}: {readonly title: string; readonly width: number}) {
	return <Text bold underline wrap='truncate'>{fit(title, width)}</Text>;
}

export function ClusterLine({values, width, label}: {readonly values: readonly number[]; readonly width: number; readonly label: string}) {
	const latest = values.at(-1) ?? 0;
	const text = `${label} ${String(Math.round(latest * 100)).padStart(3)}% `;
	return (
		<Text wrap='truncate'>
			<Text dimColor>{text}</Text>
			<Text color='cyan'>{sparkline(values, Math.max(0, width - text.length))}</Text>
		</Text>
	);
}
