/**
The planning round's one journal: before each change, a host's position and each of its columns (the
round's and its load model's), so that `restore` puts every number back exactly, newest first. In a
growing Float64Array, every column a Float64Array: the journal's loads and stores are all alike, where
a list of numbers of mixed columns cost a tenth of a BB12 round. Its array is kept per hosts array
(./buffers.ts), like the columns.
*/
import {keep, scratch} from './buffers.js';

export class HostJournal {
	readonly #hosts: readonly unknown[];
	readonly #columns: readonly Float64Array[];
	readonly #stride: number;
	#entries: Float64Array;
	#length = 0;

	constructor(hosts: readonly unknown[], columns: readonly Float64Array[]) {
		this.#hosts = hosts;
		this.#columns = columns;
		this.#stride = columns.length + 1;
		this.#entries = scratch(hosts, 'journal', 256);
	}

	/** Where the journal is now: `restore` returns to it. */
	get length(): number {
		return this.#length;
	}

	/** Host `index`'s columns, before a change. */
	remember(index: number): void {
		if (this.#length + this.#stride > this.#entries.length) {
			const grown = new Float64Array(this.#entries.length * 2);
			grown.set(this.#entries);
			this.#entries = keep(this.#hosts, 'journal', grown);
		}

		const entries = this.#entries;
		let at = this.#length;
		entries[at++] = index;
		for (const column of this.#columns) {
			entries[at++] = column[index]!;
		}

		this.#length = at;
	}

	/** Puts back every host remembered since the journal was at `length`, newest first: a host's first record is restored last. */
	restore(length: number): void {
		const entries = this.#entries;
		const columns = this.#columns;
		for (let at = this.#length - this.#stride; at >= length; at -= this.#stride) {
			const index = entries[at]!;
			let offset = at;
			for (const column of columns) {
				column[index] = entries[++offset]!;
			}
		}

		this.#length = length;
	}
}
