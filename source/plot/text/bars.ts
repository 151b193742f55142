/** A horizontal bar in block characters, eighths for the fraction at its tip. */
const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(value: number, max: number, width: number): string {
	const cells = max > 0 ? Math.max(0, Math.min(width, value / max * width)) : 0;
	const whole = Math.floor(cells);
	const part = eighths[Math.floor((cells - whole) * 8)] ?? '';
	return '█'.repeat(whole) + part;
}

/** A bar to the mean and its spread drawn past it, `──┤` to the high end: `width` columns in all. */
export function barWithSpread(mean: number, high: number, max: number, width: number): string {
	const body = bar(mean, max, width);
	const end = max > 0 ? Math.min(width, Math.round(Math.max(0, high) / max * width)) : 0;
	const {length} = [...body];
	const whisker = end > length ? '─'.repeat(end - length - 1) + '┤' : '';
	return (body + whisker).padEnd(width);
}
