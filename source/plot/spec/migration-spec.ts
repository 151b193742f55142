/**
The migration comparison as Vega-Lite: beside each other, the data each mode sent (pre-copy's rounds
stacked in order) and its total time against its downtime, with CloudSim's estimate as a line.
*/
import type {TopLevelSpec} from 'vega-lite';
import type {MigrationFigure} from '../figure.js';
import type {Size} from './timeline-spec.js';
import {config, schema} from './theme.js';

export function migrationSpec(figure: MigrationFigure, size: Partial<Size>): TopLevelSpec {
	const modes = figure.totals.map(total => total.mode);
	const parts = [...new Set(figure.segments.map(segment => segment.part))];
	const width = Math.max(160, Math.floor((size.width ?? 860) / 2) - 70);
	const height = size.height ?? 150;
	const y = {
		field: 'mode', type: 'nominal', sort: modes, title: null,
	} as const;
	const estimate = figure.cloudsimSeconds?.toFixed(1);
	const times = figure.totals.flatMap(total => [
		{mode: total.mode, measure: 'total time', seconds: total.totalSeconds},
		{mode: total.mode, measure: 'downtime', seconds: total.downtimeSeconds},
	]);
	return {
		$schema: schema,
		title: {text: figure.title, subtitle: ['the same VM, dirty rate and link', ...(figure.cloudsimSeconds === null ? [] : [`dashed: CloudSim's estimate, RAM / (BW / 2) = ${estimate} s`])]},
		config,
		resolve: {scale: {color: 'independent'}},
		hconcat: [
			{
				width,
				height,
				data: {values: figure.segments},
				mark: {type: 'bar', stroke: '#ffffff', strokeWidth: 1},
				encoding: {
					y,
					x: {
						field: 'dataMiB', type: 'quantitative', aggregate: 'sum', title: 'data sent (MiB)', stack: 'zero',
					},
					color: {
						field: 'part', type: 'nominal', sort: parts, title: 'sent as', scale: {scheme: 'blues', reverse: true},
					},
					order: {field: 'order', type: 'quantitative'},
				},
			},
			{
				width,
				height,
				layer: [
					{
						data: {values: times},
						mark: {type: 'bar'},
						encoding: {
							y,
							yOffset: {field: 'measure', type: 'nominal', sort: ['total time', 'downtime']},
							x: {field: 'seconds', type: 'quantitative', title: 'seconds'},
							color: {
								field: 'measure', type: 'nominal', sort: ['total time', 'downtime'], title: 'time', scale: {range: ['#9ecae9', '#e45756']},
							},
						},
					},
					...(figure.cloudsimSeconds === null
						? []
						: [{
							data: {values: [{seconds: figure.cloudsimSeconds}]},
							mark: {type: 'rule', strokeDash: [5, 3] as number[], color: '#333333'},
							encoding: {x: {field: 'seconds', type: 'quantitative'}},
						} as const]),
				],
			},
		],
	};
}
