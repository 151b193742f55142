/**
Sandpiper's decision chain (SP07 section 6; models.md 1.7 and 7.6): hot hosts in decreasing volume;
each one's VMs in decreasing volume-to-size ratio; each VM to the least-volume host its peaks fit.
When no single move helps, a swap through a scratch host.

Limits (models.md 7.6): `limit` migrations at once, `perHostOut` out of and `perHostIn` into a host at
once, no host cooling down or part of a swap, never a VM already migrating, never the source host.
*/
import type {PlanRejection} from '../../sim/strategies.js';
import type {Hotspot} from '../detect/k-of-n.js';
import {
	firstFit, keepingAddress, leastVolumeHosts, noDestinationReason,
} from '../place/least-volume.js';
import {findSwap, type PlannedSwap} from '../place/swap.js';
import {peakShares} from '../round/load-models.js';
import {reliefPass, type ReliefChain} from '../round/relief-pass.js';
import type {Requests} from '../round/requests.js';
import {viewRound, type ViewRound} from '../round/rate-load.js';
import {allocationFor, byVsr} from '../select/vsr.js';
import type {MonitorView} from './monitor.js';

export type SandpiperInput = {
	hotspots: ReadonlyMap<string, readonly Hotspot[]>;
	/** Migrations at once this round: the manager's, less swap steps issued just now. */
	limit: number;
};

/** The chain over `round`; swaps it plans join `swaps`, to be started once the moves are issued. */
export function sandpiperChain(round: ViewRound, input: SandpiperInput, swaps: PlannedSwap[]): ReliefChain {
	const {hosts} = round;
	const {hotspots} = input;
	const {manager} = round.world.config;
	/** Hosts a swap holds for the rest of the round: they neither send nor take a VM. */
	const partners = new Set<number>();
	const hotOn = (source: number) => hotspots.get(hosts[source]!.id) ?? [];
	const onlyMemory = (source: number) => hotOn(source).every(hotspot => hotspot.resource === 'memory');
	const sources = hosts.map((_, index) => index)
		.filter(index => hotOn(index).length > 0)
		.toSorted((a, b) => (hosts[b]!.volume - hosts[a]!.volume) || hosts[a]!.id.localeCompare(hosts[b]!.id));
	return {
		sources,
		held(source) {
			const blocked = round.blocked.get(hosts[source]!.id);
			if (blocked !== undefined) {
				return blocked;
			}

			// A VM is already leaving (or a swap holds the host): the fix is under way, which is no refusal to report.
			if (round.outgoing[source]! >= manager.perHostOut || partners.has(source)) {
				return null;
			}

			return round.budget <= 0 ? `already ${input.limit} migrations at once` : undefined;
		},
		select: source => byVsr(hosts[source]!.vms, onlyMemory(source)),
		placeFrom(source) {
			const candidates = leastVolumeHosts(round, source);
			return vm => firstFit(round, vm, allocationFor(vm), keepingAddress(round, vm, source, candidates));
		},
		allocation: allocationFor,
		reason(vm, source) {
			const allocationMiB = allocationFor(vm);
			const resources = hotOn(source).map(hotspot => hotspot.resource).join(', ');
			return vm.underMemoryPressure && allocationMiB !== vm.memoryMiB
				? `memory pressure on ${vm.id}: ${vm.memoryMiB} -> ${allocationMiB} MiB`
				: `${hosts[source]!.id} hot on ${resources}; ${vm.id} has the highest VSR that fits`;
		},
		fallback(source, vms) {
			const {id} = hosts[source]!;
			const [first] = vms;
			if (!first) {
				return onlyMemory(source) ? `no VM on ${id} can be moved to relieve its memory pressure` : `no VM on ${id} can be moved now`;
			}

			const candidates = leastVolumeHosts(round, source);
			const reason = noDestinationReason(round, first, allocationFor(first), candidates);
			if (!manager.allowSwaps || onlyMemory(source) || round.budget <= 0) {
				return reason;
			}

			const swap = findSwap(round, source, first, candidates);
			if (typeof swap === 'string') {
				return `${reason}; ${swap}`;
			}

			swaps.push(swap.swap);
			round.reserveOut(source);
			round.exclude(swap.partner);
			partners.add(swap.partner);
			return undefined;
		},
	};
}

/**
Relieves the hot hosts of `view` over a round of Sandpiper's projected peaks: moves join `requests`;
the swaps planned are returned, to be started once the moves are issued.
*/
export function relieveHotspots(requests: Requests, view: MonitorView, input: SandpiperInput & {blocked: ReadonlyMap<string, string>}): {rejections: PlanRejection[]; swaps: PlannedSwap[]} {
	const {world} = requests;
	const round = viewRound(view, requests, {
		projection: peakShares(view, world), releasesSource: false, budget: input.limit - world.migrations.length, blocked: input.blocked,
	});
	const swaps: PlannedSwap[] = [];
	const rejections = reliefPass(round, sandpiperChain(round, input, swaps));
	return {rejections, swaps};
}
