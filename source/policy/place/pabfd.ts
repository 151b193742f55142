/**
Power-aware best fit (Beloglazov and Buyya, CCPE 2012, PABFD; CloudSim's `findHostForVm`): a VM goes
to the host whose power rises least, among hosts not excluded that can take it:
- it fits one core and the MIPS the host has not granted (`isSuitableForVm`), and its memory fits;
- a host that carries load must not be overloaded with it, as the detector sees the host then (an
  empty host is not asked);
- the increase is the power at the MIPS granted as planned plus the VM's request, less the power
  when the round began (CloudSim's `host.getPower()`, which a round's plans do not change: a host that
  took VMs earlier in the round pays for them again in each later price); an empty host is priced at
  its idle draw, so waking one costs only its curve's first slope;
- increases are compared as the raw doubles CloudSim computes (its SPECpower reading, its sums in its
  hosts' order): among hosts that price a tiny VM almost alike, the last bit picks, as in CloudSim; an
  exact tie goes to the first host in id order (a strict `<`).
With a static threshold, loaded hosts are searched by bands of utilisation with a lower bound on the
increase in each (./power-buckets.ts), and only the first suitable empty host of each kind is priced:
the answer is the scan's, found on a few dozen hosts. Other detectors scan every host, pricing first
and asking the detector only of a host that would win.
*/
import {cloudsimSpecpower} from '../../sim/power-curve.js';
import type {Host} from '../../sim/types.js';
import type {DetectorContext, OverloadDetector} from '../detect/detectors.js';
import {zeroed} from '../round/buffers.js';
import type {Bb12Round} from '../round/cpu-sums.js';
import type {RoundListener} from '../round/round-types.js';
import {curveWattsOf, kindTable} from './host-kinds.js';
import type {PowerBuckets} from './power-buckets.js';

/** What `increase` returns for a host that cannot take the VM, read from a constant (a NaN load on a hot path cost an optimised frame). */
const unsuitable = Number.NaN;

export class Pabfd implements RoundListener {
	readonly #round: Bb12Round;
	readonly #detector: OverloadDetector;
	readonly #context: DetectorContext;
	readonly #threshold: number | undefined;
	readonly #tables: Array<readonly number[] | undefined>;
	readonly #wattsAtStart: Float64Array;
	readonly #buckets: PowerBuckets;
	/** Per kind, the hosts empty when the round began, in id order, and the MIPS of one of their cores. */
	readonly #empty: number[][] = [];
	readonly #emptyCoreMips: number[] = [];
	readonly #bucketed: Uint8Array;
	/** While the detector is asked a what-if, the round's moves are not followed. */
	#trying = false;
	/** The search's VM: its position, MIPS and memory, and the host it leaves (-1: detached); then the best host so far and its price. */
	#vmIndex = -1;
	#mips = 0;
	#memoryMiB = 0;
	#source = -1;
	#best = -1;
	#bestKey = Number.POSITIVE_INFINITY;

	constructor(round: Bb12Round, detector: OverloadDetector, context: DetectorContext) {
		this.#round = round;
		this.#detector = detector;
		this.#context = context;
		this.#threshold = detector.threshold;
		const {hosts} = round;
		const kinds = kindTable(hosts, round.load.capacity, round.load.coreUnits);
		this.#tables = kinds.tables;
		this.#buckets = kinds.buckets;
		this.#buckets.clear();
		this.#wattsAtStart = zeroed(hosts, 'wattsAtStart', Float64Array);
		this.#bucketed = zeroed(hosts, 'bucketed', Uint8Array);
		const emptyOfKind: Array<number[] | undefined> = [];
		const {allocatedAtStart, capacity} = round.load;
		const {up, off} = round;
		const {idleWatts, kindOfHost} = kinds;
		const wattsAtStart = this.#wattsAtStart;
		let index = -1;
		for (const host of hosts) {
			index++;
			const granted = allocatedAtStart[index]!;
			const utilisation = Math.min(1, granted / capacity[index]!);
			wattsAtStart[index] = utilisation === 0 ? idleWatts[index]! : curveWattsOf(host, utilisation);
			// Workers up or off only (not booting or failed): read from the round's flags, not from each host again.
			if (up[index] === 0 && off[index] === 0) {
				continue;
			}

			if (granted > 0) {
				this.#bucketed[index] = 1;
				this.#rebucket(index);
				continue;
			}

			const kind = kindOfHost[index]!;
			const list = emptyOfKind[kind];
			if (list) {
				list.push(index);
			} else {
				emptyOfKind[kind] = [index];
				this.#empty.push(emptyOfKind[kind]);
				this.#emptyCoreMips.push(kinds.kinds[kind]!.coreMips);
			}
		}

		round.listeners.push(this);
	}

	moved(_vmIndex: number, from: number, to: number): void {
		if (this.#trying) {
			return;
		}

		this.#follow(from);
		this.#follow(to);
	}

	excluded(index: number): void {
		this.#buckets.remove(index);
	}

	/** Only hosts that carried load when the round began take VMs from here on (CloudSim's underload pass excludes the "switched off"). */
	onlyLoadedAtStart(): void {
		const {up, excluded, load: {allocatedAtStart}} = this.#round;
		let index = -1;
		for (const loaded of allocatedAtStart) {
			index++;
			if (loaded === 0 || up[index] === 0) {
				excluded[index] = 1;
				this.#buckets.remove(index);
			}
		}

		this.#empty.length = 0;
		this.#emptyCoreMips.length = 0;
	}

	/** The host for VM `vmIndex`, or undefined. */
	findHost(vmIndex: number): number | undefined {
		const round = this.#round;
		const vm = round.vms[vmIndex]!;
		this.#vmIndex = vmIndex;
		this.#mips = round.load.demand[vmIndex]!;
		this.#memoryMiB = vm.memoryMiB;
		this.#source = round.plannedHost[vmIndex]!;
		this.#best = -1;
		this.#bestKey = Number.POSITIVE_INFINITY;
		if (this.#threshold === undefined) {
			for (let index = 0; index < round.hosts.length; index++) {
				this.#offer(index);
			}
		} else {
			this.#searchEmpty();
			this.#searchLoaded(this.#threshold);
		}

		return this.#best < 0 ? undefined : this.#best;
	}

	/**
	The increase of the VM's MIPS on host `index`, or NaN when the host cannot take the VM by capacity
	or memory (the detector is asked later, and only of a host that would win).
	*/
	#increase(index: number): number {
		const round = this.#round;
		if (!round.eligible(index, this.#source)) {
			return unsuitable;
		}

		const {load} = round;
		const mips = this.#mips;
		const capacity = load.capacity[index]!;
		const granted = load.allocated[index]!;
		if (mips > load.coreUnits[index]! || capacity - granted < mips || round.freeMiB[index]! < this.#memoryMiB) {
			return unsuitable;
		}

		if (this.#threshold !== undefined && granted > 0 && (load.requested[index]! + mips) / capacity > this.#threshold) {
			return unsuitable;
		}

		const after = (granted + mips) / capacity;
		const table = this.#tables[index];
		return (table ? cloudsimSpecpower(table, after) : curveWattsOf(round.hosts[index]!, after)) - this.#wattsAtStart[index]!;
	}

	/** Prices host `index` and takes it when it wins and (for a detector with no static threshold) is not overloaded with the VM. */
	#offer(index: number): void {
		const increase = this.#increase(index);
		if (Number.isNaN(increase)) {
			return;
		}

		const key = increase;
		if (!(key < this.#bestKey || (key === this.#bestKey && index < this.#best))) {
			return;
		}

		if (this.#threshold === undefined && this.#round.load.allocated[index]! > 0 && this.#overloadedWith(index)) {
			return;
		}

		this.#best = index;
		this.#bestKey = key;
	}

	/** The detector's answer for host `index` with the VM planned on it (CloudSim creates the VM there, asks, destroys it). */
	#overloadedWith(index: number): boolean {
		const round = this.#round;
		const mark = round.mark();
		this.#trying = true;
		round.tryOn(this.#vmIndex, index);
		const overloaded = this.#detector.overloaded(this.#context, index);
		round.undo(mark);
		this.#trying = false;
		return overloaded;
	}

	/** The first suitable empty host of each kind (hosts of a kind price alike; the first wins a tie). */
	#searchEmpty(): void {
		let kindId = -1;
		for (const kind of this.#empty) {
			kindId++;
			if (this.#mips > this.#emptyCoreMips[kindId]!) {
				continue;
			}

			for (const index of kind) {
				if (this.#round.load.allocated[index]! > 0) {
					continue;
				}

				// The first host of the kind that can take the VM is its only candidate.
				if (!Number.isNaN(this.#increase(index))) {
					this.#offer(index);
					break;
				}
			}
		}
	}

	/** The loaded hosts: first the bucket with the least bound, then every other bucket that may do better. */
	#searchLoaded(threshold: number): void {
		const buckets = this.#buckets;
		const first = buckets.bound(this.#mips, threshold);
		if (first < 0) {
			return;
		}

		this.#searchBucket(first, threshold);
		const {candidates} = buckets;
		for (let at = 0; at < buckets.candidateCount; at++) {
			const bucket = candidates[at]!;
			if (bucket !== first) {
				this.#searchBucket(bucket, threshold);
			}
		}
	}

	/** One bucket's hosts while each one's bound says it may beat the best so far (bounds grow along a bucket). */
	#searchBucket(bucket: number, threshold: number): void {
		const buckets = this.#buckets;
		if (!(buckets.bounds[bucket]! <= this.#bestKey)) {
			return;
		}

		const rise = buckets.leastRise(bucket, this.#mips, threshold);
		for (const index of buckets.members[bucket]!) {
			const boundKey = buckets.hostBound(rise, index);
			if (boundKey > this.#bestKey) {
				break;
			}

			if (boundKey === this.#bestKey && index > this.#best) {
				if (buckets.extraOf(index) === 0) {
					break;
				}

				continue;
			}

			this.#offer(index);
		}
	}

	/** A host that carries load and may take VMs is bucketed from now on, and kept in step. */
	#follow(index: number): void {
		if (index >= 0 && this.#round.load.allocated[index]! > 0 && this.#round.excluded[index] === 0) {
			this.#bucketed[index] = 1;
		}

		this.#rebucket(index);
	}

	/** Keeps host `index`'s bucket in step with what it is granted, while it may take VMs. */
	#rebucket(index: number): void {
		const round = this.#round;
		if (index < 0 || this.#bucketed[index] === 0 || round.excluded[index] === 1) {
			return;
		}

		const utilisation = round.load.allocated[index]! / round.load.capacity[index]!;
		const host: Host = round.hosts[index]!;
		// What the price carries over F(u): the power of the VMs the round planned onto the host (see above).
		this.#buckets.place(index, utilisation, curveWattsOf(host, utilisation) - this.#wattsAtStart[index]!);
	}
}
