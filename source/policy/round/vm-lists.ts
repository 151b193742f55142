/**
The list of VMs each host keeps in BB12's round (./cpu-sums.ts), by VM position: those it had when
the round began, in order of arrival (CloudSim's host lists its VMs so, and ties go by it), then
those planned onto it since, in order of planning. All in typed arrays and one chain of entries
for the VMs planned in: a list per host was 800 objects to touch every round, which cost more than
the work.
*/
import {zeroed} from './buffers.js';
import type {Bb12Round} from './cpu-sums.js';

export class VmLists {
	/** What `collect` found, from 0: entries past its count are stale. */
	readonly listed: Int32Array;
	/** Host `index`'s residents are at `#start[index]` up to `#end[index]` of `#residents`. */
	readonly #start: Int32Array;
	readonly #end: Int32Array;
	readonly #residents: Int32Array;
	/**
	The VMs planned onto each host, in order of planning (one may stay listed after it moved on:
	`collect` checks): host `index`'s first entry is `#firstIn[index]`, each entry's next is
	`#nextIn[entry]` (0: none; entry 0 is unused) and its VM `#vmIn[entry]`. Entries are added and taken
	back in the round's order, so the newest entry is always the one taken back.
	*/
	readonly #firstIn: Int32Array;
	readonly #lastIn: Int32Array;
	readonly #vmIn: number[] = [0];
	readonly #nextIn: number[] = [0];
	readonly #previousIn: number[] = [0];
	readonly #startHost: Int32Array;
	readonly #plannedHost: Int32Array;
	/** Which VMs a `collect` counted, by its stamp: nothing is cleared between calls. */
	readonly #counted: Int32Array;
	#stamp = 0;

	/** Lists `round`'s VMs where they are when it begins; `arrival` orders each host's (see ./cpu-sums.ts). */
	constructor(round: Bb12Round, arrival?: ArrayLike<number>) {
		const {hosts, vms, startHost} = round;
		this.#startHost = startHost;
		this.#plannedHost = round.plannedHost;
		this.listed = zeroed(vms, 'listed', Int32Array);
		this.#counted = zeroed(vms, 'counted', Int32Array);
		this.#firstIn = zeroed(hosts, 'firstIn', Int32Array);
		this.#lastIn = zeroed(hosts, 'lastIn', Int32Array);
		const start = zeroed(hosts, 'residentStart', Int32Array);
		const end = zeroed(hosts, 'residentEnd', Int32Array);
		const residents = zeroed(vms, 'residents', Int32Array);
		this.#start = start;
		this.#end = end;
		this.#residents = residents;
		// Count each host's VMs, place each host's part after the last one's, then fill the parts in VM order.
		for (const at of startHost) {
			if (at >= 0) {
				end[at]!++;
			}
		}

		let next = 0;
		for (let index = 0; index < hosts.length; index++) {
			start[index] = next;
			next += end[index]!;
			end[index] = start[index]!;
		}

		let vmIndex = -1;
		for (const at of startHost) {
			vmIndex++;
			if (at >= 0) {
				residents[end[at]!++] = vmIndex;
			}
		}

		if (arrival) {
			for (let index = 0; index < hosts.length; index++) {
				sortPart(residents, start[index]!, end[index]!, arrival);
			}
		}
	}

	residentCount(index: number): number {
		return this.#end[index]! - this.#start[index]!;
	}

	/** Host `index`'s residents, in its list's order. */
	residentsOf(index: number): number[] {
		return [...this.#residents.subarray(this.#start[index], this.#end[index])];
	}

	planIn(index: number, vmIndex: number): void {
		const entry = this.#vmIn.length;
		const last = this.#lastIn[index]!;
		this.#vmIn.push(vmIndex);
		this.#nextIn.push(0);
		this.#previousIn.push(last);
		if (last === 0) {
			this.#firstIn[index] = entry;
		} else {
			this.#nextIn[last] = entry;
		}

		this.#lastIn[index] = entry;
	}

	/** Takes back the last VM planned onto host `index`: the newest entry, since moves are taken back newest first. */
	unplanIn(index: number): void {
		const previous = this.#previousIn.pop()!;
		this.#vmIn.pop();
		this.#nextIn.pop();
		this.#lastIn[index] = previous;
		if (previous === 0) {
			this.#firstIn[index] = 0;
		} else {
			this.#nextIn[previous] = 0;
		}
	}

	/**
	Lists host `index`'s planned VMs in `listed`, in its list's order, and returns how many: no array
	per call, since every move sums two hosts. A VM planned in counts once, and not at all when it is one
	of the host's own (listed in its place).
	*/
	collect(index: number): number {
		const {listed} = this;
		const planned = this.#plannedHost;
		const residents = this.#residents;
		let count = 0;
		for (let at = this.#start[index]!; at < this.#end[index]!; at++) {
			const vmIndex = residents[at]!;
			if (planned[vmIndex] === index) {
				listed[count++] = vmIndex;
			}
		}

		const counted = this.#counted;
		const stamp = ++this.#stamp;
		for (let entry = this.#firstIn[index]!; entry !== 0; entry = this.#nextIn[entry]!) {
			const vmIndex = this.#vmIn[entry]!;
			if (planned[vmIndex] === index && this.#startHost[vmIndex] !== index && counted[vmIndex] !== stamp) {
				counted[vmIndex] = stamp;
				listed[count++] = vmIndex;
			}
		}

		return count;
	}
}

/**
Sorts `items[from..to)` by `key`, stably: an insertion sort, since a host lists a few VMs and
Array#sort's call per list cost more than the sorting (it ran for every host every round).
*/
function sortPart(items: Int32Array, from: number, to: number, key: ArrayLike<number>): void {
	for (let at = from + 1; at < to; at++) {
		const item = items[at]!;
		const itemKey = key[item]!;
		let into = at;
		while (into > from && key[items[into - 1]!]! > itemKey) {
			items[into] = items[into - 1]!;
			into--;
		}

		items[into] = item;
	}
}
