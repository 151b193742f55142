/**
The policies as Vega-Lite: a panel per yardstick (two to a row, each its own scale), a bar per policy
with its spread as an error bar; a sweep's groups (source, parameters) side by side within a policy.
*/
import type {TopLevelSpec} from 'vega-lite';
import type {PoliciesFigure} from '../figure.js';
import type {Size} from './timeline-spec.js';
import {config, schema} from './theme.js';

export function policiesSpec(figure: PoliciesFigure, size: Partial<Size>): TopLevelSpec {
	const grouped = figure.groups.length > 1;
	const columns = Math.min(2, figure.metrics.length);
	const rows = Math.ceil(figure.metrics.length / columns);
	const width = Math.max(120, Math.floor((size.width ?? 860) / columns) - 60);
	const height = Math.max(80, Math.floor((size.height ?? (rows * 230)) / rows) - 50);
	// Orders are scale domains, not `sort` lists: Vega-Lite writes a sort list into an expression, where a
	// policy named `constructor` or `toString` breaks it; a domain stays data.
	const x = {
		field: 'policy', type: 'nominal', sort: null, scale: {domain: figure.policies}, title: null, axis: {labelAngle: labelAngle(figure.policies.length), labelLimit: 240},
	} as const;
	// Within a policy, groups go by their place in the input: a number, since Vega-Lite turns an offset's
	// named order into an expression of the names.
	const xOffset = grouped ? {xOffset: {field: 'groupIndex', type: 'ordinal'}} as const : {};
	const colour = grouped
		? {
			field: 'group', type: 'nominal', title: 'source, parameters', scale: {scheme: 'tableau10'},
		} as const
		: {
			field: 'policy', type: 'nominal', sort: null, legend: null, scale: {domain: figure.policies, scheme: figure.policies.length > 10 ? 'tableau20' : 'tableau10'},
		} as const;
	return {
		$schema: schema,
		title: {text: figure.title, subtitle: figure.spread},
		config,
		data: {values: figure.bars.map(bar => ({...bar, groupIndex: figure.groups.indexOf(bar.group)}))},
		facet: {
			field: 'metric', type: 'nominal', sort: figure.metrics, title: null, header: {labelFontWeight: 'bold', labelAnchor: 'start'},
		},
		columns,
		resolve: {scale: {y: 'independent'}},
		spec: {
			width,
			height,
			layer: [
				{
					mark: {type: 'bar', opacity: 0.85},
					encoding: {
						x, ...xOffset, y: {
							field: 'mean', type: 'quantitative', title: null, stack: null,
						}, color: colour,
					},
				},
				{
					mark: {type: 'rule', color: '#222222', strokeWidth: 1.2},
					encoding: {
						x, ...xOffset, y: {field: 'low', type: 'quantitative'}, y2: {field: 'high'},
					},
				},
			],
		},
	};
}

/** Names across while a few fit, aslant for more, upright for BB12's twenty. */
function labelAngle(policies: number): number {
	if (policies > 10) {
		return -90;
	}

	return policies > 4 ? -35 : 0;
}
