/**
Sandpiper's placement (SP07 section 6): a VM goes to the least-volume host where its peak keeps
every resource under its threshold and its memory fits. The least loaded host takes the load, and
volume ranks hosts by how near any one resource is to saturation (../sandpiper/volume.ts).
*/
import type {RateResource, VmView} from '../sandpiper/monitor.js';
import {migrationLimitsOf} from '../round/host-state.js';
import type {ViewRound} from '../round/rate-load.js';

const resourceNames: Record<RateResource, string> = {cpu: 'CPU', network: 'network', disk: 'disk'};

/** Hosts that may take a VM from `source` now, least volume first (ties by id, for determinism). */
export function leastVolumeHosts(round: ViewRound, source: number): number[] {
	const {hosts} = round;
	const {manager} = round.world.config;
	// A host that sends a VM this round takes none: its figures are the ones being relieved.
	return round.candidates(source, index => round.incoming[index]! < migrationLimitsOf(hosts[index]!.host, manager).in && round.outgoing[index] === 0)
		.toSorted((a, b) => (hosts[a]!.volume - hosts[b]!.volume) || hosts[a]!.id.localeCompare(hosts[b]!.id));
}

/**
With `keepBridgedAddress`, a bridged VM tries the hosts of its own rack (subnet) first, least volume
first among them, so it keeps its address and its connections; hosts on other racks remain the
fallback. This project's option (models.md, network access modes); the paper does not consider it.
*/
export function keepingAddress(round: ViewRound, vm: VmView, source: number, candidates: readonly number[]): readonly number[] {
	if (!round.world.config.manager.keepBridgedAddress || !vm.bridged) {
		return candidates;
	}

	const {rack} = round.hosts[source]!.host;
	const sameRack = (index: number) => round.hosts[index]!.host.rack === rack;
	return [...candidates.filter(index => sameRack(index)), ...candidates.filter(index => !sameRack(index))];
}

const thresholdsOf = (round: ViewRound) => round.world.config.monitoring.thresholds;

/** The first of `candidates` that takes `vm`, asking for `allocationMiB`, under every threshold; or undefined. */
export function firstFit(round: ViewRound, vm: VmView, allocationMiB: number, candidates: readonly number[]): number | undefined {
	const thresholds = thresholdsOf(round);
	return candidates.find(index => round.load.misfit(vm, index, thresholds, allocationMiB) === undefined);
}

/** The most telling reason no candidate took the VM: `no host has 768 MiB free under the CPU threshold`. */
export function noDestinationReason(round: ViewRound, vm: VmView, allocationMiB: number, candidates: readonly number[]): string {
	if (candidates.length === 0) {
		return 'no other host can take a migration now (all busy, cooling down or down)';
	}

	const thresholds = thresholdsOf(round);
	const counts = new Map<RateResource, number>();
	for (const index of candidates) {
		const failure = round.load.misfit(vm, index, thresholds, allocationMiB);
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
