/**
The statistics BB12's adaptive detectors read (Beloglazov and Buyya, CCPE 2012, section 6.1), computed
as CloudSim computes them, so that a threshold here is CloudSim's to the last bit where it can be.
*/

/** The median: the mean of the two middle values of an even count (what CloudSim's percentile 50 gives). */
export function median(values: readonly number[]): number {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	// Lower plus half the gap, as commons-math's percentile gives it (not their mean: the last bits differ).
	return sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]! + (0.5 * (sorted[middle]! - sorted[middle - 1]!));
}

/** Median absolute deviation: the median of the distances from the median. */
export function mad(values: readonly number[]): number {
	if (values.length === 0) {
		return 0;
	}

	const centre = median(values);
	return median(values.map(value => Math.abs(centre - value)));
}

/**
Interquartile range with CloudSim's quartiles: the values at ranks round(0.25 (n + 1)) and
round(0.75 (n + 1)) of the sorted data, no interpolation.
*/
export function iqr(values: readonly number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	const q1 = Math.round(0.25 * (sorted.length + 1)) - 1;
	const q3 = Math.round(0.75 * (sorted.length + 1)) - 1;
	return sorted[q3]! - sorted[q1]!;
}

/**
Least squares through (1, y1) ... (n, yn): [intercept, slope]. BB12's local regression weighs the
points with a tricube; CloudSim applies its weights only when 40 % of them are zero, which for its
ten points never happens, so its LR and LRR both fit this plain line (see models.md 5.2).
*/
export function leastSquaresLine(y: readonly number[]): [intercept: number, slope: number] {
	// Running means and co-moments, updated point by point (the order of operations of commons-math's
	// SimpleRegression, which CloudSim calls: the last bits agree, and a prediction near 1 falls alike).
	let meanX = 0;
	let meanY = 0;
	let sumXX = 0;
	let sumXY = 0;
	let sumX = 0;
	let sumY = 0;
	for (const [index, element] of y.entries()) {
		const x = index + 1;
		const value = element;
		if (index === 0) {
			meanX = x;
			meanY = value;
		} else {
			const weight = index / (index + 1);
			const dx = x - meanX;
			const dy = value - meanY;
			sumXX += dx * dx * weight;
			sumXY += dx * dy * weight;
			meanX += dx / (index + 1);
			meanY += dy / (index + 1);
		}

		sumX += x;
		sumY += value;
	}

	const slope = y.length < 2 ? Number.NaN : sumXY / sumXX;
	return [(sumY - (slope * sumX)) / y.length, slope];
}
