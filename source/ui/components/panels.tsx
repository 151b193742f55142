/**
The dashboard's panels: alerts, migrations (one line or with progress bars), the network-mode
counts, the event log and a cluster sparkline. Each takes a width and never writes past it.
*/
import {Box, Text} from 'ink';
import {
	bar, fit, formatClock, formatDuration, sparkline,
} from '../format.js';
import type {AlertModel, MigrationRowModel} from '../view-model.js';

const severityColor = {hot: 'red', warn: 'yellow', info: undefined} as const;
const severityMark = {hot: '!', warn: '~', info: ' '} as const;

export function AlertLines({alerts, width, rows}: {readonly alerts: readonly AlertModel[]; readonly width: number; readonly rows: number}) {
	const shown = alerts.slice(-rows).toReversed();
	return (
		<Box flexDirection='column'>
			{Array.from({length: rows}, (_, index) => {
				const alert = shown[index];
				if (!alert) {
					return <Text key={index} dimColor>{index === 0 ? fit('no alerts', width) : ' '}</Text>;
				}

				return (
					<Text key={index} wrap='truncate' color={severityColor[alert.severity]} bold={alert.severity === 'hot'}>
						{fit(`${severityMark[alert.severity]} ${formatClock(alert.seconds)} ${alert.text}`, width)}
					</Text>
				);
			})}
		</Box>
	);
}

export function migrationSummary(migration: MigrationRowModel): string {
	const percent = `${Math.round(migration.progress * 100)}%`;
	return `${migration.vmId} ${migration.from}>${migration.to} ${migration.phase} ${percent}${migration.atRisk ? ' RISK' : ''}`;
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

/** A migration in two lines: what and where, then a progress bar with sent, time left and downtime. */
export function MigrationBlock({migration, width, isSelected = false}: {readonly migration: MigrationRowModel; readonly width: number; readonly isSelected?: boolean}) {
	// The phase names its mode (`precopy round 3`, `postcopy push`) but for pre-copy's last one.
	const phase = migration.phase.startsWith(migration.mode) ? migration.phase : `${migration.mode} ${migration.phase}`;
	const head = `${migration.vmId} ${migration.from} -> ${migration.to}  ${phase}${migration.atRisk ? '  RISK: a failure loses it' : ''}${migration.network ? `  net: ${migration.network}` : ''}`;
	const eta = migration.etaSeconds === null ? '-' : formatDuration(migration.etaSeconds);
	const tail = ` ${Math.round(migration.progress * 100)}% ${Math.round(migration.sentMiB)}/${migration.memoryMiB} MiB, left ${eta}, down ${formatDuration(migration.downtimeSeconds)}`;
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
