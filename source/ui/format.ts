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
