/**
What the `policies` and `tradeoff` figures compare, from an eval or a sweep merge alike: per policy (and
per sweep cell group) a metric's mean and its spread over seeds, the sd for an eval (its table's figure)
and the 95 % interval of the mean for a sweep (its merge's figure).
*/
import {stat} from '../report/stat.js';
import {safeText} from '../terminal/safe-text.js';
import type {Interval} from './figure.js';
import type {EvaluationInput, SweepMergeInput} from './input-schema.js';

export type MetricKey = 'sustainedOverloadIntervals' | 'cureSecondsMean' | 'migrations' | 'energyKWh' | 'slav';

export const metricLabels: Readonly<Record<MetricKey, string>> = {
	sustainedOverloadIntervals: 'sustained-overload intervals',
	cureSecondsMean: 'episode cure time (s), per-seed means',
	migrations: 'migrations',
	energyKWh: 'energy (kWh)',
	slav: 'SLA violation, SLATAH × PDM (%)',
};

export type Comparison = {
	source: string;
	spread: string;
	groups: string[];
	policies: string[];
	/** A metric absent from the input has no row; a cell with no value for it (no cure) has none either. */
	rows: Array<{policy: string; group: string; metric: MetricKey; value: Interval}>;
};

function spreadOf(mean: number, sd: number): Interval {
	return {mean, low: mean - sd, high: mean + sd};
}

export function evaluationComparison(evaluation: EvaluationInput): Comparison {
	const rows: Comparison['rows'] = [];
	for (const policy of evaluation.policies) {
		const name = safeText(policy.name);
		const add = (metric: MetricKey, value: Interval) => rows.push({
			policy: name, group: '', metric, value,
		});
		add('sustainedOverloadIntervals', spreadOf(policy.sustainedOverloadIntervals.mean, policy.sustainedOverloadIntervals.sd));
		// Per seed, as a sweep keeps it: the mean cure time of each seed that cured an episode.
		const cures = policy.perSeed.flatMap(seed => typeof seed.cureSecondsMean === 'number' ? [seed.cureSecondsMean] : []);
		if (cures.length > 0) {
			const {mean, sd} = stat(cures);
			add('cureSecondsMean', spreadOf(mean, sd));
		}

		add('migrations', spreadOf(policy.migrations.mean, policy.migrations.sd));
		add('energyKWh', spreadOf(policy.energyKWh.mean, policy.energyKWh.sd));
		if (policy.slav) {
			add('slav', spreadOf(policy.slav.mean * 100, policy.slav.sd * 100));
		}
	}

	const seeds = evaluation.seeds.length;
	return {
		source: safeText(evaluation.scenario),
		spread: seeds === 1 ? 'one seed: no spread' : `error bars: ± sd over ${seeds} seeds`,
		groups: [''],
		policies: unique(rows.map(row => row.policy)),
		rows,
	};
}

const sweepMetrics: readonly MetricKey[] = ['sustainedOverloadIntervals', 'cureSecondsMean', 'migrations', 'energyKWh', 'slav'];

export function sweepComparison(sweep: SweepMergeInput): Comparison {
	const rows: Comparison['rows'] = [];
	const sourceNames = shortSourceNames(sweep.cells.map(cell => cell.source));
	for (const cell of sweep.cells) {
		const group = safeText([sourceNames.get(cell.source)!, cell.parameters].filter(Boolean).join(' '));
		for (const metric of sweepMetrics) {
			const figure = Object.hasOwn(cell.metrics, metric) ? cell.metrics[metric] : undefined;
			if (figure) {
				const scale = metric === 'slav' ? 100 : 1;
				const [low, high] = figure.ci95 ?? [figure.mean, figure.mean];
				rows.push({
					policy: safeText(cell.policy), group, metric, value: {mean: figure.mean * scale, low: low * scale, high: high * scale},
				});
			}
		}
	}

	// One source and no parameters: nothing to tell the groups apart by, so the policies stand alone.
	const groups = unique(rows.map(row => row.group));
	const single = groups.length === 1;
	return {
		source: single && groups[0] !== '' ? `${safeText(sweep.sweep)} (${groups[0]!})` : safeText(sweep.sweep),
		spread: 'error bars: 95 % interval of the mean over seeds',
		groups: single ? [''] : groups,
		policies: unique(rows.map(row => row.policy)),
		rows: single ? rows.map(row => ({...row, group: ''})) : rows,
	};
}

/** Each source by its file name without `.json`, or whole where two sources share a file name. */
function shortSourceNames(sources: readonly string[]): Map<string, string> {
	const distinct = unique(sources);
	const short = (source: string) => source.replace(/^.*\//v, '').replace(/\.json$/v, '');
	const clash = new Set(distinct.map(source => short(source))).size < distinct.length;
	return new Map(distinct.map(source => [source, clash ? source : short(source)]));
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}
