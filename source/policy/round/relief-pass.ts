/**
The overload pass of a policy over the monitor's view, as BB12 decomposes a policy (Beloglazov and
Buyya, CCPE 2012): the detector's hosts in its order; for each, the selector's VMs best first, each the
placement finds a host for is proposed, until the chain says the host is cured in projection (SP07
section 6: VMs in decreasing VSR until the host is no longer hot) or may send no more now; when no VM
moves, the policy's fallback (a swap, a host powered on, or a refusal). A chain that does not project a
cure (the baselines) moves one VM a host a round, and the next round's detection decides.
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
	/** Where VMs leaving `source` go: the placement, asked again after each move (it changes who may take one). */
	placeFrom(source: number): (vm: VmView) => number | undefined;
	/** Memory `vm` asks for at its destination (its own, unless it is to grow). */
	allocation(vm: VmView): number;
	/** The log's reason for moving `vm` off `source`. */
	reason(vm: VmView, source: number): string;
	/** When no VM of `vms` (perhaps none) has a place: a reason to report, or undefined. */
	fallback(source: number, vms: readonly VmView[]): string | undefined;
	/** Whether `source` is no longer hot in projection once `leaving` have left; without it, one move a host a round. */
	cured?(source: number, leaving: readonly VmView[]): boolean;
	/** Why `source` may start no more migrations this round, or undefined when it may. */
	mayMoveMore?(source: number): string | undefined;
};

/** Proposes the selector's VMs the placement finds a host for until the chain calls the host cured; how many moved, and why it stopped short. */
function relieve(round: ViewRound, chain: ReliefChain, source: number, vms: readonly VmView[]): {moved: number; shortBy?: string} {
	let place = chain.placeFrom(source);
	const leaving: VmView[] = [];
	for (const vm of vms) {
		const stop = leaving.length === 0 ? undefined : chain.mayMoveMore?.(source);
		if (stop !== undefined) {
			return {moved: leaving.length, shortBy: stop};
		}

		const to = place(vm);
		if (to === undefined) {
			continue;
		}

		round.propose(round.indexOf(vm), to, chain.reason(vm, source), chain.allocation(vm));
		leaving.push(vm);
		if (!chain.cured || chain.cured(source, leaving)) {
			return {moved: leaving.length};
		}

		// The move changed who may take the next VM (a destination's limit on incoming migrations).
		place = chain.placeFrom(source);
	}

	return {moved: leaving.length, shortBy: leaving.length > 0 ? 'no other of its VMs has a place now' : undefined};
}

/** What to report for `source` once its VMs have been tried: why it is still hot, the fallback's answer, or nothing. */
function reliefReason(round: ViewRound, chain: ReliefChain, source: number, vms: readonly VmView[]): string | undefined {
	const {moved, shortBy} = relieve(round, chain, source, vms);
	if (moved === 0) {
		return chain.fallback(source, vms);
	}

	return shortBy && `${round.hosts[source]!.id} is still hot in projection after ${moved} move${moved > 1 ? 's' : ''}: the rest waits (${shortBy})`;
}

/** Runs the chain over the round; returns the refusals, in the order of the sources. */
export function reliefPass(round: ViewRound, chain: ReliefChain): PlanRejection[] {
	const rejections: PlanRejection[] = [];
	for (const source of chain.sources) {
		const held = chain.held(source);
		const vms = held === undefined ? chain.select(source) : [];
		const reason = held === undefined ? reliefReason(round, chain, source, vms) : held;
		if (typeof reason === 'string') {
			rejections.push({hostId: round.hosts[source]!.id, reason});
		}
	}

	return rejections;
}
