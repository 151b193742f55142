/**
Pure text formatting for the dashboard: every function returns a string of a known width.
*/

/** `01:02:03` of simulated time; days are prefixed (`2d 01:02:03`). */
export function formatClock(totalSeconds: number): string {
	const seconds = Math.floor(totalSeconds);
	const days = Math.floor(seconds / 86_400);
	const hh = String(Math.floor((seconds % 86_400) / 3600)).padStart(2, '0');
	const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
	const ss = String(seconds % 60).padStart(2, '0');
	return `${days > 0 ? `${days}d ` : ''}${hh}:${mm}:${ss}`;
}

/** A fraction as a right-aligned percentage, 4 columns wide (`  7%`, `100%`). */
export function formatPercent(fraction: number): string {
	return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`.padStart(4);
}

/** A horizontal bar of `width` cells: `█` filled, `░` empty. */
export function bar(fraction: number, width: number): string {
	const cells = Math.max(0, width);
	const filled = Math.round(Math.max(0, Math.min(1, fraction)) * cells);
	return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

/** The glyph of a meter's second segment (a migration's traffic): it reads without colour, between `█` and `░`. */
export const extraGlyph = '▒';

/**
Cells of a two-segment bar of `width`: `filled` for `fraction`, then `extra` for `extraFraction` (clipped
to what is left), then `empty`. A second segment that is not zero gets a cell, taken from the first if
need be, so a small migration still shows (on a migration NIC of its own, beside VMs at 100 % too).
*/
export function barCells(fraction: number, extraFraction: number, width: number): {filled: number; extra: number; empty: number} {
	const cells = Math.max(0, width);
	const first = Math.max(0, Math.min(1, fraction));
	const second = Math.max(0, Math.min(1, extraFraction));
	let filled = Math.round(first * cells);
	let extra = Math.min(cells - filled, Math.round((first + second) * cells) - filled);
	if (second > 0 && extra === 0 && cells > 0) {
		extra = 1;
		filled = Math.min(filled, cells - 1);
	}

	return {filled, extra, empty: cells - filled - extra};
}

/** Pads or cuts to exactly `width` columns (ellipsis when cut). */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (text.length <= width) {
		return text.padEnd(width);
	}

	return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

export function formatSpeed(speed: number): string {
	return `${speed}x`;
}

/** K-of-n history, oldest first: `▮` over a threshold, `▯` under, padded to `n` with spaces. */
export function kOfNHistory(over: readonly boolean[], n: number): string {
	return over.map(value => value ? '▮' : '▯').join('').padStart(n, ' ');
}

const sparks = '▁▂▃▄▅▆▇█';

/** The newest `width` values as a sparkline of 0..1 fractions, right-aligned. */
export function sparkline(values: readonly number[], width: number): string {
	const recent = values.slice(-width);
	const line = recent.map(value => sparks[Math.max(0, Math.min(sparks.length - 1, Math.round(Math.max(0, Math.min(1, value)) * (sparks.length - 1))))]!).join('');
	return line.padStart(width, ' ');
}

/** `2.4 s`, `15 ms`, `3 min 12 s`. */
export function formatDuration(seconds: number): string {
	if (seconds < 1) {
		return `${Math.round(seconds * 1000)} ms`;
	}

	if (seconds < 120) {
		return `${seconds.toFixed(1)} s`;
	}

	return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** `850 W`, `3.21 kW`. */
export function formatPower(watts: number): string {
	return watts < 1000 ? `${Math.round(watts)} W` : `${(watts / 1000).toFixed(2)} kW`;
}

/**
Parts of a story (oldest first) and a note packed into at most `lines` lines, the first `width` wide and
the others `nextWidth`, joined by `, ` and broken only between parts. The note comes last, cut to the
room left, and only if every part fits with it; then the latest parts matter most: when all do not fit,
the oldest go first and `…` stands for them. Empty when there is nothing to tell.
*/
export function packStory(parts: readonly string[], note: string | null, width: number, {lines = 1, nextWidth = width}: {lines?: number; nextWidth?: number} = {}): string[] {
	if (width <= 0 || lines <= 0) {
		return [];
	}

	const widths = {first: width, next: nextWidth, lines};
	if (note !== null) {
		const packed = wrapParts([...parts, note], widths, true);
		if (packed) {
			return packed;
		}

		if (parts.length === 0) {
			return [cut(note, width)];
		}
	}

	for (let start = 0; start < parts.length; start++) {
		const packed = wrapParts(start > 0 ? ['…', ...parts.slice(start)] : parts, widths, false);
		if (packed) {
			return packed;
		}
	}

	return parts.length === 0 ? [] : [cut(parts.at(-1)!, width)];
}

/** `text` cut to `width` (ellipsis when cut), not padded. */
function cut(text: string, width: number): string {
	return text.length <= width ? text : fit(text, width);
}

/** Room a cut note must still have: less than this reads as noise. */
const leastCut = 12;

/** The parts in lines, or undefined when they do not fit; the last part may be cut when `cutLast` (a note). */
function wrapParts(parts: readonly string[], widths: {first: number; next: number; lines: number}, cutLast: boolean): string[] | undefined {
	const out: string[] = [];
	const widthOf = (index: number) => (index === 0 ? widths.first : widths.next);
	let line = '';
	for (const [index, part] of parts.entries()) {
		const canCut = cutLast && index === parts.length - 1;
		const separator = line === '' ? '' : (line === '…' ? ' ' : ', ');
		const room = widthOf(out.length) - line.length - separator.length;
		if (part.length <= room) {
			line += separator + part;
			continue;
		}

		if (canCut && room >= leastCut) {
			line += separator + cut(part, room);
			continue;
		}

		if (line !== '') {
			out.push(line);
		}

		if (out.length >= widths.lines || (part.length > widthOf(out.length) && !canCut)) {
			return undefined;
		}

		line = cut(part, widthOf(out.length));
	}

	if (line !== '') {
		out.push(line);
	}

	return out.length <= widths.lines ? out : undefined;
}
