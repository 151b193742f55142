/**
A bounded series of samples kept as a ring: pushing is O(1) with no allocation once full, which
matters on the per-tick path (shifting arrays cost more than the rest of a tick).
Plain data: `values` holds at most `limit` samples, and the oldest sits at `start`.
*/
export type Series = {
	values: number[];
	/** Index of the oldest sample once the ring is full; 0 until then. */
	start: number;
};

export function emptySeries(): Series {
	return {values: [], start: 0};
}

export function pushToSeries(series: Series, value: number, limit: number): void {
	const {values, start} = series;
	const {length} = values;
	// Every operation runs on every push, the ring full or not, and only the values chosen differ: the
	// optimising compiler never meets an operation it has no feedback for when the ring first fills (60
	// ticks into a run), which used to throw the history phase and its callers back to slow code.
	const full = length >= limit;
	const at = full ? start : length;
	values[at] = value;
	// A compare, not `%`: this runs for every host and VM series every tick.
	const next = at + 1;
	const wrapped = next >= length ? 0 : next;
	series.start = full ? wrapped : start;
}

/** The samples, oldest first (a copy). */
export function seriesValues(series: Series): number[] {
	const {values, start} = series;
	return start === 0 ? [...values] : [...values.slice(start), ...values.slice(0, start)];
}

/** The newest sample, or `fallback` when there is none. */
export function latest(series: Series, fallback = 0): number {
	const {values, start} = series;
	if (values.length === 0) {
		return fallback;
	}

	return values[(start + values.length - 1) % values.length]!;
}

/** The newest `count` samples, oldest first (a copy of only those). */
export function lastValues(series: Series, count: number): number[] {
	const {values, start} = series;
	const length = Math.min(count, values.length);
	const result: number[] = [];
	for (let index = 0; index < length; index++) {
		result.push(values[(start + values.length - length + index) % values.length]!);
	}

	return result;
}
