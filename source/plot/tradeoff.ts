/**
The `tradeoff` figure, as Beloglazov and Buyya plot their policies (BB12 figure 9): energy against SLA
violation, one point per policy with its spread over seeds both ways. SLA violation is SLATAH x PDM
where the runs had CloudSim's semantics (a PlanetLab day), and the sustained-overload yardstick elsewhere.
*/
import {metricLabels, type Comparison} from './comparison.js';
import type {Interval, TradeoffFigure} from './figure.js';
import {PlotInputError} from './plot-input-error.js';

export function tradeoffFigure(comparison: Comparison): TradeoffFigure {
	const rows = new Map(comparison.rows.map(row => [`${row.policy}\u0000${row.group}\u0000${row.metric}`, row.value]));
	const find = (policy: string, group: string, metric: string): Interval | undefined => rows.get(`${policy}\u0000${group}\u0000${metric}`);
	// SLAV only when every policy with an energy figure has one: a mix would drop the others without a word.
	const energies = comparison.rows.filter(row => row.metric === 'energyKWh');
	const sla = energies.length > 0 && energies.every(row => find(row.policy, row.group, 'slav')) ? 'slav' : 'sustainedOverloadIntervals';
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
