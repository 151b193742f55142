/** Numbers, names and sentences in the text figures' columns. */
import stringWidth from 'string-width';

/** A figure's number in a few characters: three significant digits, thousands grouped. */
export function shortNumber(value: number): string {
	if (value === 0 || !Number.isFinite(value)) {
		return String(value);
	}

	return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();
}

/** Text cut to `width` terminal columns (an ellipsis marks the cut; wide characters count two), padded to them. */
export function fit(text: string, width: number): string {
	let kept = '';
	let used = 0;
	const whole = stringWidth(text) <= width;
	for (const character of text) {
		const next = stringWidth(character);
		if (used + next > (whole ? width : width - 1)) {
			break;
		}

		kept += character;
		used += next;
	}

	return kept + (whole ? '' : '…') + ' '.repeat(Math.max(0, width - used - (whole ? 0 : 1)));
}

/** Words wrapped to `width` columns; a word wider than a line is cut to it. */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const whole of text.split(' ')) {
		const word = stringWidth(whole) > width ? fit(whole, width) : whole;
		const wordWidth = stringWidth(word);
		if (line.length > 0 && used + 1 + wordWidth > width) {
			lines.push(line);
			line = word;
			used = wordWidth;
		} else {
			line = line.length > 0 ? `${line} ${word}` : word;
			used += (used > 0 ? 1 : 0) + wordWidth;
		}
	}

	if (line.length > 0) {
		lines.push(line);
	}

	return lines;
}
