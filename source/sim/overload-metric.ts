/**
Phase 7 of a tick: the yardsticks. Per tick, unmet demand (a host that cannot serve its VMs); per
monitoring interval, the sustained-overload metric (models.md 7.7: k of the last n interval means of the
VMs' own usage over a threshold, with the metric's own k, n and thresholds, apart from the detector's),
paging (host-intervals in which a VM on the host paged) and, per resource, hotspot episodes (./episodes.ts).
*/
import {isOverloaded} from './capacity.js';
import {trackEpisodes} from './episodes.js';
import {pushFlag} from './history.js';
import {latest} from './series.js';
import type {
	Resource, ResourceVector, SimEvent, World,
} from './types.js';

/** MB/s for a tick, in MiB. */
const mibPerMB = 1_000_000 / 1_048_576;

/** The resources a host cannot serve in full (a function of its own: a callback written in the loop would make V8 allocate a scope per turn). */
function shortOf(unmet: ResourceVector): Resource[] {
	return (['cpu', 'memory', 'disk', 'network'] as const).filter(resource => unmet[resource] > 1e-9);
}

export function accountOverload(world: World, closing: boolean, emit: (event: SimEvent) => void): void {
	const {metrics, tickSeconds} = world.config;
	const {counters} = world;
	for (const host of world.hosts) {
		if (host.role === 'scratch') {
			continue;
		}

		const up = host.state === 'up';
		if (up && isOverloaded(host.usage)) {
			counters.overloadedHostTicks++;
			if (host.overloadedSinceTick === null) {
				host.overloadedSinceTick = world.tick;
				emit({
					tick: world.tick, type: 'hostOverloaded', hostId: host.id, resources: shortOf(host.usage.unmet),
				});
			}
		} else if (host.overloadedSinceTick !== null) {
			emit({
				tick: world.tick, type: 'hostOverloadEnded', hostId: host.id, durationTicks: world.tick - host.overloadedSinceTick,
			});
			host.overloadedSinceTick = null;
		}

		counters.pagedMiB += up ? host.usage.swapMBps * tickSeconds * mibPerMB : 0;
		if (!closing) {
			continue;
		}

		const {overThreshold} = host.history;
		// A host that is not up is over no threshold: once its last n flags are all down, another changes
		// nothing (most hosts of a consolidated datacenter are off). Its episode windows hold only cool
		// intervals then too: only an open episode still has cool ones to count.
		if (!up && overThreshold.length === metrics.n && !overThreshold.includes(true)) {
			host.sustainedOverload = false;
			if (host.episodes.open > 0) {
				trackEpisodes(world, host, false, emit);
			}

			continue;
		}

		// Over any of the metric's thresholds, as its resources' episodes saw this interval.
		const over = trackEpisodes(world, host, up, emit);
		counters.pagingHostIntervals += up && latest(host.history.intervals.swapMBps) > 0 ? 1 : 0;
		pushFlag(overThreshold, over, metrics.n);
		let flagged = 0;
		for (const flag of overThreshold) {
			flagged += flag ? 1 : 0;
		}

		host.sustainedOverload = flagged >= metrics.k;
		if (host.sustainedOverload) {
			counters.sustainedOverloadIntervals++;
		}
	}
}
