import chalk from 'chalk';
import {safeJson, safeText} from '../terminal/safe-text.js';
import {boxedTable} from './boxed-table.js';
import type {Evaluation, Stat} from './evaluation.js';

function meanSd(value: Stat, digits = 1): string {
	return `${value.mean.toFixed(digits)} ± ${value.sd.toFixed(digits)}`;
}

function seconds(value: number | null): string {
	return value === null ? '-' : `${value.toFixed(1)} s`;
}

function cureSeconds(value: {mean: number | null; max: number | null}): string {
	return value.mean === null || value.max === null ? '-' : `${value.mean.toFixed(1)} / ${value.max.toFixed(0)}`;
}

function share(value: number | null): string {
	return value === null ? '-' : `${(value * 100).toFixed(0)}%`;
}

function reduction(value: number | null): string {
	if (value === null) {
		return '-';
	}

	return `${Math.abs(value * 100).toFixed(1)}% ${value >= 0 ? 'less' : 'more'}`;
}

/** The evaluation as a table, one row per policy. */
export function formatEvaluationTable(evaluation: Evaluation): string {
	// The trade-off in one table: overload against energy.
	const tradeOff = evaluation.policies.map(policy => ({
		policy: policy.name,
		'sustained overload': meanSd(policy.sustainedOverloadIntervals),
		'vs none': reduction(policy.reductionVsNone),
		'energy kWh': meanSd(policy.energyKWh, 3),
		'energy vs none': reduction(policy.energySavingVsNone),
		'active hosts': meanSd(policy.activeHosts, 2),
		consolidation: `${policy.consolidationRatio.mean.toFixed(2)}:1`,
		migrations: meanSd(policy.migrations),
		...(policy.slatah && policy.pdm ? {'SLATAH %': meanSd({mean: policy.slatah.mean * 100, sd: policy.slatah.sd * 100}, 3), 'PDM %': meanSd({mean: policy.pdm.mean * 100, sd: policy.pdm.sd * 100}, 4)} : {}),
	}));
	const rows = evaluation.policies.map(policy => ({
		policy: policy.name,
		'overloaded host-ticks': meanSd(policy.overloadedHostTicks),
		'hot at end': meanSd(policy.hotAtEnd),
		swaps: meanSd(policy.swaps),
		'MiB moved': meanSd(policy.movedMiB, 0),
		'resolution mean': seconds(policy.resolutionSeconds.mean),
		'resolution max': seconds(policy.resolutionSeconds.max),
	}));
	// Means only, so the table fits 80 columns (the JSON has the sd).
	const episodes = evaluation.policies.map(policy => ({
		policy: policy.name,
		episodes: policy.episodes.count.mean.toFixed(1),
		open: policy.episodes.open.mean.toFixed(1),
		'cure s': cureSeconds(policy.episodes.cureSeconds),
		'came back': share(policy.episodes.cameBackShare),
		paging: policy.pagingHostIntervals.mean.toFixed(1),
	}));
	const {metrics} = evaluation;
	const seeds = evaluation.seeds.length > 3 ? `${evaluation.seeds[0]}..${evaluation.seeds.at(-1)} (${evaluation.seeds.length} seeds)` : evaluation.seeds.join(', ');
	return [
		chalk.bold(`${safeText(evaluation.scenario)} · ${evaluation.ticks} ticks of ${evaluation.tickSeconds} s · seeds ${seeds}`),
		'mean ± sd over seeds; sustained overload = (host, interval) pairs with k of the last n intervals over a threshold;',
		'energy of the worker hosts; active hosts = powered-on workers; consolidation = running VMs per active host',
		...(evaluation.baseline.listed ? [] : ['vs none: none ran on the same seeds as the baseline (it was not listed)']),
		boxedTable(tradeOff),
		'Details',
		boxedTable(rows),
		'Hotspot episodes, whatever the policy (means over seeds; sd in --format json):',
		'open = not cured at the end; cure s = mean / max seconds from first detection',
		`to the start of ${metrics.episodeHoldIntervals} cool intervals in a row; came back = detected again within`,
		`${metrics.cameBackSeconds} s of a cure; paging = host-intervals with a VM paging (docs/metrics.md)`,
		boxedTable(episodes),
	].join('\n') + '\n';
}

/**
Four decimals, so the document stays readable, but four significant digits below 0.1: CloudSim's SLAV
is a few 1e-5 on a PlanetLab day, and four decimals would make it 0. The same runs give the same bytes.
*/
function rounded(value: number): number {
	const magnitude = Math.abs(value);
	if (magnitude >= 0.1 || !Number.isFinite(value)) {
		return Math.round(value * 1e4) / 1e4;
	}

	return magnitude < 1e-12 ? 0 : Number(value.toPrecision(4));
}

export function formatEvaluationJson(evaluation: Evaluation): string {
	return safeJson(JSON.stringify(evaluation, (_key, value: unknown) => typeof value === 'number' ? rounded(value) : value, 2)) + '\n';
}
