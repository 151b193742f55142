/**
Lists kept between ticks and rounds and emptied for the next (a new array per host per tick was the
largest garbage of a long run).
*/

/** Empties each list that holds something: most hosts of a consolidated datacenter hold nothing, and setting an empty list's length still costs a call into the runtime. */
export function emptyEach(lists: readonly unknown[][]): void {
	for (const list of lists) {
		if (list.length > 0) {
			list.length = 0;
		}
	}
}
