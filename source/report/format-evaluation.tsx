import {Table} from '@alcalzone/ink-table';
import {Box, Text, renderToString} from 'ink';
import {safeJson, safeText} from '../terminal/safe-text.js';
import type {Evaluation, Stat} from './evaluation.js';

function meanSd(value: Stat, digits = 1): string {
	return `${value.mean.toFixed(digits)} ± ${value.sd.toFixed(digits)}`;
}

function seconds(value: number | null): string {
	return value === null ? '-' : `${value.toFixed(1)} s`;
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
	const seeds = evaluation.seeds.length > 3 ? `${evaluation.seeds[0]}..${evaluation.seeds.at(-1)} (${evaluation.seeds.length} seeds)` : evaluation.seeds.join(', ');
	return renderToString(
		<Box flexDirection='column'>
			<Text bold>{safeText(evaluation.scenario)} · {evaluation.ticks} ticks of {evaluation.tickSeconds} s · seeds {seeds}</Text>
			<Text>mean ± sd over seeds; sustained overload = (host, interval) pairs with k of the last n intervals over a threshold;</Text>
			<Text>energy of the worker hosts; active hosts = powered-on workers; consolidation = running VMs per active host</Text>
			<Table data={tradeOff}/>
			<Text>Details</Text>
			<Table data={rows}/>
		</Box>,
		{columns: 250},
	) + '\n';
}

/** Rounded so the document stays readable; the same runs give the same bytes. */
export function formatEvaluationJson(evaluation: Evaluation): string {
	return safeJson(JSON.stringify(evaluation, (_key, value: unknown) => typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value, 2)) + '\n';
}
