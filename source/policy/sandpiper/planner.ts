/**
Sandpiper's migration manager (SP07 section 6; models.md 1.7 and 7.6): hot hosts in decreasing
volume; each one's VMs in decreasing volume-to-size ratio; each VM to the least-volume host where its
peak estimate keeps every resource under its threshold and its memory fits. When no single move
helps, a swap with the least-volume host through a scratch host. The plan is data; the world is
never touched.

Limits (models.md 7.6): at most `maxConcurrentMigrations` at once, `perHostOut` out of and `perHostIn`
into a host at once, a cooldown per host after a migration, never a VM already migrating, never the
source host. With one move out of a host per interval, "stop when the host is no longer hot" is the
next interval's detection.
*/
import type {PlanRejection} from '../../sim/strategies.js';
import type {
	ManagerConfig, Migration, OverheadConfig, Thresholds,
} from '../../sim/types.js';
import type {Hotspot} from './detector.js';
import {
	capacityOf, rateResources, type HostView, type MonitorView, type RateResource, type Rates, type VmView,
} from './monitor.js';

export type PlannedMove = {
	vmId: string;
	from: string;
	to: string;
	/** A new allocation at the destination, or null to keep the current one. */
	allocationMiB: number | null;
	vsr: number;
	reason: string;
};

export type PlannedSwap = {
	vmId: string;
	from: string;
	to: string;
	swappedVmIds: string[];
	via: string;
	vsr: number;
};

export type Plan = {
	moves: PlannedMove[];
	swaps: PlannedSwap[];
	rejections: PlanRejection[];
};

export type PlannerInput = {
	view: MonitorView;
	hotspots: ReadonlyMap<string, readonly Hotspot[]>;
	thresholds: Thresholds;
	manager: ManagerConfig;
	overhead: OverheadConfig;
	migrations: readonly Migration[];
	/** Hosts that may take part in nothing now, with why (cooling down, part of a swap). */
	blocked: ReadonlyMap<string, string>;
};

const resourceNames: Record<RateResource, string> = {cpu: 'CPU', network: 'network', disk: 'disk'};

/** What the planner tracks while it plans one round. */
type Ledger = {
	projected: Map<string, Rates>;
	freeMiB: Map<string, number>;
	outgoing: Map<string, number>;
	incoming: Map<string, number>;
	budget: number;
};

/**
A host's projected peak utilisation: the sum of its VMs' peak estimates (and of VMs on their way in)
plus the hypervisor's share. Summing peaks is conservative, and unlike the host's own history it is
right at once after a VM arrives or leaves.
*/
function projectedPeak(host: HostView, incoming: readonly VmView[], overhead: OverheadConfig): Rates {
	const totals: Rates = {cpu: 0, network: 0, disk: 0};
	for (const vm of [...host.vms, ...incoming]) {
		for (const resource of rateResources) {
			totals[resource] += vm.peak[resource];
		}
	}

	totals.cpu += overhead.baseCpuUnits + (overhead.cpuUnitsPer100Mbps * totals.network / 100);
	return {
		cpu: totals.cpu / capacityOf(host.host, 'cpu'),
		network: totals.network / capacityOf(host.host, 'network'),
		disk: totals.disk / capacityOf(host.host, 'disk'),
	};
}

/** A VM's peak as a share of a host's capacity, with the hypervisor CPU its network I/O costs there. */
function shareOn(vm: VmView, host: HostView, overhead: OverheadConfig): Rates {
	return {
		cpu: (vm.peak.cpu + (overhead.cpuUnitsPer100Mbps * vm.peak.network / 100)) / capacityOf(host.host, 'cpu'),
		network: vm.peak.network / capacityOf(host.host, 'network'),
		disk: vm.peak.disk / capacityOf(host.host, 'disk'),
	};
}

function createLedger(input: PlannerInput): Ledger {
	const {view, migrations, manager, overhead} = input;
	const vmsById = new Map(view.hosts.flatMap(host => host.vms.map(vm => [vm.id, vm] as const)));
	const outgoing = new Map<string, number>();
	const incoming = new Map<string, number>();
	const arriving = new Map<string, VmView[]>();
	for (const migration of migrations) {
		outgoing.set(migration.sourceHostId, (outgoing.get(migration.sourceHostId) ?? 0) + 1);
		incoming.set(migration.destinationHostId, (incoming.get(migration.destinationHostId) ?? 0) + 1);
		const vm = vmsById.get(migration.vmId);
		if (vm) {
			arriving.set(migration.destinationHostId, [...(arriving.get(migration.destinationHostId) ?? []), vm]);
		}
	}

	return {
		projected: new Map(view.hosts.map(host => [host.id, projectedPeak(host, arriving.get(host.id) ?? [], overhead)])),
		freeMiB: new Map(view.hosts.map(host => [host.id, host.usableMiB - host.allocatedMiB])),
		outgoing,
		incoming,
		budget: manager.maxConcurrentMigrations - migrations.length,
	};
}

/** Why `vm` cannot go to `host` (`memory` or the resource over its threshold), or undefined when it fits. */
function misfit(vm: VmView, allocationMiB: number, host: HostView, ledger: Ledger, input: PlannerInput): RateResource | 'memory' | undefined {
	if ((ledger.freeMiB.get(host.id) ?? 0) < allocationMiB) {
		return 'memory';
	}

	const projected = ledger.projected.get(host.id)!;
	const share = shareOn(vm, host, input.overhead);
	return rateResources.find(resource => projected[resource] + share[resource] > input.thresholds[resource]);
}

/** Hosts that may receive a migration now, least volume first (ties by id, for determinism). */
function destinations(input: PlannerInput, ledger: Ledger, source: string): HostView[] {
	return input.view.hosts
		.filter(host => host.id !== source
			&& host.host.role === 'worker'
			&& host.host.state === 'up'
			&& !host.host.draining
			&& !input.blocked.has(host.id)
			&& (ledger.incoming.get(host.id) ?? 0) < input.manager.perHostIn)
		.toSorted((a, b) => (a.volume - b.volume) || a.id.localeCompare(b.id));
}

/**
With `keepBridgedAddress`, a bridged VM tries the hosts of its own rack (subnet) first, least volume
first among them, so it keeps its address and its connections; hosts on other racks remain the
fallback. This project's option (models.md, network access modes); the paper does not consider it.
*/
function keepingAddress(vm: VmView, source: HostView, candidates: readonly HostView[], input: PlannerInput): readonly HostView[] {
	if (!input.manager.keepBridgedAddress || !vm.bridged) {
		return candidates;
	}

	const sameRack = (host: HostView) => host.host.rack === source.host.rack;
	return [...candidates.filter(host => sameRack(host)), ...candidates.filter(host => !sameRack(host))];
}

function record(ledger: Ledger, vm: VmView, from: HostView, to: HostView, allocationMiB: number, input: PlannerInput): void {
	const share = shareOn(vm, to, input.overhead);
	const projected = ledger.projected.get(to.id)!;
	for (const resource of rateResources) {
		projected[resource] += share[resource];
	}

	ledger.freeMiB.set(to.id, (ledger.freeMiB.get(to.id) ?? 0) - allocationMiB);
	ledger.outgoing.set(from.id, (ledger.outgoing.get(from.id) ?? 0) + 1);
	ledger.incoming.set(to.id, (ledger.incoming.get(to.id) ?? 0) + 1);
	ledger.budget--;
}

/** The most telling reason no destination took the VM: `no host has 768 MiB free under the CPU threshold`. */
function noDestinationReason(vm: VmView, allocationMiB: number, candidates: readonly HostView[], ledger: Ledger, input: PlannerInput): string {
	if (candidates.length === 0) {
		return 'no other host can take a migration now (all busy, cooling down or down)';
	}

	const counts = new Map<RateResource, number>();
	for (const host of candidates) {
		const failure = misfit(vm, allocationMiB, host, ledger, input);
		if (failure !== undefined && failure !== 'memory') {
			counts.set(failure, (counts.get(failure) ?? 0) + 1);
		}
	}

	const [worst] = [...counts].toSorted((a, b) => b[1] - a[1]);
	if (!worst) {
		return `no host has ${allocationMiB} MiB free for ${vm.id}`;
	}

	return `no host has ${allocationMiB} MiB free under the ${resourceNames[worst[0]]} threshold for ${vm.id}`;
}

type SwapCandidate = {swap: PlannedSwap; partner: HostView; scratch: HostView; set: VmView[]};

/** SP07's swap phase: v and the smallest set of lowest-VSR VMs of a cool host trade places via scratch. */
function findSwap(source: HostView, vm: VmView, candidates: readonly HostView[], ledger: Ledger, input: PlannerInput): SwapCandidate | string {
	const scratch = input.view.hosts.find(host => host.host.role === 'scratch' && host.host.state === 'up' && !input.blocked.has(host.id) && (ledger.freeMiB.get(host.id) ?? 0) >= vm.memoryMiB);
	if (!scratch) {
		return 'no scratch host is free for a swap';
	}

	const sourceProjected = ledger.projected.get(source.id)!;
	const sourceFree = ledger.freeMiB.get(source.id) ?? 0;
	for (const partner of candidates) {
		const partnerProjected = ledger.projected.get(partner.id)!;
		const partnerFree = ledger.freeMiB.get(partner.id) ?? 0;
		const offered = partner.vms.filter(candidate => candidate.movable).toSorted((a, b) => (a.vsr - b.vsr) || a.id.localeCompare(b.id));
		for (let size = 1; size <= offered.length; size++) {
			const set = offered.slice(0, size);
			const setMiB = set.reduce((sum, member) => sum + member.memoryMiB, 0);
			if (sourceFree + vm.memoryMiB < setMiB || partnerFree + setMiB < vm.memoryMiB) {
				continue;
			}

			const leaving = shareOn(vm, source, input.overhead);
			const arriving = shareOn(vm, partner, input.overhead);
			const fitsBoth = rateResources.every(resource => {
				const setOnSource = set.reduce((sum, member) => sum + shareOn(member, source, input.overhead)[resource], 0);
				const setOnPartner = set.reduce((sum, member) => sum + shareOn(member, partner, input.overhead)[resource], 0);
				return sourceProjected[resource] - leaving[resource] + setOnSource <= input.thresholds[resource]
					&& partnerProjected[resource] - setOnPartner + arriving[resource] <= input.thresholds[resource];
			});
			if (fitsBoth) {
				return {
					swap: {
						vmId: vm.id, from: source.id, to: partner.id, swappedVmIds: set.map(member => member.id), via: scratch.id, vsr: vm.vsr,
					},
					partner,
					scratch,
					set,
				};
			}
		}
	}

	return 'no swap with a cooler host keeps both under their thresholds';
}

export function plan(input: PlannerInput): Plan {
	const ledger = createLedger(input);
	const moves: PlannedMove[] = [];
	const swaps: PlannedSwap[] = [];
	const rejections: PlanRejection[] = [];
	const reject = (hostId: string, reason: string) => {
		rejections.push({hostId, reason});
	};

	const hot = input.view.hosts
		.filter(host => (input.hotspots.get(host.id)?.length ?? 0) > 0)
		.toSorted((a, b) => (b.volume - a.volume) || a.id.localeCompare(b.id));
	for (const source of hot) {
		const blocked = input.blocked.get(source.id);
		if (blocked !== undefined) {
			reject(source.id, blocked);
			continue;
		}

		if ((ledger.outgoing.get(source.id) ?? 0) >= input.manager.perHostOut) {
			// A VM is already leaving: the fix is under way, which is no refusal to report.
			continue;
		}

		if (ledger.budget <= 0) {
			reject(source.id, `already ${input.manager.maxConcurrentMigrations} migrations at once`);
			continue;
		}

		const onlyMemory = input.hotspots.get(source.id)!.every(hotspot => hotspot.resource === 'memory');
		const movable = source.vms.filter(vm => vm.movable && (!onlyMemory || vm.underMemoryPressure));
		if (movable.length === 0) {
			reject(source.id, onlyMemory ? `no VM on ${source.id} can be moved to relieve its memory pressure` : `no VM on ${source.id} can be moved now`);
			continue;
		}

		const ordered = movable.toSorted((a, b) => (Number(b.underMemoryPressure) - Number(a.underMemoryPressure)) || (b.vsr - a.vsr) || a.id.localeCompare(b.id));
		const candidates = destinations(input, ledger, source.id);
		let moved = false;
		for (const vm of ordered) {
			const allocationMiB = vm.underMemoryPressure ? Math.max(vm.neededMiB, vm.memoryMiB) : vm.memoryMiB;
			const destination = keepingAddress(vm, source, candidates, input).find(host => misfit(vm, allocationMiB, host, ledger, input) === undefined);
			if (destination) {
				record(ledger, vm, source, destination, allocationMiB, input);
				const resources = input.hotspots.get(source.id)!.map(hotspot => hotspot.resource).join(', ');
				moves.push({
					vmId: vm.id,
					from: source.id,
					to: destination.id,
					allocationMiB: allocationMiB === vm.memoryMiB ? null : allocationMiB,
					vsr: vm.vsr,
					reason: vm.underMemoryPressure && allocationMiB !== vm.memoryMiB
						? `memory pressure on ${vm.id}: ${vm.memoryMiB} -> ${allocationMiB} MiB`
						: `${source.id} hot on ${resources}; ${vm.id} has the highest VSR that fits`,
				});
				moved = true;
				break;
			}
		}

		if (moved) {
			continue;
		}

		const first = ordered[0]!;
		const firstAllocation = first.underMemoryPressure ? Math.max(first.neededMiB, first.memoryMiB) : first.memoryMiB;
		const reason = noDestinationReason(first, firstAllocation, candidates, ledger, input);
		if (!input.manager.allowSwaps || onlyMemory || ledger.budget <= 0) {
			reject(source.id, reason);
			continue;
		}

		const swap = findSwap(source, first, candidates, ledger, input);
		if (typeof swap === 'string') {
			reject(source.id, `${reason}; ${swap}`);
			continue;
		}

		swaps.push(swap.swap);
		ledger.budget--;
		// The partner and the scratch host take part in the swap: nothing else uses them this round.
		ledger.incoming.set(swap.partner.id, input.manager.perHostIn);
		ledger.outgoing.set(swap.partner.id, input.manager.perHostOut);
		ledger.incoming.set(swap.scratch.id, input.manager.perHostIn);
		ledger.outgoing.set(source.id, (ledger.outgoing.get(source.id) ?? 0) + 1);
	}

	return {moves, swaps, rejections};
}
