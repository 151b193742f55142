/**
The timeline in 80 columns: per host a braille trace of the resource it was hot on (CPU when none) with
its threshold dotted, and under it a row of marks: ▒ sustained overload, ━ a hotspot episode, ▶ a
migration leaving, ◀ one arriving. The migrations are listed below with mode and downtime.
*/
import stringWidth from 'string-width';
import type {Resource, TimelineFigure} from '../figure.js';
import {maxOf} from '../extent.js';
import {BrailleCanvas} from './braille.js';
import {fit, shortNumber, wrap} from './text-columns.js';

const traceRows = 3;
const resources: readonly Resource[] = ['cpu', 'memory', 'network'];

export function timelineText(figure: TimelineFigure, columns: number): string[] {
	const labelWidth = Math.min(12, maxOf(figure.hosts.map(host => stringWidth(host)), 4) + 5);
	const plotColumns = columns - labelWidth - 1;
	const lines = [
		fit(figure.title, columns).trimEnd(),
		...wrap(`${figure.subtitle[0]!}. Per host: the resource it was hot on (0 to 100 %, ⠒ threshold); ▒ sustained overload, ━ hotspot episode, ▶ migration out, ◀ in.`, columns),
		'',
	];
	for (const host of figure.hosts) {
		lines.push(...laneLines(figure, host, labelWidth, plotColumns));
	}

	const [ruler, times] = axis(figure, plotColumns);
	lines.push(`${' '.repeat(labelWidth)}└${ruler}`, `${' '.repeat(labelWidth)} ${times}`);
	if (figure.migrations.length > 0) {
		lines.push('', 'migrations:');
		for (const move of figure.migrations) {
			const down = move.downtimeSeconds === null ? (move.end === null ? 'still running' : 'did not complete') : `${shortNumber(move.downtimeSeconds)} s down`;
			lines.push(fit(`  ${shortNumber(move.start)} ${figure.timeUnit}  ${move.vm}  ${move.from} → ${move.to}  ${move.mode}, ${down}`, columns).trimEnd());
		}
	}

	return lines;
}

/** One host's lane: its trace in braille, then its row of marks. */
function laneLines(figure: TimelineFigure, host: string, labelWidth: number, plotColumns: number): string[] {
	const column = (time: number) => Math.min(plotColumns - 1, Math.max(0, Math.floor(time / Math.max(figure.endTime, 1e-9) * plotColumns)));
	const hotOn = figure.episodes.find(episode => episode.host === host)?.resource;
	const shown = resources.find(resource => resource === hotOn && figure.samples.some(sample => sample.host === host && sample.resource === resource)) ?? 'cpu';
	const canvas = new BrailleCanvas(plotColumns, traceRows);
	const yOf = (value: number) => (canvas.height - 1) * (1 - Math.min(1, Math.max(0, value)));
	const threshold = figure.thresholds.find(line => line.resource === shown);
	if (threshold) {
		for (let x = 0; x < canvas.width; x += 4) {
			canvas.set(x, yOf(threshold.value));
		}
	}

	let previous: {x: number; y: number} | undefined;
	for (const sample of figure.samples) {
		if (sample.host === host && sample.resource === shown) {
			const point = {x: sample.time / Math.max(figure.endTime, 1e-9) * (canvas.width - 1), y: yOf(sample.value)};
			if (previous) {
				canvas.line(previous.x, previous.y, point.x, point.y);
			} else {
				// A run of one interval has one sample: a dot, with no line to draw.
				canvas.set(point.x, point.y);
			}

			previous = point;
		}
	}

	const marks = Array.from({length: plotColumns}, () => ' ');
	const mark = (from: number, to: number, character: string) => {
		for (let at = column(from); at <= column(to); at++) {
			marks[at] = character;
		}
	};

	for (const span of figure.hot.filter(hot => hot.host === host)) {
		mark(span.from, Math.max(span.from, span.to - 1e-9), '▒');
	}

	for (const episode of figure.episodes.filter(item => item.host === host)) {
		mark(episode.from, episode.to, '━');
	}

	for (const move of figure.migrations) {
		if (move.from === host) {
			marks[column(move.start)] = '▶';
		}

		if (move.to === host && move.end !== null) {
			marks[column(move.end)] = '◀';
		}
	}

	const labels = [host, shown, ''];
	return [
		...canvas.lines().map((text, index) => `${fit(labels[index] ?? '', labelWidth)}│${text}`),
		`${' '.repeat(labelWidth)}│${marks.join('')}`,
	];
}

/** The time axis under the plot: a tick at each round time (1, 2 or 5 times a power of ten apart), and its label. */
function axis(figure: TimelineFigure, width: number): [string, string] {
	const ruler = Array.from({length: width}, () => '─');
	let labels = '';
	const step = niceStep(figure.endTime / 6);
	for (let time = 0; time <= figure.endTime; time += step) {
		const at = Math.min(width - 1, Math.round(time / Math.max(figure.endTime, 1e-9) * width));
		const label = shortNumber(time);
		if (at >= labels.length + (labels.length > 0 ? 1 : 0) && at + label.length <= width - figure.timeUnit.length - 1) {
			ruler[at] = '┬';
			labels = labels.padEnd(at) + label;
		}
	}

	return [ruler.join(''), `${labels.padEnd(width - figure.timeUnit.length)}${figure.timeUnit}`];
}

/** The smallest of 1, 2 and 5 times a power of ten that is at least `rough`. */
function niceStep(rough: number): number {
	const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-9)));
	return [1, 2, 5, 10].map(factor => factor * power).find(step => step >= rough) ?? 10 * power;
}
