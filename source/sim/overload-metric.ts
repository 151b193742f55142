/**
Phase 7 of a tick: the yardsticks. Per tick, unmet demand (a host that cannot serve its VMs); per
monitoring interval, the sustained-overload metric (models.md 7.7: k of the last n interval means of the
VMs' own usage over a threshold, with the metric's own k, n and thresholds, apart from the detector's)
and paging (host-intervals in which a VM on the host paged).
*/
import {isOverloaded} from './capacity.js';
import {pushFlag} from './history.js';
import {latest} from './series.js';
import type {
	Host, MetricsConfig, Resource, ResourceVector, SimEvent, World,
} from './types.js';

/** MB/s for a tick, in MiB. */
const mibPerMB = 1_000_000 / 1_048_576;

/** The resources a host cannot serve in full (a function of its own: a callback written in the loop would make V8 allocate a scope per turn). */
function shortOf(unmet: ResourceVector): Resource[] {
	return (['cpu', 'memory', 'disk', 'network'] as const).filter(resource => unmet[resource] > 1e-9);
}

/** Whether `host`'s last interval means exceed a threshold of the metric. All five are read: see `accountOverload`. */
function overThresholds(host: Host, metrics: MetricsConfig): boolean {
	const {intervals} = host.history;
	const {thresholds} = metrics;
	const swapOver = latest(intervals.swapMBps) > thresholds.swapMBps;
	const cpuOver = latest(intervals.cpu) > thresholds.cpu;
	const diskOver = latest(intervals.disk) > thresholds.disk;
	const networkOver = latest(intervals.network) > thresholds.network;
	const memoryOver = latest(intervals.memory) > thresholds.memory;
	return swapOver || cpuOver || diskOver || networkOver || memoryOver;
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
		// nothing (most hosts of a consolidated datacenter are off).
		if (!up && overThreshold.length === metrics.n && !overThreshold.includes(true)) {
			host.sustainedOverload = false;
			continue;
		}

		// Read for every host that is up, not only until the first over (no `||=`): the first host over a
		// threshold then meets no code the optimising compiler has never seen run.
		const over = up && overThresholds(host, metrics);
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
