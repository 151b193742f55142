/**
Profiles (SP07 section 3.3): a distribution over a window of samples, for percentiles, and a time
series, for the AR(1) forecast that confirms a hotspot.
*/

/** The p-th percentile (0 < p <= 100) by linear interpolation between closest ranks; 0 for no samples. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) {
		return 0;
	}

	// A typed array sorts numbers natively, many times faster than a comparator over an array.
	const sorted = Float64Array.from(values).toSorted();
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low]! + ((sorted[high]! - sorted[low]!) * (rank - low));
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
	for (const value of values.slice(-n)) {
		if (value > threshold) {
			over++;
		}
	}

	return over >= k;
}
