/**
A case run several times, each in its own process: this 2-core machine's speed drifts by half within
minutes, so one run says more about the minute it ran in than about the code. The middle run stands
for the case, beside the fastest and the slowest.
*/
export type Repeated<T extends {seconds: number; peakRssMiB: number}> = {
	/** The run with the median time (for an even count, the faster of the two middle ones). */
	median: T;
	fastestSeconds: number;
	slowestSeconds: number;
	/** The most memory any run held. */
	peakRssMiB: number;
	runs: number;
};

export function summarise<T extends {seconds: number; peakRssMiB: number}>(results: readonly T[]): Repeated<T> {
	if (results.length === 0) {
		throw new RangeError('no runs to summarise');
	}

	const sorted = results.toSorted((a, b) => a.seconds - b.seconds);
	return {
		median: sorted[Math.floor((sorted.length - 1) / 2)]!,
		fastestSeconds: sorted[0]!.seconds,
		slowestSeconds: sorted.at(-1)!.seconds,
		peakRssMiB: Math.max(...results.map(result => result.peakRssMiB)),
		runs: results.length,
	};
}
