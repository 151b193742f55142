/**
`sandpiper migration`: pre-copy, post-copy and stop-and-copy side by side, and pre-copy's rounds.
*/
import chalk from 'chalk';
import type {Comparison, ModeResult} from '../migration/compare.js';
import {boxedTable} from './boxed-table.js';

export type MigrationReportInput = {memoryMiB: number; dirtyRateMiBps: number; wwsMiB: number; bandwidthMbps: number};

function seconds(value: number): string {
	return value < 1 ? `${(value * 1000).toFixed(1)} ms` : `${value.toFixed(2)} s`;
}

function row(name: string, result: ModeResult) {
	return {
		mode: name,
		rounds: result.rounds.length === 0 ? '-' : String(result.rounds.length),
		'data sent': `${result.dataMiB.toFixed(1)} MiB`,
		'total time': seconds(result.totalSeconds),
		downtime: seconds(result.downtimeSeconds),
		'sent twice+': `${result.resentMiB.toFixed(1)} MiB`,
		'a failure loses the VM for': result.riskSeconds === 0 ? 'never' : seconds(result.riskSeconds),
	};
}

export function formatMigrationTable(input: MigrationReportInput, comparison: Comparison, withCloudsim: boolean): string {
	const rounds = comparison.precopy.rounds.map((round, index) => ({
		round: index === comparison.precopy.rounds.length - 1 ? `${index} (stop-and-copy)` : String(index),
		data: `${round.dataMiB.toFixed(2)} MiB`,
		time: seconds(round.seconds),
		'dirtied meanwhile': `${round.dirtiedMiB.toFixed(2)} MiB`,
	}));
	return [
		chalk.bold(`${input.memoryMiB} MiB VM · writable working set ${input.wwsMiB} MiB · dirtying ${input.dirtyRateMiBps} MiB/s beyond it · ${input.bandwidthMbps} Mbit/s link`),
		boxedTable([row('pre-copy', comparison.precopy), row('post-copy', comparison.postcopy), row('stop-and-copy', comparison.stopAndCopy)]),
		chalk.bold('pre-copy rounds'),
		boxedTable(rounds),
		...(withCloudsim ? [`CloudSim's model (RAM / (BW / 2)): ${seconds(comparison.cloudsim.totalSeconds)}`] : []),
	].join('\n') + '\n';
}

export function formatMigrationJson(comparison: Comparison, withCloudsim: boolean): string {
	const {cloudsim, ...modes} = comparison;
	const document = withCloudsim ? {...modes, cloudsim} : modes;
	return JSON.stringify(document, (_key, value: unknown) => typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value, 2) + '\n';
}
