/**
Hosts grouped by kind (same MIPS, same power curve) and by a narrow band of utilisation, so that
power-aware best fit (Beloglazov and Buyya, CCPE 2012, PABFD) need not price a VM on every host.

A VM that adds `d` of a host's capacity raises its power by F(u) = W(u + d) - W(u). W is linear
between the points of its table (CloudSim reads SPECpower tables so), and a band lies inside one of
those segments, so over a band F is linear but where u + d crosses a table point: its least value
there is at the band's ends or at that crossing (`leastRise`). That least value, a hair lower so
rounding never hides the best host, bounds every host in the band; a host whose bound is above the best
increase found so far cannot do better, and is not priced. The search stays exact. That bound costs a
few readings of the curve, so a cheaper and looser one comes first, for the whole band: d times the
least slope of the segments u + d can reach from it (`bound`); only a band that passes it is read.

A host's price may carry extra watts over F (CloudSim prices a host from its power when the round
began, so one that took VMs since pays for them again). Each kind has two layers of bands, hosts with
no extra and hosts with some, and a band keeps its hosts in order of extra, then id. A host's bound is
the band's least F plus its extra (`hostBound`), so bounds only grow along a band, and a search stops
at the first host whose bound is above the best price found: the dear hosts at the end of a band are
never priced (on a 3,200-host day they were nine in ten of the hosts priced). The loose bound adds the
band's least extra, its first host's. In the layer without extra the order is the id order: where F is
flat (u and u + d on one segment), every host of the band ties, the first one wins, and the search
stops at the first that fits.

Both bounds read a band only where its hosts are now (a host placed widens the range at once; one
that leaves an edge makes the range be found again when next read). Otherwise a band next to the
flattest segment is bounded by the flat value at an edge no host holds, ties the best host, and is
scanned host by host in vain.
*/
import {emptyEach} from '../../sim/lists.js';
import {below, rise, type BucketKind} from './band-bounds.js';

export type {BucketKind} from './band-bounds.js';

/**
Bands per segment of a power table: finer bands give tighter bounds and cost more to bound. Since the
bounds read only where a band's hosts are, one band per segment prices no more hosts on the parity
day than two did, and bounds half as many bands per VM.
*/
const bandsPerSegment = 1;

export class PowerBuckets {
	/** Host indices per bucket (kind * bands + band), by increasing extra watts, then id. */
	readonly members: number[][] = [];
	/** What `bound` found: per bucket, a loose lower bound on the increase, NaN where no host can take the VM. */
	readonly bounds: Float64Array;
	/** What `bound` found: the buckets that may take the VM (a bound that is not NaN), in increasing order, and how many. */
	readonly candidates: Int32Array;
	candidateCount = 0;
	/** Per bucket, the least and the most utilisation of its hosts (see above), and whether a host at an edge left. */
	readonly #lowest: Float64Array;
	readonly #highest: Float64Array;
	readonly #stale: Uint8Array;
	/** Each host's utilisation and extra watts as last placed. */
	readonly #utilisation: Float64Array;
	readonly #extra: Float64Array;
	/** Per kind, the least slope (watts per unit of utilisation) over segments from..to, at [from * segments + to]. */
	readonly #leastSlope: Float64Array[];
	readonly #kinds: readonly BucketKind[];
	/** Bands per layer: the most bands any kind has. A kind has two layers: hosts with no extra watts, and the rest. */
	readonly #stride: number;
	readonly #kindOfHost: Int32Array;
	readonly #bucketOfHost: Int32Array;

	/** `kindOfHost`: each host's kind, -1 for a host never bucketed. */
	constructor(kinds: readonly BucketKind[], kindOfHost: Int32Array) {
		this.#kinds = kinds;
		this.#stride = Math.max(1, ...kinds.map(kind => (kind.table.length - 1) * bandsPerSegment));
		this.#kindOfHost = kindOfHost;
		this.#bucketOfHost = new Int32Array(kindOfHost.length).fill(-1);
		this.#utilisation = new Float64Array(kindOfHost.length);
		this.#extra = new Float64Array(kindOfHost.length);
		const count = kinds.length * 2 * this.#stride;
		for (let bucket = 0; bucket < count; bucket++) {
			this.members.push([]);
		}

		this.bounds = new Float64Array(count);
		this.candidates = new Int32Array(count);
		this.#lowest = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
		this.#highest = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
		this.#stale = new Uint8Array(count);
		this.#leastSlope = kinds.map(({table}) => {
			const segments = table.length - 1;
			const least = new Float64Array(segments * segments);
			for (let from = 0; from < segments; from++) {
				let minimum = Number.POSITIVE_INFINITY;
				for (let to = from; to < segments; to++) {
					minimum = Math.min(minimum, (table[to + 1]! - table[to]!) * segments);
					least[(from * segments) + to] = minimum;
				}
			}

			return least;
		});
	}

	/** Empties every bucket, so one set of buckets serves round after round (a new set each round was garbage). */
	clear(): void {
		emptyEach(this.members);
		this.#bucketOfHost.fill(-1);
		this.#lowest.fill(Number.POSITIVE_INFINITY);
		this.#highest.fill(Number.NEGATIVE_INFINITY);
		this.#stale.fill(0);
		this.candidateCount = 0;
	}

	/**
	Puts host `index` (or keeps it) in the bucket of its utilisation. `extraWatts`: what the host's price
	adds to F(u) (CloudSim prices a host from its power when the round began, so one that took VMs since
	pays W(u) - W(u at the start) more). Hosts with none and hosts with some sit in separate layers,
	each band in order of extra, then id.
	*/
	place(index: number, utilisation: number, extraWatts = 0): void {
		const kind = this.#kindOfHost[index]!;
		if (kind < 0) {
			return;
		}

		const bands = (this.#kinds[kind]!.table.length - 1) * bandsPerSegment;
		const band = Math.min(bands - 1, Math.floor(Math.min(1, Math.max(0, utilisation)) * bands));
		const bucket = (((kind * 2) + (extraWatts === 0 ? 0 : 1)) * this.#stride) + band;
		const current = this.#bucketOfHost[index]!;
		// Same band and same extra: the host keeps its place in the order.
		if (current === bucket && this.#extra[index] === extraWatts) {
			this.#leaveRange(bucket, index);
			this.#utilisation[index] = utilisation;
			this.#widen(bucket, utilisation);
			return;
		}

		this.remove(index);
		this.#utilisation[index] = utilisation;
		this.#extra[index] = extraWatts;
		this.#widen(bucket, utilisation);
		const list = this.members[bucket]!;
		const extra = this.#extra;
		let low = 0;
		let high = list.length;
		while (low < high) {
			const middle = Math.floor((low + high) / 2);
			const other = list[middle]!;
			if (extra[other]! < extraWatts || (extra[other] === extraWatts && other < index)) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		list.splice(low, 0, index);
		this.#bucketOfHost[index] = bucket;
	}

	/** Takes host `index` out of its bucket (a host that takes no more VMs this round). */
	remove(index: number): void {
		const current = this.#bucketOfHost[index]!;
		if (current < 0) {
			return;
		}

		const list = this.members[current]!;
		list.splice(list.indexOf(index), 1);
		this.#bucketOfHost[index] = -1;
		this.#leaveRange(current, index);
	}

	/**
	Bounds, loosely, the increase a VM of `mips` causes in each bucket (in `bounds`) and returns the
	bucket with the least bound, or -1 when none may take it. Hosts above the first band carry load,
	and must stay at or under `threshold` with the VM: a band none of whose hosts can is NaN, and so
	is every band of a kind whose cores are too small for the VM.
	*/
	bound(mips: number, threshold: number): number {
		const {bounds, members, candidates} = this;
		this.candidateCount = 0;
		// NaN for every bucket first, then a bound for each candidate: no store only some VMs reach (one too
		// big for a kind's cores, the first of which threw the search back to slow code in a run's first ticks).
		bounds.fill(Number.NaN);
		let least = -1;
		let leastBound = Number.POSITIVE_INFINITY;
		// Layer by layer, two to a kind (hosts with no extra watts, then the rest); a counter, not an
		// entries() iterator: this runs for every VM placed, and the iterator allocates each time.
		let layer = -1;
		for (let base = 0; base < bounds.length; base += this.#stride) {
			layer++;
			const kind = Math.floor(layer / 2);
			const {capacity, table, coreMips} = this.#kinds[kind]!;
			const share = mips / capacity;
			const segments = table.length - 1;
			const bands = mips > coreMips ? 0 : segments * bandsPerSegment;
			const slopes = this.#leastSlope[kind]!;
			for (let band = 0; band < bands; band++) {
				const bucket = base + band;
				const list = members[bucket]!;
				// The tolerance keeps a host whose own sum (requested + mips) / capacity rounds the other way.
				if (list.length === 0 || this.#lowestOf(bucket) > (band > 0 ? threshold : 1) - share + 1e-9) {
					continue;
				}

				// The segments u + d can reach from u in this band, and the least slope over them. The range is up to
				// date now: it and the least extra (the first host's) are read without a call each, for every VM placed.
				const from = Math.floor(band / bandsPerSegment);
				const top = Math.min((band + 1) / bands, this.#highest[bucket]!);
				const to = Math.min(segments - 1, Math.floor((top + share) * segments));
				const bound = below((share * slopes[(from * segments) + to]!) + this.#extra[list[0]!]!);
				bounds[bucket] = bound;
				candidates[this.candidateCount++] = bucket;
				if (bound < leastBound) {
					least = bucket;
					leastBound = bound;
				}
			}
		}

		return least;
	}

	/** Host `index`'s extra watts, as last placed. */
	extraOf(index: number): number {
		return this.#extra[index]!;
	}

	/**
	A bound on host `index`'s price, given `rise`, the least F of its bucket (`leastRise`): that plus its
	extra, a hair lower. Along a bucket these only grow.
	*/
	hostBound(rise: number, index: number): number {
		return below(rise + this.#extra[index]!);
	}

	/** F's least value over the part of the band a bucket's hosts have been in (as far as the threshold lets a host there take the VM). */
	leastRise(bucket: number, mips: number, threshold: number): number {
		const layer = Math.floor(bucket / this.#stride);
		const kind = Math.floor(layer / 2);
		const band = bucket - (layer * this.#stride);
		const {capacity, table} = this.#kinds[kind]!;
		const share = mips / capacity;
		const segments = table.length - 1;
		const bands = segments * bandsPerSegment;
		const low = Math.max(band / bands, this.#lowestOf(bucket));
		const limit = (band > 0 ? threshold : 1) - share;
		const high = Math.max(low, Math.min((band + 1) / bands, this.#highestOf(bucket), limit));
		let value = Math.min(rise(table, low, share), rise(table, high, share));
		// Where u + d crosses a point of the table, F turns.
		const turn = (Math.ceil((low + share) * segments) / segments) - share;
		if (turn > low && turn < high) {
			value = Math.min(value, rise(table, turn, share));
		}

		return value;
	}

	/** The least utilisation of a bucket's hosts (infinite for an empty bucket). */
	#lowestOf(bucket: number): number {
		this.#narrow(bucket);
		return this.#lowest[bucket]!;
	}

	/** The most utilisation of a bucket's hosts (minus infinity for an empty bucket). */
	#highestOf(bucket: number): number {
		this.#narrow(bucket);
		return this.#highest[bucket]!;
	}

	#widen(bucket: number, utilisation: number): void {
		if (this.#stale[bucket] === 0) {
			this.#lowest[bucket] = Math.min(this.#lowest[bucket]!, utilisation);
			this.#highest[bucket] = Math.max(this.#highest[bucket]!, utilisation);
		}
	}

	/** Host `index`, at its last utilisation, leaves the range of `bucket`: at an edge, it is found again when next read. */
	#leaveRange(bucket: number, index: number): void {
		const utilisation = this.#utilisation[index]!;
		if (utilisation <= this.#lowest[bucket]! || utilisation >= this.#highest[bucket]!) {
			this.#stale[bucket] = 1;
		}
	}

	#narrow(bucket: number): void {
		if (this.#stale[bucket] === 0) {
			return;
		}

		let lowest = Number.POSITIVE_INFINITY;
		let highest = Number.NEGATIVE_INFINITY;
		for (const index of this.members[bucket]!) {
			const utilisation = this.#utilisation[index]!;
			lowest = Math.min(lowest, utilisation);
			highest = Math.max(highest, utilisation);
		}

		this.#lowest[bucket] = lowest;
		this.#highest[bucket] = highest;
		this.#stale[bucket] = 0;
	}
}
