/**
Mean, sample standard deviation and the 95 % confidence interval of the mean over seeds (Student's t,
two-sided). The quantiles are the textbook table's (three decimals), not a statistics package: one
function's worth of constants against a dependency tree of dozens of packages.
*/
import {stat} from '../report/stat.js';

const t975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
/** Beyond 30 degrees of freedom, the next tabulated value below (a slightly wider interval, never a narrower one). */
const t975Beyond: ReadonlyArray<[number, number]> = [[120, 1.98], [60, 2], [40, 2.021], [30, 2.042]];

export function tQuantile975(degreesOfFreedom: number): number {
	if (degreesOfFreedom <= t975.length) {
		return t975[degreesOfFreedom - 1]!;
	}

	return degreesOfFreedom >= 1_000_000 ? 1.96 : t975Beyond.find(([df]) => degreesOfFreedom >= df)![1];
}

export type Summary = {
	n: number;
	mean: number;
	sd: number;
	/** Null with fewer than two values: one seed says nothing of the spread. */
	ci95: [number, number] | null;
};

export function summarise(values: readonly number[]): Summary | null {
	const n = values.length;
	if (n === 0) {
		return null;
	}

	const {mean, sd} = stat(values);
	const half = n > 1 ? tQuantile975(n - 1) * sd / Math.sqrt(n) : undefined;
	return {
		n, mean, sd, ci95: half === undefined ? null : [mean - half, mean + half],
	};
}
