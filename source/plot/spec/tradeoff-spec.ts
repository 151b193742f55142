/**
The trade-off as Vega-Lite: energy across, SLA violation up, a point per policy (and sweep group) with
its spread both ways; names beside the points while they fit apart, a legend when they would not.
*/
import type {TopLevelSpec} from 'vega-lite';
import type {TradeoffFigure} from '../figure.js';
import {extent} from '../extent.js';
import type {Size} from './timeline-spec.js';
import {config, schema} from './theme.js';

/** Beyond this many points, their names would overlap: the legend names them. */
const labelledPoints = 8;
/** Labels this close (as a share of each axis' spread) would overlap: the legend names the points instead. */
const crowdedShare = 0.06;

/** Whether two labels' anchors sit close enough on both axes for their text to collide. */
function crowded(anchors: ReadonlyArray<{energy: number; sla: number}>): boolean {
	const spread = (values: number[]) => {
		const {min, max} = extent(values);
		return max - min || 1;
	};

	const across = spread(anchors.map(anchor => anchor.energy));
	const up = spread(anchors.map(anchor => anchor.sla));
	const near = (a: {energy: number; sla: number}, b: {energy: number; sla: number}) => Math.abs(a.energy - b.energy) < across * crowdedShare * 3 && Math.abs(a.sla - b.sla) < up * crowdedShare;
	return anchors.some((anchor, index) => anchors.slice(index + 1).some(other => near(anchor, other)));
}

/** Names of points drawn within a point's width of another (1 % of each axis' spread), a line per group of them. */
function hidden(points: ReadonlyArray<{energy: number; sla: number; label: string}>): string[] {
	const spread = (values: number[]) => {
		const {min, max} = extent(values);
		return max - min || 1;
	};

	const across = spread(points.map(point => point.energy));
	const up = spread(points.map(point => point.sla));
	const groups: string[][] = [];
	const placed = new Set<number>();
	const over = (a: {energy: number; sla: number}, b: {energy: number; sla: number}) => Math.abs(a.energy - b.energy) <= across * 0.01 && Math.abs(a.sla - b.sla) <= up * 0.01;
	for (const [index, point] of points.entries()) {
		const group = points.flatMap((other, at) => at > index && !placed.has(at) && over(point, other) ? [at] : []);
		if (!placed.has(index) && group.length > 0) {
			for (const at of group) {
				placed.add(at);
			}

			groups.push([point.label, ...group.map(at => points[at]!.label)]);
		}
	}

	return groups.slice(0, 3).map(group => `drawn at one point: ${group.join(', ')}`);
}

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
	for (const {energy, sla, label} of values) {
		const key = `${energy} ${sla}`;
		const same = labels.get(key);
		labels.set(key, {energy, sla, label: same ? `${same.label}; ${label}` : label});
	}

	const named = values.length <= labelledPoints && !crowded([...labels.values()]);
	// With a legend, a point hidden under another's would be lost: the subtitle names them.
	const coinciding = hidden(values);
	const x = {
		field: 'energy', type: 'quantitative', title: figure.energyLabel, scale: {zero: false, nice: true},
	} as const;
	const y = {
		field: 'sla', type: 'quantitative', title: figure.slaLabel, scale: {zero: false, nice: true},
	} as const;
	const colour = {
		field: 'policy',
		type: 'nominal',
		title: 'policy',
		// A domain, not a sort list (see ./policies-spec.ts).
		scale: {domain: policies, scheme: policies.length > 10 ? 'tableau20' : 'tableau10'},
		...(named ? {legend: null} : {legend: {labelLimit: 280}}),
	} as const;
	const grouped = figure.groups.length > 1;
	return {
		$schema: schema,
		title: {text: figure.title, subtitle: [figure.spread, ...(named ? [] : coinciding)]},
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
			...(named
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
