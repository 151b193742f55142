/**
The `policies` figure (WSVY07 figure 10's bars, one panel per yardstick): sustained overload, episode
cure time, migrations and energy per policy, with their spread over seeds as error bars.
*/
import {metricLabels, type Comparison, type MetricKey} from './comparison.js';
import type {PoliciesFigure} from './figure.js';
import {PlotInputError} from './plot-input-error.js';

const panels: readonly MetricKey[] = ['sustainedOverloadIntervals', 'cureSecondsMean', 'migrations', 'energyKWh'];

export function policiesFigure(comparison: Comparison): PoliciesFigure {
	const rows = comparison.rows.filter(row => panels.includes(row.metric));
	if (rows.length === 0) {
		throw new PlotInputError(`the input holds none of ${panels.join(', ')}: nothing to plot per policy`);
	}

	const metrics = panels.filter(metric => rows.some(row => row.metric === metric)).map(metric => metricLabels[metric]);
	return {
		kind: 'policies',
		title: `${comparison.source}: policies compared`,
		spread: comparison.spread,
		metrics,
		groups: comparison.groups,
		policies: comparison.policies,
		bars: rows.map(row => ({
			metric: metricLabels[row.metric], policy: row.policy, group: row.group, ...row.value,
		})),
	};
}
