/**
The readable summary of a headless run: a few header lines and a per-host table.
*/
import chalk from 'chalk';
import {safeText} from '../terminal/safe-text.js';
import {boxedTable} from './boxed-table.js';
import type {EpisodeSummary, RunReport} from './run-report.js';

function percent(value: number): string {
	return `${(value * 100).toFixed(1)}%`;
}

function duration(seconds: number): string {
	if (seconds < 120) {
		return `${seconds} s`;
	}

	const minutes = seconds / 60;
	return minutes < 120 ? `${minutes.toFixed(minutes % 1 === 0 ? 0 : 1)} min` : `${(minutes / 60).toFixed(1)} h`;
}

function episodesLine(episodes: EpisodeSummary): string {
	const {count, cured, open} = episodes;
	const counts = `hotspot episodes: ${count} (${cured} cured, ${open} open at the end)`;
	if (episodes.cureSecondsMean === null || episodes.cureSecondsMax === null || episodes.cameBackShare === null) {
		return counts;
	}

	return `${counts} · cure ${episodes.cureSecondsMean.toFixed(1)} s mean, ${episodes.cureSecondsMax.toFixed(1)} s max · ${percent(episodes.cameBackShare)} came back`;
}

/** The report as text: the run's header lines, then a row per host. Linear in the hosts (./boxed-table.ts). */
export function formatTable(report: RunReport): string {
	const {summary} = report;
	const rows = report.hosts.map(host => ({
		host: safeText(host.id),
		rack: safeText(host.rack),
		'cpu mean': percent(host.mean.cpu),
		'cpu max': percent(host.max.cpu),
		'mem mean': percent(host.mean.memory),
		'disk mean': percent(host.mean.disk),
		'net mean': percent(host.mean.network),
		'overloaded ticks': host.overloadedTicks,
	}));
	const lines = [
		chalk.bold(`${safeText(report.scenario)} · seed ${report.seed} · policy ${safeText(report.policy)} · ${report.ticks} ticks of ${report.tickSeconds} s (${duration(report.ticks * report.tickSeconds)})`),
		...(report.partial ? [`interrupted: ${report.partial.ticksRun} of ${report.partial.ticksAsked} ticks ran; every figure covers those`] : []),
		`${summary.hostCount} hosts, ${summary.vmCount} VMs`,
		`overloaded host-ticks: ${summary.overloadedHostTicks} · sustained-overload intervals: ${summary.sustainedOverloadIntervals}`,
		episodesLine(summary.episodes),
		`paging: ${summary.paging.hostIntervals} host-intervals, ${summary.paging.pagedMiB.toFixed(0)} MiB paged`,
		`migrations: ${summary.migrations} started, ${summary.migrationsCompleted} completed, ${summary.migrationsAborted} aborted · ${summary.movedMiB.toFixed(0)} MiB moved`,
		`network: ${summary.addressesChanged} addresses changed, ${summary.connectionsDropped} connections dropped`,
		`energy: ${summary.energyKWh.toFixed(2)} kWh · active hosts ${summary.activeHosts.toFixed(1)} at ${(summary.activeUtilisation * 100).toFixed(0)}% CPU · consolidation ${summary.consolidationRatio.toFixed(1)}:1`,
		`failures: ${summary.vmsLost} VMs lost, ${summary.vmsRestarted} restarted from snapshots (${summary.workLostSeconds.toFixed(0)} s of work lost) · ${summary.snapshotsTaken} snapshots`,
		boxedTable(rows),
	];
	return `${lines.join('\n')}\n`;
}
