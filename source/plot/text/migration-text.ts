/** The migration comparison in 80 columns: each mode's data sent, round by round, then its time and downtime. */
import type {MigrationFigure} from '../figure.js';
import {maxOf} from '../extent.js';
import {bar} from './bars.js';
import {fit, shortNumber, wrap} from './text-columns.js';

/** Alternate shades so that adjacent rounds stay apart. */
const shades = ['█', '▓', '▒', '░'];

export function migrationText(figure: MigrationFigure, columns: number): string[] {
	const labelWidth = 14;
	const valueWidth = 24;
	const barWidth = columns - labelWidth - valueWidth - 4;
	const maxData = maxOf([...figure.totals.map(total => total.dataMiB), ...figure.segments.map(segment => segment.dataMiB)], 0);
	const maxSeconds = maxOf(figure.totals.flatMap(total => [total.totalSeconds, total.downtimeSeconds]), figure.cloudsimSeconds ?? 0);
	// Bars are cut at their width whatever the input says (a hand-edited file may not add up).
	const cells = (value: number, max: number) => max > 0 ? Math.min(barWidth, Math.round(value / max * barWidth)) : 0;
	const lines = [fit(figure.title, columns).trimEnd(), '', 'data sent (MiB), pre-copy a shade per round:'];
	for (const total of figure.totals) {
		const segments = figure.segments.filter(segment => segment.mode === total.mode);
		let text = '';
		for (const [index, segment] of segments.entries()) {
			text += shades[index % shades.length]!.repeat(Math.max(segment.dataMiB > 0 ? 1 : 0, cells(segment.dataMiB, maxData)));
			if ([...text].length >= barWidth) {
				break;
			}
		}

		const rounds = total.mode === 'pre-copy' ? `, ${segments.length} rounds` : '';
		lines.push(`  ${fit(total.mode, labelWidth)}${fit(text, barWidth)} ${fit(`${shortNumber(total.dataMiB)} MiB${rounds}`, valueWidth)}`.trimEnd());
	}

	lines.push('', 'time (s): █ in all, ▒ down');
	for (const total of figure.totals) {
		const down = '▒'.repeat(Math.max(total.downtimeSeconds > 0 ? 1 : 0, cells(total.downtimeSeconds, maxSeconds)));
		lines.push(
			`  ${fit(total.mode, labelWidth)}${fit(bar(total.totalSeconds, maxSeconds, barWidth), barWidth)} ${fit(`${shortNumber(total.totalSeconds)} s`, valueWidth)}`.trimEnd(),
			`  ${' '.repeat(labelWidth)}${fit(down, barWidth)} ${fit(`${shortNumber(total.downtimeSeconds)} s down`, valueWidth)}`.trimEnd(),
		);
	}

	if (figure.cloudsimSeconds !== null) {
		lines.push('', ...wrap(`CloudSim's estimate, RAM / (BW / 2): ${shortNumber(figure.cloudsimSeconds)} s, no downtime modelled`, columns));
	}

	return lines;
}
