/**
The `tradeoff` figure, as Beloglazov and Buyya plot their policies (BB12 figure 9): energy against SLA
violation, one point per policy with its spread over seeds both ways. SLA violation is SLATAH x PDM
where the runs had CloudSim's semantics (a PlanetLab day), and the sustained-overload yardstick elsewhere.
*/
import {metricLabels, type Comparison} from './comparison.js';
import type {Interval, TradeoffFigure} from './figure.js';
import {PlotInputError} from './plot-input-error.js';

export function tradeoffFigure(comparison: Comparison): TradeoffFigure {
	const sla = comparison.rows.some(row => row.metric === 'slav') ? 'slav' : 'sustainedOverloadIntervals';
	const find = (policy: string, group: string, metric: string): Interval | undefined => comparison.rows.find(row => row.policy === policy && row.group === group && row.metric === metric)?.value;
	const points: TradeoffFigure['points'] = [];
	for (const group of comparison.groups) {
		for (const policy of comparison.policies) {
			const energy = find(policy, group, 'energyKWh');
			const violation = find(policy, group, sla);
			if (energy && violation) {
				points.push({
					policy, group, energy, sla: violation,
				});
			}
		}
	}

	if (points.length === 0) {
		throw new PlotInputError('the tradeoff needs energyKWh and slav or sustainedOverloadIntervals per policy; the input has no policy with both');
	}

	return {
		kind: 'tradeoff',
		title: `${comparison.source}: energy against SLA violation`,
		spread: comparison.spread,
		energyLabel: metricLabels.energyKWh,
		slaLabel: metricLabels[sla],
		groups: comparison.groups,
		points,
	};
}
