/** A figure over seeds: its mean and sample standard deviation. A module of its own, so that readers of results (plot, sweeps) need not load the simulation. */
export type Stat = {mean: number; sd: number};

/** Mean and sample standard deviation (n - 1; 0 for a single value). */
export function stat(values: readonly number[]): Stat {
	if (values.length === 0) {
		return {mean: 0, sd: 0};
	}

	const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
	const variance = values.length > 1 ? values.reduce((sum, value) => sum + ((value - mean) ** 2), 0) / (values.length - 1) : 0;
	return {mean, sd: Math.sqrt(variance)};
}
