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
import {ViewLedger} from '../round/view-ledger.js';
import {allocationFor, byVsr} from '../select/vsr.js';
import type {MonitorView} from './monitor.js';

export type SandpiperInput = {
	hotspots: ReadonlyMap<string, readonly Hotspot[]>;
	/** Migrations at once this round: the manager's, less swap steps issued just now. */
	limit: number;
};

/** The chain over `ledger`; swaps it plans join `swaps`, to be started once the moves are issued. */
export function sandpiperChain(ledger: ViewLedger, input: SandpiperInput, swaps: PlannedSwap[]): ReliefChain {
	const {hosts} = ledger;
	const {hotspots} = input;
	const {manager} = ledger.requests.world.config;
	const hotOn = (source: number) => hotspots.get(hosts[source]!.id) ?? [];
	const onlyMemory = (source: number) => hotOn(source).every(hotspot => hotspot.resource === 'memory');
	const sources = hosts.map((_, index) => index)
		.filter(index => hotOn(index).length > 0)
		.toSorted((a, b) => (hosts[b]!.volume - hosts[a]!.volume) || hosts[a]!.id.localeCompare(hosts[b]!.id));
	return {
		sources,
		held(source) {
			const blocked = ledger.blocked.get(hosts[source]!.id);
			if (blocked !== undefined) {
				return blocked;
			}

			// A VM is already leaving (or a swap holds the host): the fix is under way, which is no refusal to report.
			if (ledger.outgoing[source]! >= manager.perHostOut || ledger.reserved[source] === 1) {
				return null;
			}

			return ledger.budget <= 0 ? `already ${input.limit} migrations at once` : undefined;
		},
		select: source => byVsr(hosts[source]!.vms, onlyMemory(source)),
		placeFrom(source) {
			const candidates = leastVolumeHosts(ledger, source);
			return vm => firstFit(ledger, vm, allocationFor(vm), keepingAddress(ledger, vm, source, candidates));
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

			const candidates = leastVolumeHosts(ledger, source);
			const reason = noDestinationReason(ledger, first, allocationFor(first), candidates);
			if (!manager.allowSwaps || onlyMemory(source) || ledger.budget <= 0) {
				return reason;
			}

			const swap = findSwap(ledger, source, first, candidates);
			if (typeof swap === 'string') {
				return `${reason}; ${swap}`;
			}

			swaps.push(swap.swap);
			ledger.reserveOut(source);
			ledger.reserve(swap.partner);
			return undefined;
		},
	};
}

/**
Relieves the hot hosts of `view` over a ledger of Sandpiper's projected peaks: moves join `requests`;
the swaps planned are returned, to be started once the moves are issued.
*/
export function relieveHotspots(requests: Requests, view: MonitorView, input: SandpiperInput & {blocked: ReadonlyMap<string, string>}): {rejections: PlanRejection[]; swaps: PlannedSwap[]} {
	const {world} = requests;
	const ledger = new ViewLedger(view, requests, {
		model: peakShares(view, world), releasesSource: false, budget: input.limit - world.migrations.length, blocked: input.blocked,
	});
	const swaps: PlannedSwap[] = [];
	const rejections = reliefPass(ledger, sandpiperChain(ledger, input, swaps));
	return {rejections, swaps};
}
