/** The policies figure in 80 columns: a block per yardstick, a bar per policy with its spread (──┤). */
import stringWidth from 'string-width';
import type {PoliciesFigure} from '../figure.js';
import {maxOf} from '../extent.js';
import {barWithSpread} from './bars.js';
import {fit, shortNumber, wrap} from './text-columns.js';

export function policiesText(figure: PoliciesFigure, columns: number): string[] {
	const lines = [fit(figure.title, columns).trimEnd(), ...wrap(`${figure.spread}; a bar is the mean, ──┤ its spread above`, columns)];
	const label = (policy: string, group: string) => group === '' ? policy : `${policy} ${group}`;
	const labelWidth = Math.min(28, maxOf(figure.bars.map(item => stringWidth(label(item.policy, item.group))), 4));
	const valueWidth = 20;
	const barWidth = columns - labelWidth - valueWidth - 4;
	for (const metric of figure.metrics) {
		const bars = figure.bars.filter(item => item.metric === metric);
		const max = maxOf(bars.map(item => Math.max(item.high, item.mean)), 0);
		lines.push('', metric);
		for (const item of bars) {
			const spread = item.high > item.mean ? ` ± ${shortNumber(item.high - item.mean)}` : '';
			lines.push(`  ${fit(label(item.policy, item.group), labelWidth)} ${barWithSpread(item.mean, item.high, max, barWidth)} ${fit(shortNumber(item.mean) + spread, valueWidth)}`.trimEnd());
		}
	}

	return lines;
}
