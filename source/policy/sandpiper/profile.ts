/**
Profiles (SP07 section 3.3): a distribution over a window of samples, for percentiles, and a time
series, for the AR(1) forecast that confirms a hotspot.
*/

/**
The p-th percentile (0 < p <= 100) by linear interpolation between closest ranks; 0 for no samples.
High percentiles of a profile window (the 95th of 60 samples) need only the few largest values,
kept in a small sorted buffer in one pass; other ranks sort a typed array.
*/
export function percentile(values: readonly number[], p: number): number {
	const count = values.length;
	if (count === 0) {
		return 0;
	}

	const rank = (p / 100) * (count - 1);
	const low = Math.floor(rank);
	const fraction = rank - low;
	const needed = count - low;
	if (needed > 16) {
		const sorted = Float64Array.from(values).toSorted();
		return sorted[low]! + (fraction > 0 ? (sorted[low + 1]! - sorted[low]!) * fraction : 0);
	}

	// The `needed` largest values, in ascending order: top[0] is the value at rank `low`.
	const top: number[] = [];
	for (const value of values) {
		if (top.length < needed) {
			top.push(value);
			top.sort((a, b) => a - b);
		} else if (value > top[0]!) {
			let index = 1;
			while (index < needed && top[index]! < value) {
				top[index - 1] = top[index]!;
				index++;
			}

			top[index - 1] = value;
		}
	}

	return top[0]! + (fraction > 0 ? (top[1]! - top[0]!) * fraction : 0);
}

export function mean(values: readonly number[]): number {
	return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
The lag-1 autocorrelation, the Yule-Walker estimate of an AR(1) coefficient (models.md 1.4),
clamped to [0, 0.99] as models.md 7.5 suggests. A flat series has none: 0.
*/
export function lag1Autocorrelation(values: readonly number[]): number {
	if (values.length < 3) {
		return 0;
	}

	const mu = mean(values);
	let numerator = 0;
	let denominator = 0;
	for (const [index, value] of values.entries()) {
		denominator += (value - mu) ** 2;
		if (index > 0) {
			numerator += (value - mu) * (values[index - 1]! - mu);
		}
	}

	return denominator === 0 ? 0 : Math.min(0.99, Math.max(0, numerator / denominator));
}

/**
The AR(1) forecast of the next value, `mu + phi (u_t - mu)` (SP07 section 4), with mu the window's
mean and phi its lag-1 autocorrelation unless given. phi = 0 predicts the mean; phi near 1 the last value.
*/
export function ar1Forecast(values: readonly number[], phi = lag1Autocorrelation(values)): number {
	if (values.length === 0) {
		return 0;
	}

	const mu = mean(values);
	return mu + (phi * (values.at(-1)! - mu));
}

/** Whether at least k of the last n samples exceed the threshold (SP07's sustained-overload filter). */
export function kOfN(values: readonly number[], threshold: number, k: number, n: number): boolean {
	let over = 0;
	for (let index = Math.max(0, values.length - n); index < values.length; index++) {
		if (values[index]! > threshold) {
			over++;
		}
	}

	return over >= k;
}

/**
The same statistics over the newest `count` samples of a ring series, read in place: the monitor
computes them for every VM at every planning round, and copying the windows out cost more than the
arithmetic.
*/
export type RecentSamples = {values: readonly number[]; start: number};

/** Position of the first of the newest `count` samples; later ones follow, wrapping at the end. */
function firstRecent(series: RecentSamples, count: number): number {
	const {values, start} = series;
	return (start + values.length - count) % values.length;
}

export function recentCount(series: RecentSamples, window: number): number {
	return Math.min(window, series.values.length);
}

const topBuffer: number[] = [];

export function recentPercentile(series: RecentSamples, window: number, p: number): number {
	const count = recentCount(series, window);
	if (count === 0) {
		return 0;
	}

	const rank = (p / 100) * (count - 1);
	const low = Math.floor(rank);
	const needed = count - low;
	const {values} = series;
	if (needed > 16) {
		const copy: number[] = [];
		for (let index = 0, at = firstRecent(series, count); index < count; index++, at = at + 1 === values.length ? 0 : at + 1) {
			copy.push(values[at]!);
		}

		return percentile(copy, p);
	}

	// The `needed` largest values in ascending order, in a reused buffer: top[0] sits at rank `low`.
	const top = topBuffer;
	top.length = 0;
	for (let index = 0, at = firstRecent(series, count); index < count; index++, at = at + 1 === values.length ? 0 : at + 1) {
		const value = values[at]!;
		if (top.length < needed) {
			let position = top.length;
			top.push(value);
			while (position > 0 && top[position - 1]! > value) {
				top[position] = top[position - 1]!;
				position--;
			}

			top[position] = value;
		} else if (value > top[0]!) {
			let position = 1;
			while (position < needed && top[position]! < value) {
				top[position - 1] = top[position]!;
				position++;
			}

			top[position - 1] = value;
		}
	}

	const fraction = rank - low;
	return top[0]! + (fraction > 0 ? (top[1]! - top[0]!) * fraction : 0);
}

/** `ar1Forecast` over the newest `window` samples of a ring series. */
export function recentAr1Forecast(series: RecentSamples, window: number): number {
	const count = recentCount(series, window);
	if (count === 0) {
		return 0;
	}

	const {values} = series;
	const first = firstRecent(series, count);
	let sum = 0;
	let last = 0;
	for (let index = 0, at = first; index < count; index++, at = at + 1 === values.length ? 0 : at + 1) {
		last = values[at]!;
		sum += last;
	}

	const mu = sum / count;
	if (count < 3) {
		return mu;
	}

	let numerator = 0;
	let denominator = 0;
	let previous = 0;
	for (let index = 0, at = first; index < count; index++, at = at + 1 === values.length ? 0 : at + 1) {
		const deviation = values[at]! - mu;
		denominator += deviation * deviation;
		if (index > 0) {
			numerator += deviation * previous;
		}

		previous = deviation;
	}

	const phi = denominator === 0 ? 0 : Math.min(0.99, Math.max(0, numerator / denominator));
	return mu + (phi * (last - mu));
}

/** The least-squares slope of `values` per sample (0 for fewer than two): how fast a series grows. */
export function trendSlope(values: readonly number[]): number {
	const count = values.length;
	if (count < 2) {
		return 0;
	}

	const meanX = (count - 1) / 2;
	const meanY = mean(values);
	let covariance = 0;
	let variance = 0;
	for (const [x, y] of values.entries()) {
		covariance += (x - meanX) * (y - meanY);
		variance += (x - meanX) ** 2;
	}

	return covariance / variance;
}
