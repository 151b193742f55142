/**
The trade-off in 80 columns: energy across, SLA violation up, each policy a letter with its spread as
─ and │ around it, and a key giving each letter's policy and figures.
*/
import stringWidth from 'string-width';
import type {TradeoffFigure} from '../figure.js';
import {extent} from '../extent.js';
import {fit, shortNumber, wrap} from './text-columns.js';

const plotRows = 16;
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function tradeoffText(figure: TradeoffFigure, columns: number): string[] {
	const axisWidth = 9;
	const plotColumns = columns - axisWidth - 1;
	const span = (values: number[]) => {
		const {min: low, max: high} = extent(values);
		return high > low ? {low, high} : {low: low - 1, high: high + 1};
	};

	// The means are in the spans too (a hand-made interval may miss its mean), and every place is clamped to the grid.
	const x = span(figure.points.flatMap(point => [point.energy.low, point.energy.mean, point.energy.high]));
	const y = span(figure.points.flatMap(point => [point.sla.low, point.sla.mean, point.sla.high]));
	const clamp = (value: number, last: number) => Math.min(last, Math.max(0, value));
	const columnOf = (value: number) => clamp(Math.round((value - x.low) / (x.high - x.low) * (plotColumns - 1)), plotColumns - 1);
	const rowOf = (value: number) => clamp(plotRows - 1 - Math.round((value - y.low) / (y.high - y.low) * (plotRows - 1)), plotRows - 1);
	const grid = Array.from({length: plotRows}, () => Array.from({length: plotColumns}, () => ' '));
	const key: string[] = [];
	for (const [index, point] of figure.points.entries()) {
		const letter = letters[index] ?? '*';
		const row = rowOf(point.sla.mean);
		const column = columnOf(point.energy.mean);
		for (let at = columnOf(point.energy.low); at <= columnOf(point.energy.high); at++) {
			grid[row]![at] = grid[row]![at] === ' ' ? '─' : grid[row]![at]!;
		}

		for (let at = rowOf(point.sla.high); at <= rowOf(point.sla.low); at++) {
			grid[at]![column] = grid[at]![column] === ' ' ? '│' : grid[at]![column]!;
		}

		// A point on another's letter goes beside it, so that each policy stays findable.
		let at = column;
		while (at < plotColumns - 1 && letters.includes(grid[row]![at]!)) {
			at++;
		}

		grid[row]![at] = letter;
		const name = point.group === '' ? point.policy : `${point.policy} ${point.group}`;
		key.push(fit(`  ${letter}  ${name}: ${shortNumber(point.energy.mean)} kWh, ${shortNumber(point.sla.mean)}`, columns).trimEnd());
	}

	const lines = [fit(figure.title, columns).trimEnd(), ...wrap(`${figure.spread}; up: ${figure.slaLabel}, across: ${figure.energyLabel}`, columns), ''];
	for (const [index, row] of grid.entries()) {
		const value = index === 0 ? y.high : (index === plotRows - 1 ? y.low : undefined);
		const label = value === undefined ? '' : shortNumber(value);
		lines.push(`${stringWidth(label) > axisWidth - 1 ? fit(label, axisWidth - 1) : label.padStart(axisWidth - 1)} │${row.join('')}`.trimEnd());
	}

	const left = shortNumber(x.low);
	const right = shortNumber(x.high);
	lines.push(`${' '.repeat(axisWidth)}└${'─'.repeat(plotColumns)}`, fit(`${' '.repeat(axisWidth)} ${left}${right.padStart(Math.max(1, plotColumns - left.length))}`, columns).trimEnd(), '', ...key);
	return lines;
}
