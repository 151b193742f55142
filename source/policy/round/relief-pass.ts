/**
The overload pass of a policy over the monitor's view, as BB12 decomposes a policy (Beloglazov and
Buyya, CCPE 2012): the detector's hosts in its order; for each, the selector's VMs best first, the
first the placement finds a host for is proposed; when none is, the policy's fallback (a swap, a host
powered on, or a refusal). One move out of a host a round: "stop when the host is no longer hot" is
the next round's detection (SP07 section 6).
*/
import type {PlanRejection} from '../../sim/strategies.js';
import type {VmView} from '../sandpiper/monitor.js';
import type {ViewRound} from './rate-load.js';

export type ReliefChain = {
	/** Hosts to relieve, by position, in the order they are relieved: the detector's answer. */
	readonly sources: readonly number[];
	/** Why `source` may send nothing now: a reason to report, null to pass it over in silence; undefined when it may. */
	held(source: number): string | null | undefined;
	/** The VMs that may leave `source`, best first: the selector's answer. */
	select(source: number): readonly VmView[];
	/** Where VMs leaving `source` go: the placement, asked once per source (nothing is planned between its VMs). */
	placeFrom(source: number): (vm: VmView) => number | undefined;
	/** Memory `vm` asks for at its destination (its own, unless it is to grow). */
	allocation(vm: VmView): number;
	/** The log's reason for moving `vm` off `source`. */
	reason(vm: VmView, source: number): string;
	/** When no VM of `vms` (perhaps none) has a place: a reason to report, or undefined. */
	fallback(source: number, vms: readonly VmView[]): string | undefined;
};

/** Proposes the first of the selector's VMs the placement finds a host for; whether one was. */
function moveOne(round: ViewRound, chain: ReliefChain, source: number, vms: readonly VmView[]): boolean {
	if (vms.length === 0) {
		return false;
	}

	const place = chain.placeFrom(source);
	for (const vm of vms) {
		const to = place(vm);
		if (to !== undefined) {
			round.propose(round.indexOf(vm), to, chain.reason(vm, source), chain.allocation(vm));
			return true;
		}
	}

	return false;
}

/** Runs the chain over the round; returns the refusals, in the order of the sources. */
export function reliefPass(round: ViewRound, chain: ReliefChain): PlanRejection[] {
	const rejections: PlanRejection[] = [];
	for (const source of chain.sources) {
		const held = chain.held(source);
		const vms = held === undefined ? chain.select(source) : [];
		const reason = held === undefined ? (moveOne(round, chain, source, vms) ? undefined : chain.fallback(source, vms)) : held;
		if (typeof reason === 'string') {
			rejections.push({hostId: round.hosts[source]!.id, reason});
		}
	}

	return rejections;
}
