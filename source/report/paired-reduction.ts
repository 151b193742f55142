/**
Reduction of sustained-overload intervals against `none`, paired per seed: each seed's own
`1 - policy / none`, so a hard seed and an easy one do not blur into one ratio of means.
*/
import type {SeedResult} from './eval-seed.js';

/** Per seed, in the policy's order: the reduction, or null when none had nothing to reduce on that seed (or is missing). */
export function seedReductions(seeds: readonly SeedResult[], none: readonly SeedResult[]): Array<number | null> {
	const baseline = new Map(none.map(result => [result.seed, result.sustainedOverloadIntervals]));
	return seeds.map(result => {
		const intervals = baseline.get(result.seed);
		return intervals === undefined || intervals === 0 ? null : 1 - (result.sustainedOverloadIntervals / intervals);
	});
}

/** The seeds' reductions that pair, or null when none does. */
export function pairedValues(reductions: ReadonlyArray<number | null>): number[] | null {
	const paired = reductions.filter(value => value !== null);
	return paired.length === 0 ? null : paired;
}
