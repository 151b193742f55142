/**
Sandpiper's decision chain (SP07 section 6; models.md 1.7 and 7.6): hot hosts in decreasing volume;
each one's VMs in decreasing volume-to-size ratio; each VM to the least-volume host its peaks fit.
VMs keep leaving a hot host until its projected load is under every threshold it was hot on (a VM
under memory pressure counts as cured once it moves or grows in place). When no single move helps, a
swap through a scratch host.

Limits (models.md 7.6): `limit` migrations at once, `perHostOut` out of and `perHostIn` into a host at
once (a host's own `migrationLimits` first), no host cooling down or part of a swap, no host receiving a
VM as a source nor a source as a destination, never a VM already migrating, never the source host.
*/
import type {PlanRejection} from '../../sim/strategies.js';
import type {Hotspot} from '../detect/k-of-n.js';
import {
	firstFit, keepingAddress, leastVolumeHosts, noDestinationReason,
} from '../place/least-volume.js';
import {findSwap, type PlannedSwap} from '../place/swap.js';
import {migrationLimitsOf} from '../round/host-state.js';
import {peakShares} from '../round/load-models.js';
import {reliefPass, type ReliefChain} from '../round/relief-pass.js';
import type {Requests} from '../round/requests.js';
import {viewRound, type ViewRound} from '../round/rate-load.js';
import {allocationFor, byVsr} from '../select/vsr.js';
import type {MonitorView} from './monitor.js';
import {resizeInPlace} from './resizes.js';

export type SandpiperInput = {
	hotspots: ReadonlyMap<string, readonly Hotspot[]>;
	/** VMs grown in place this round (./resizes.ts): their memory pressure is relieved, they need not move. */
	resized: ReadonlySet<string>;
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
	// The VMs whose memory pressure still needs a move: not grown in place this round.
	const pressured = (source: number) => hosts[source]!.vms.filter(vm => vm.underMemoryPressure && vm.movable && !input.resized.has(vm.id));
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

			// A VM is already leaving or arriving, a swap holds the host, or growing in place cured it: the fix
			// is under way (an arriving VM's figures are not settled yet), which is no refusal to report.
			if (round.outgoing[source]! > 0 || round.incoming[source]! > 0 || partners.has(source) || (onlyMemory(source) && pressured(source).length === 0)) {
				return null;
			}

			return round.budget <= 0 ? `already ${input.limit} migrations at once` : undefined;
		},
		select: source => byVsr(hosts[source]!.vms.filter(vm => !input.resized.has(vm.id)), onlyMemory(source)),
		cured(source, leaving) {
			const {thresholds} = round.world.config.monitoring;
			const {load} = round;
			return hotOn(source).every(({resource}) => resource === 'memory'
				? pressured(source).every(vm => leaving.includes(vm))
				: load.share(source, resource) - leaving.reduce((sum, vm) => sum + load.shareWith(vm, source, resource) - load.share(source, resource), 0) <= thresholds[resource]);
		},
		mayMoveMore(source) {
			const {out} = migrationLimitsOf(hosts[source]!.host, manager);
			if (round.outgoing[source]! >= out) {
				return `${hosts[source]!.id} may send ${out} at once`;
			}

			return round.budget <= 0 ? `already ${input.limit} migrations at once` : undefined;
		},
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
			round.reserveIn(swap.scratch, first.memoryMiB, 1);
			partners.add(swap.partner);
			return undefined;
		},
	};
}

/**
Relieves the hot hosts of `view` over a round of Sandpiper's projected peaks: moves join `requests`;
the swaps planned are returned, to be started once the moves are issued.
*/
export function relieveHotspots(requests: Requests, view: MonitorView, input: Omit<SandpiperInput, 'resized'> & {blocked: ReadonlyMap<string, string>}): {rejections: PlanRejection[]; swaps: PlannedSwap[]} {
	const {world} = requests;
	const round = viewRound(view, requests, {
		projection: peakShares(view, world), releasesSource: false, budget: input.limit - world.migrations.length, blocked: input.blocked,
	});
	const swaps: PlannedSwap[] = [];
	const resized = resizeInPlace(round);
	const rejections = reliefPass(round, sandpiperChain(round, {...input, resized}, swaps));
	return {rejections, swaps};
}
