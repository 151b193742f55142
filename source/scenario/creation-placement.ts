/**
CloudSim's placement of VMs as they are created (its power-aware best fit at time 0): a VM asking its
full MIPS goes to the host whose power would rise least, every host's power before taken at 0 %, ties
to the first host. Within a kind of host (the same MIPS and power curve) the rise grows with the MIPS
already placed, and placed MIPS are sums of whole VM sizes, so the best host of a kind is the one with
the least placed that has room, the first of those; the kinds' best are then compared. That finds the
host a scan of every host would, in time near linear in the VMs, where the scan was VMs x hosts.
*/
import {cloudsimSpecpower} from '../sim/power-curve.js';

export type CreationHostKind = {mips: number; ramMiB: number; table: readonly number[]};

type Kind = CreationHostKind & {
	/** Hosts of this kind by MIPS placed on them: the levels in increasing order, each with its hosts in id order. */
	levels: number[];
	hostsAt: Map<number, number[]>;
};

export class CreationPlacement {
	readonly #kinds: Kind[];
	readonly #kindOf: Int32Array;
	readonly #placed: Float64Array;
	readonly #ramUsed: Float64Array;

	/** `kindOf`: each host's kind, an index into `kinds`. */
	constructor(kinds: readonly CreationHostKind[], kindOf: readonly number[]) {
		this.#kinds = kinds.map(kind => ({...kind, levels: [0], hostsAt: new Map([[0, []]])}));
		this.#kindOf = Int32Array.from(kindOf);
		this.#placed = new Float64Array(kindOf.length);
		this.#ramUsed = new Float64Array(kindOf.length);
		for (const [host, kind] of kindOf.entries()) {
			this.#kinds[kind]!.hostsAt.get(0)!.push(host);
		}
	}

	/** The host a VM of `mips` (one core) and `ramMiB` is created on, or -1 when none has room; the host takes it. */
	place(mips: number, ramMiB: number): number {
		let best = -1;
		let bestIncrease = Number.POSITIVE_INFINITY;
		for (const kind of this.#kinds) {
			const host = this.#bestOf(kind, mips, ramMiB);
			if (host < 0) {
				continue;
			}

			const increase = cloudsimSpecpower(kind.table, (this.#placed[host]! + mips) / kind.mips) - cloudsimSpecpower(kind.table, 0);
			if (increase < bestIncrease || (increase === bestIncrease && host < best)) {
				best = host;
				bestIncrease = increase;
			}
		}

		if (best >= 0) {
			this.#move(best, mips, ramMiB);
		}

		return best;
	}

	/** The first host of the least placed level of `kind` with room for the VM, or -1. */
	#bestOf(kind: Kind, mips: number, ramMiB: number): number {
		if (mips > kind.mips / 2) {
			return -1;
		}

		for (const level of kind.levels) {
			if (level + mips > kind.mips) {
				break;
			}

			for (const host of kind.hostsAt.get(level)!) {
				if (this.#ramUsed[host]! + ramMiB <= kind.ramMiB) {
					return host;
				}
			}
		}

		return -1;
	}

	#move(host: number, mips: number, ramMiB: number): void {
		const kind = this.#kinds[this.#kindOf[host]!]!;
		const from = this.#placed[host]!;
		const to = from + mips;
		const fromHosts = kind.hostsAt.get(from)!;
		fromHosts.splice(fromHosts.indexOf(host), 1);
		if (fromHosts.length === 0) {
			kind.hostsAt.delete(from);
			kind.levels.splice(kind.levels.indexOf(from), 1);
		}

		let toHosts = kind.hostsAt.get(to);
		if (!toHosts) {
			toHosts = [];
			kind.hostsAt.set(to, toHosts);
			kind.levels.push(to);
			kind.levels.sort((a, b) => a - b);
		}

		// In id order: a host joins the level before the first host after it.
		const at = toHosts.findIndex(other => other > host);
		toHosts.splice(at === -1 ? toHosts.length : at, 0, host);
		this.#placed[host] = to;
		this.#ramUsed[host]! += ramMiB;
	}
}
