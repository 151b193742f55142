/** The least and greatest of many numbers, in a loop: `Math.max(...values)` overflows the stack past some 100,000 of them. */
export function extent(values: Iterable<number>): {min: number; max: number} {
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const value of values) {
		min = Math.min(value, min);
		max = Math.max(value, max);
	}

	return {min, max};
}

export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
	return Math.max(extent(values).max, floor);
}
