/**
Text from outside (file names, ids from a CSV, a JSON token) as a message may quote it: cut short, and
quoted with escapes when it holds a control or format character, so that no message spans lines or
drives the terminal. Plain text is left as it is (`trace node a, line 3`).
*/
import {hasUnsafeText, safeText} from '../terminal/safe-text.js';

function cut(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Always in double quotes, escaped: JSON's escapes for C0, quotes and backslashes, `safeText`'s for the rest. */
export function quoted(text: string, max = 80): string {
	return safeText(JSON.stringify(cut(text, max)));
}

/** As it is when it is safe to print, else quoted. */
export function printable(text: string, max = 80): string {
	const short = cut(text, max);
	return hasUnsafeText(short) ? quoted(short, max) : short;
}
