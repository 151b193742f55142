/**
`sandpiper eval --containers` as text and JSON.
*/
import {safeJson, safeText} from '../terminal/safe-text.js';
import type {ContainerComparison} from './containers.js';

function row(cells: readonly string[], widths: readonly number[]): string {
	return cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(cells => cells[column]!.length)));
	return [row(header, widths), row(widths.map(width => '-'.repeat(width)), widths), ...rows.map(cells => row(cells, widths))];
}

export function formatContainersTable(comparison: ContainerComparison): string {
	const {vms, containers} = comparison;
	const lines = [
		`${safeText(comparison.scenario)} · the same workload as VMs and as containers · ${comparison.ticks} ticks under none`,
		'',
		...table(['', 'VMs', 'containers'], [
			['virtualisation CPU per host (units)', vms.overheadCpuUnits.toFixed(2), containers.overheadCpuUnits.toFixed(2)],
			['host CPU utilisation', `${(vms.hostCpu * 100).toFixed(1)}%`, `${(containers.hostCpu * 100).toFixed(1)}%`],
			['mean memory per workload (MiB)', vms.meanMemoryMiB.toFixed(0), containers.meanMemoryMiB.toFixed(0)],
			['workloads per host by memory', vms.densityPerHost.toFixed(2), containers.densityPerHost.toFixed(2)],
			['start-up (s)', vms.startSeconds.toFixed(0), containers.startSeconds.toFixed(0)],
		]),
		'',
		'Moving one: a pre-copy live migration of the VM against a checkpoint/restore of the container',
		...table(['class', 'VM MiB', 'VM time', 'VM downtime', 'VM data', 'container time (= downtime)', 'container data'], comparison.moves.map(move => [
			move.vmClass,
			String(move.memoryMiB),
			`${move.vmSeconds.toFixed(2)} s`,
			`${(move.vmDowntimeSeconds * 1000).toFixed(0)} ms`,
			`${move.vmDataMiB.toFixed(0)} MiB`,
			`${move.containerSeconds.toFixed(2)} s`,
			`${move.containerDataMiB.toFixed(0)} MiB`,
		])),
		'',
		'A container is smaller, cheaper to run and starts in seconds; the VM keeps running while it moves.',
		'',
	];
	return lines.join('\n');
}

export function formatContainersJson(comparison: ContainerComparison): string {
	return `${safeJson(JSON.stringify(comparison, (_key, value: unknown) => typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value, 2))}\n`;
}
