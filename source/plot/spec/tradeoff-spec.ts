/**
The trade-off as Vega-Lite: energy across, SLA violation up, a point per policy (and sweep group) with
its spread both ways; names beside the points while they fit, a legend beyond that.
*/
import type {TopLevelSpec} from 'vega-lite';
import type {TradeoffFigure} from '../figure.js';
import type {Size} from './timeline-spec.js';
import {config, schema} from './theme.js';

/** Beyond this many points, their names would overlap: the legend names them. */
const labelledPoints = 8;

export function tradeoffSpec(figure: TradeoffFigure, size: Partial<Size>): TopLevelSpec {
	const values = figure.points.map(point => ({
		policy: point.policy,
		group: point.group,
		energy: point.energy.mean,
		energyLow: point.energy.low,
		energyHigh: point.energy.high,
		sla: point.sla.mean,
		slaLow: point.sla.low,
		slaHigh: point.sla.high,
		label: figure.groups.length > 1 ? `${point.policy}, ${point.group}` : point.policy,
	}));
	const policies = [...new Set(values.map(value => value.policy))];
	// Policies at the same point (sandpiper and sandpiper-gray often are) share one label, or one would hide the other.
	const labels = new Map<string, {energy: number; sla: number; label: string}>();
	for (const value of values) {
		const key = `${value.energy} ${value.sla}`;
		const label = labels.get(key);
		labels.set(key, label ? {...label, label: `${label.label}, ${value.label}`} : {energy: value.energy, sla: value.sla, label: value.label});
	}

	const x = {
		field: 'energy', type: 'quantitative', title: figure.energyLabel, scale: {zero: false, nice: true},
	} as const;
	const y = {
		field: 'sla', type: 'quantitative', title: figure.slaLabel, scale: {zero: false, nice: true},
	} as const;
	const colour = {
		field: 'policy',
		type: 'nominal',
		sort: policies,
		title: 'policy',
		scale: {scheme: policies.length > 10 ? 'tableau20' : 'tableau10'},
		...(values.length <= labelledPoints ? {legend: null} : {legend: {labelLimit: 280}}),
	} as const;
	const grouped = figure.groups.length > 1;
	return {
		$schema: schema,
		title: {text: figure.title, subtitle: figure.spread},
		config,
		width: size.width ?? 640,
		height: size.height ?? 420,
		data: {values},
		layer: [
			{
				mark: {type: 'rule', strokeWidth: 1.2}, encoding: {
					x: {...x, field: 'energyLow'}, x2: {field: 'energyHigh'}, y, color: colour,
				},
			},
			{
				mark: {type: 'rule', strokeWidth: 1.2}, encoding: {
					x, y: {...y, field: 'slaLow'}, y2: {field: 'slaHigh'}, color: colour,
				},
			},
			{
				mark: {
					type: 'point', filled: true, size: 90, opacity: 1,
				},
				encoding: {
					x, y, color: colour, ...(grouped ? {shape: {field: 'group', type: 'nominal', title: 'source, parameters'}} : {}),
				},
			},
			...(values.length <= labelledPoints
				? [{
					data: {values: [...labels.values()]},
					mark: {
						type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 11, color: '#333333',
					},
					encoding: {
						x, y, text: {field: 'label', type: 'nominal'},
					},
				} as const]
				: []),
		],
	};
}
