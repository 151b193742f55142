/**
Numbers from flags, checked against what a run can finish with: a bad one is a UsageError naming the
flag, what it accepts and why.
*/
import {UsageError} from './usage.js';

/** `50000` as `50,000`, for messages. */
export function grouped(value: number): string {
	return value.toLocaleString('en-US');
}

/** The most a whole-number flag accepts, and why. */
export type Limit = {
	maximum: number;
	/** What is counted, in the plural (`hosts`), or nothing. */
	unit?: string;
	reason: string;
};

/** Past 2^53 whole numbers lose precision (`n + 1 === n`). */
const safeLimit: Limit = {maximum: Number.MAX_SAFE_INTEGER, reason: 'larger whole numbers lose precision'};

/** Digits only (no sign, point or exponent), from `minimum` to `limit.maximum`. */
export function parseWholeNumber(flag: string, value: string, minimum: number, limit: Limit = safeLimit): number {
	const trimmed = value.trim();
	const number = Number(trimmed);
	if (!/^\d+$/v.test(trimmed) || number < minimum) {
		throw new UsageError(`--${flag}: expected a whole number >= ${minimum}, got ${JSON.stringify(value)}`);
	}

	// Every limit is a safe integer, so this refuses unsafe ones too.
	if (number > Math.min(limit.maximum, Number.MAX_SAFE_INTEGER)) {
		throw new UsageError(`--${flag}: at most ${grouped(limit.maximum)}${limit.unit === undefined ? '' : ` ${limit.unit}`} (${limit.reason}), got ${trimmed}`);
	}

	return number;
}

/** The values a decimal flag accepts, in its unit, and why no others. */
export type Range = {
	minimum: number;
	maximum: number;
	unit: string;
	reason: string;
};

/** A decimal number (`2.5`, `1e3`) within `range`, or `fallback` when the flag is not given. */
export function parseDecimal(flag: string, value: string | undefined, fallback: number, range: Range): number {
	if (value === undefined) {
		return fallback;
	}

	const number = Number(value);
	if (value.trim() === '' || Number.isNaN(number) || number < 0 || (range.minimum > 0 && number === 0)) {
		throw new UsageError(`--${flag}: expected a ${range.minimum > 0 ? 'positive number' : 'number >= 0'}, got ${JSON.stringify(value)}`);
	}

	if (number < range.minimum || number > range.maximum) {
		throw new UsageError(`--${flag}: expected ${grouped(range.minimum)} to ${grouped(range.maximum)} ${range.unit} (${range.reason}), got ${value.trim()}`);
	}

	return number;
}
