/**
The timeline as Vega-Lite: one lane per host, top to bottom, on a shared time axis. Inside a lane the
resources' utilisations run from its foot (0) to near its top (1), so a migration can be drawn as an
arrow from its source's lane to its destination's, as the paper's figures do.
*/
import type {TopLevelSpec} from 'vega-lite';
import type {TimelineFigure} from '../figure.js';
import {
	config, modeColors, resourceColors, schema,
} from './theme.js';

export type Size = {width: number; height: number};

/** A migration's arrowhead: down or up to a drawn host, right or left when the other end is not drawn. */
const arrowheads = ['triangle-down', 'triangle-up', 'triangle-right', 'triangle-left'];

/** Above this many migrations drawn, their labels would cover the lanes: arrows only. */
const labelledMigrations = 30;

export function timelineSpec(figure: TimelineFigure, size: Partial<Size>): TopLevelSpec {
	// With one sample a series (a run of one interval), a line has nothing to join: its points are drawn.
	const lanes = figure.hosts.length;
	const width = size.width ?? 860;
	const height = size.height ?? Math.max(120, lanes * 64);
	const lane = new Map(figure.hosts.map((host, index) => [host, index]));
	// Utilisation 0 sits at 0.88 of a lane down, 1 at 0.12: room for the episode bar below and the arrows' labels above.
	const level = (host: string, value: number) => lane.get(host)! + 0.88 - (0.76 * Math.min(1.1, Math.max(0, value)));
	const center = (host: string) => lane.get(host)! + 0.5;
	const x = {
		field: 'time', type: 'quantitative', title: `time (${figure.timeUnit})`, scale: {domain: [0, figure.endTime] as number[], nice: false},
	} as const;
	const y = {
		field: 'y', type: 'quantitative', axis: null, scale: {domain: [lanes, 0] as number[], nice: false, zero: false},
	} as const;
	const resources = [...new Set(figure.samples.map(sample => sample.resource))];
	const thresholdValues = [...new Set(figure.thresholds.map(threshold => threshold.value))];
	const thresholdGroups = thresholdValues.map(value => {
		const named = figure.thresholds.filter(threshold => threshold.value === value).map(threshold => threshold.resource);
		return {value, label: `threshold ${value} (${named.join(', ')})`};
	});
	const withBoth = figure.migrations.filter(move => lane.has(move.from) && lane.has(move.to));
	const labels = figure.migrations.length <= labelledMigrations;
	const end = (move: TimelineFigure['migrations'][number]) => move.end ?? figure.endTime;
	return {
		$schema: schema,
		title: {text: figure.title, subtitle: figure.subtitle},
		width,
		height,
		config,
		resolve: {scale: {color: 'independent'}},
		layer: [
			// Lane borders and names.
			{
				data: {values: figure.hosts.slice(1).map((_host, index) => ({y: index + 1}))},
				mark: {type: 'rule', color: '#cccccc'},
				encoding: {y},
			},
			{
				data: {values: figure.hosts.map(host => ({host, y: center(host), time: 0}))},
				mark: {
					type: 'text', align: 'right', dx: -6, fontSize: 11, color: '#333333',
				},
				encoding: {
					x, y, text: {field: 'host', type: 'nominal'},
				},
			},
			// The yardstick's sustained overload, shaded across the lane.
			{
				data: {
					values: figure.hot.map(span => ({
						time: span.from, time2: span.to, y: lane.get(span.host)! + 0.06, y2: lane.get(span.host)! + 0.9,
					})),
				},
				mark: {type: 'rect', color: '#d62728', opacity: 0.13},
				encoding: {
					x, x2: {field: 'time2'}, y, y2: {field: 'y2'},
				},
			},
			// Thresholds, a dashed line per distinct value in every lane.
			{
				data: {values: figure.hosts.flatMap(host => thresholdGroups.map(group => ({y: level(host, group.value), label: group.label})))},
				mark: {type: 'rule', strokeDash: [4, 3], color: '#777777'},
				encoding: {y},
			},
			{
				data: {values: thresholdGroups.slice(0, 1).filter(() => lanes > 0).map(group => ({time: figure.endTime, y: level(figure.hosts[0]!, group.value), label: group.label}))},
				mark: {
					type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10, color: '#555555',
				},
				encoding: {
					x, y, text: {field: 'label', type: 'nominal'},
				},
			},
			// The resources' utilisation.
			{
				data: {values: figure.samples.map(sample => ({...sample, y: level(sample.host, sample.value)})), format: {parse: null}},
				mark: {
					type: 'line', strokeWidth: 1.3, aria: false, point: figure.samples.length <= lanes * 3,
				},
				encoding: {
					x,
					y,
					detail: {field: 'host', type: 'nominal'},
					color: {
						field: 'resource', type: 'nominal', title: 'utilisation', scale: {domain: resources, range: resources.map(resource => resourceColors[resource]!)},
					},
				},
			},
			// Hotspot episodes: a bar at the lane's foot from detection to cure (open ones dimmed to the end).
			{
				data: {
					values: figure.episodes.map(episode => ({
						...episode, time: episode.from, time2: episode.to, y: lane.get(episode.host)! + 0.95,
					})),
				},
				mark: {type: 'rule', strokeWidth: 4, color: '#d62728'},
				encoding: {
					x, x2: {field: 'time2'}, y, opacity: {condition: {test: 'datum.cured', value: 0.9}, value: 0.35},
				},
			},
			// Migrations between drawn hosts: an arrow from the source's lane to the destination's.
			{
				data: {
					values: withBoth.map(move => ({
						...move, time: move.start, time2: end(move), y: center(move.from), y2: center(move.to),
					})),
				},
				mark: {type: 'rule', strokeWidth: 1.5},
				encoding: {
					x, x2: {field: 'time2'}, y, y2: {field: 'y2'}, color: modeColor(figure),
				},
			},
			{
				data: {
					values: figure.migrations.map(move => ({
						...migrationLabel(move, lane, end(move)), mode: move.mode, shape: shapeOf(move, lane),
					})),
				},
				mark: {
					type: 'point', filled: true, size: labels ? 55 : 20, opacity: labels ? 1 : 0.6,
				},
				encoding: {
					x, y, color: {...modeColor(figure), legend: null}, shape: {
						field: 'shape', type: 'nominal', legend: null, scale: {domain: arrowheads, range: arrowheads},
					},
				},
			},
			{
				data: {values: labels ? figure.migrations.map(move => migrationLabel(move, lane, end(move))) : []},
				mark: {
					type: 'text', align: 'left', dx: 6, dy: -8, fontSize: 10, color: '#333333',
				},
				encoding: {
					x, y, text: {field: 'label', type: 'nominal'},
				},
			},
		],
	};
}

/** Where a migration's label goes (its arrowhead, or its one drawn end) and what it says: the VM, the host not drawn, the downtime. */
function migrationLabel(move: TimelineFigure['migrations'][number], lane: ReadonlyMap<string, number>, end: number) {
	const arrives = lane.has(move.to);
	const both = lane.has(move.from) && arrives;
	const other = both ? '' : (arrives ? `←${move.from}` : `→${move.to}`);
	// An arrow ends mid-lane; a migration to or from a host not drawn is marked along the lane's top, clear of its lines.
	return {time: arrives ? end : move.start, y: lane.get(arrives ? move.to : move.from)! + (both ? 0.5 : 0.07), label: `${move.vm}${other}${downtime(move.downtimeSeconds)}`};
}

function downtime(seconds: number | null): string {
	return seconds === null ? '' : ` ${seconds < 1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

function modeColor(figure: TimelineFigure) {
	const modes = [...new Set(figure.migrations.map(move => move.mode))];
	return {
		field: 'mode', type: 'nominal', title: 'migration', scale: {domain: modes, range: modes.map(mode => Object.hasOwn(modeColors, mode) ? modeColors[mode]! : '#555555')},
	} as const;
}

function shapeOf(move: TimelineFigure['migrations'][number], lane: ReadonlyMap<string, number>): string {
	const to = lane.get(move.to);
	const from = lane.get(move.from);
	if (to === undefined) {
		return 'triangle-right';
	}

	if (from === undefined) {
		return 'triangle-left';
	}

	return to > from ? 'triangle-down' : 'triangle-up';
}
