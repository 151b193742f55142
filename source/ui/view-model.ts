/**
What the dashboard shows, derived from a world snapshot: plain data, no React, easy to test.
*/
import {isOverloaded} from '../sim/capacity.js';
import {simulatedSeconds} from '../sim/lookup.js';
import type {World} from '../sim/types.js';

export type HostMarker = 'down' | 'hot' | 'overloaded' | 'none';

export type HostRowModel = {
	id: string;
	cpu: number;
	memory: number;
	disk: number;
	vmCount: number;
	marker: HostMarker;
	/** K-of-n history, oldest first. */
	overThreshold: boolean[];
};

export type StatusModel = {
	scenario: string;
	seed: number;
	policy: string;
	tick: number;
	seconds: number;
	hotHosts: number;
	migrations: number;
};

export type DashboardModel = {
	status: StatusModel;
	hosts: HostRowModel[];
	thresholds: {cpu: number; memory: number; disk: number};
	k: number;
	n: number;
};

function markerOf(host: World['hosts'][number]): HostMarker {
	if (host.state === 'failed') {
		return 'down';
	}

	if (host.sustainedOverload) {
		return 'hot';
	}

	return isOverloaded(host.usage) ? 'overloaded' : 'none';
}

export function dashboardModel(world: World): DashboardModel {
	const counts = new Map<string, number>();
	for (const vm of world.vms) {
		counts.set(vm.hostId, (counts.get(vm.hostId) ?? 0) + 1);
	}

	const hosts = world.hosts.map(host => ({
		id: host.id,
		cpu: host.usage.utilisation.cpu,
		memory: host.usage.utilisation.memory,
		disk: host.usage.utilisation.disk,
		vmCount: counts.get(host.id) ?? 0,
		marker: markerOf(host),
		overThreshold: host.history.overThreshold,
	}));
	const {thresholds, k, n} = world.config.monitoring;
	return {
		status: {
			scenario: world.scenarioName,
			seed: world.seed,
			policy: world.policy,
			tick: world.tick,
			seconds: simulatedSeconds(world),
			hotHosts: hosts.filter(host => host.marker === 'hot').length,
			migrations: world.migrations.length,
		},
		hosts,
		// Memory is allocation-based and cannot exceed the host; colour it red only when full.
		thresholds: {cpu: thresholds.cpu, memory: 0.95, disk: thresholds.disk},
		k,
		n,
	};
}
