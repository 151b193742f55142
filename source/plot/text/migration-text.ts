/** The migration comparison in 80 columns: each mode's data sent, round by round, then its time and downtime. */
import type {MigrationFigure} from '../figure.js';
import {bar} from './bars.js';
import {fit, shortNumber, wrap} from './text-columns.js';

/** Alternate shades so that adjacent rounds stay apart. */
const shades = ['█', '▓', '▒', '░'];

export function migrationText(figure: MigrationFigure, columns: number): string[] {
	const labelWidth = 14;
	const valueWidth = 24;
	const barWidth = columns - labelWidth - valueWidth - 4;
	const maxData = Math.max(...figure.totals.map(total => total.dataMiB), 0);
	const maxSeconds = Math.max(...figure.totals.map(total => total.totalSeconds), figure.cloudsimSeconds ?? 0);
	const lines = [fit(figure.title, columns).trimEnd(), '', 'data sent (MiB), pre-copy a shade per round:'];
	for (const total of figure.totals) {
		const segments = figure.segments.filter(segment => segment.mode === total.mode);
		let text = '';
		for (const [index, segment] of segments.entries()) {
			const cells = maxData > 0 ? Math.round(segment.dataMiB / maxData * barWidth) : 0;
			text += shades[index % shades.length]!.repeat(Math.max(segment.dataMiB > 0 ? 1 : 0, cells));
		}

		const rounds = total.mode === 'pre-copy' ? `, ${segments.length} rounds` : '';
		lines.push(`  ${fit(total.mode, labelWidth)}${fit(text, barWidth)} ${fit(`${shortNumber(total.dataMiB)} MiB${rounds}`, valueWidth)}`.trimEnd());
	}

	lines.push('', 'time (s): █ in all, ▒ down');
	for (const total of figure.totals) {
		const down = '▒'.repeat(Math.max(total.downtimeSeconds > 0 ? 1 : 0, Math.round(total.downtimeSeconds / Math.max(maxSeconds, 1e-9) * barWidth)));
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
