/**
Lists kept between ticks and rounds, emptied or refilled for the next (a new array per host per tick
was the largest garbage of a long run).
*/

/** Empties each list that holds something: most hosts of a consolidated datacenter hold nothing, and setting an empty list's length still costs a call into the runtime. */
export function emptyEach(lists: readonly unknown[][]): void {
	for (const list of lists) {
		if (list.length > 0) {
			list.length = 0;
		}
	}
}

/**
One list per slot (a host's residents), refilled in place each tick or round: `add` each item, then
`end`, which cuts each list to what was added and starts the next refill. A list that holds as many
items as last time keeps its backing store; emptying every list first (`length = 0`) gave each one's
store up and grew it again, every tick (a tenth of a parity run's garbage). Until `end`, a list may
still hold items of last time past those added: read lists after `end`.
*/
export class RefilledLists<T> {
	readonly lists: T[][];
	readonly #counts: Int32Array;

	constructor(slots: number) {
		this.lists = Array.from({length: slots}, (): T[] => []);
		this.#counts = new Int32Array(slots);
	}

	add(slot: number, item: T): void {
		const list = this.lists[slot]!;
		const at = this.#counts[slot]!;
		this.#counts[slot] = at + 1;
		// At or before the end: one store both overwrites and appends, so the first overwrite (the second
		// tick) meets no untried code.
		list[at] = item;
	}

	end(): void {
		const counts = this.#counts;
		let slot = -1;
		for (const list of this.lists) {
			slot++;
			// Read once for both uses: a second read, only where a list changed length, was code an optimised
			// residentLists had never seen run, and on the 3,200-host day it fell back to slow code every tick.
			const count = counts[slot]!;
			if (list.length !== count) {
				list.length = count;
			}

			counts[slot] = 0;
		}
	}
}
