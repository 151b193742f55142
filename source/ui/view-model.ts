/**
What the dashboard shows of the world (the status line, the host rows, the migrations), derived from a
world snapshot: plain data, no React, easy to test. Each row has its own file (./host-rows.ts, ...).
*/
import {allocatedMemoryByHost} from '../sim/capacity.js';
import {simulatedSeconds} from '../sim/lookup.js';
import {seriesValues} from '../sim/series.js';
import type {NetworkMode, World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';
import {formatClock, formatPower} from './format.js';
import {hostRow, type HostRowModel} from './host-rows.js';
import {migrationRow, type MigrationRowModel} from './migration-rows.js';
import {shortEffect} from './network-model.js';

export type StatusModel = {
	scenario: string;
	seed: number;
	policy: string;
	tick: number;
	seconds: number;
	hotHosts: number;
	migrations: number;
	lostVms: number;
	/** Draw of the workers now (W), their energy so far (kWh). */
	powerWatts: number;
	energyKWh: number;
	/** Running VMs per powered-on worker, and those workers' mean CPU, now. */
	activeHosts: number;
	consolidationRatio: number;
	activeUtilisation: number;
	/** The figures as the status line shows them, formatted once per tick. */
	labels: {
		/** `00:02:05` */
		clock: string;
		/** `3.21 kW 0.12 kWh` */
		energy: string;
		/** `2.2:1 on 16 @41%` */
		consolidation: string;
	};
};

export type DashboardModel = {
	status: StatusModel;
	hosts: HostRowModel[];
	migrations: MigrationRowModel[];
	thresholds: {cpu: number; memory: number; disk: number; network: number};
	k: number;
	n: number;
	networkCounts: Record<NetworkMode, number>;
	/** Mean CPU utilisation of the up workers per tick, oldest first. */
	clusterCpu: number[];
};

export function dashboardModel(world: World): DashboardModel {
	const counts = new Map<string, number>();
	const networkCounts: Record<NetworkMode, number> = {
		bridged: 0, nat: 0, 'host-only': 0, custom: 0,
	};
	for (const vm of world.vms) {
		if (isPlaced(vm)) {
			counts.set(vm.hostId, (counts.get(vm.hostId) ?? 0) + 1);
			networkCounts[vm.nics[0]!.mode]++;
		}
	}

	const allocated = allocatedMemoryByHost(world);
	const {thresholds, k, n} = world.config.monitoring;
	const hosts = world.hosts.map(host => hostRow(host, counts.get(host.id) ?? 0, allocated.get(host.id) ?? 0, n));
	const workerHosts = world.hosts.filter(host => host.role === 'worker');
	const workers = workerHosts.filter(host => host.state === 'up');
	const length = Math.max(0, ...workers.map(host => host.history.cpuTicks.values.length));
	const histories = workers.map(host => seriesValues(host.history.cpuTicks));
	const clusterCpu = Array.from({length}, (_, index) => {
		const values = histories.map(values => values[values.length - length + index]).filter(value => value !== undefined);
		return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
	});
	const seconds = simulatedSeconds(world);
	const powerWatts = workerHosts.reduce((sum, host) => sum + host.powerWatts, 0);
	const consolidationRatio = workers.length === 0 ? 0 : world.vms.filter(vm => vm.state === 'running' || vm.state === 'paused').length / workers.length;
	const activeUtilisation = workers.length === 0 ? 0 : workers.reduce((sum, host) => sum + host.usage.utilisation.cpu, 0) / workers.length;
	return {
		status: {
			scenario: world.scenarioName,
			seed: world.seed,
			policy: world.policy,
			tick: world.tick,
			seconds,
			hotHosts: hosts.filter(host => host.marker === 'hot').length,
			migrations: world.migrations.length,
			lostVms: world.vms.filter(vm => vm.state === 'lost').length,
			powerWatts,
			energyKWh: world.counters.energyKWh,
			activeHosts: workers.length,
			consolidationRatio,
			activeUtilisation,
			labels: {
				clock: formatClock(seconds),
				energy: `${formatPower(powerWatts)} ${world.counters.energyKWh.toFixed(2)} kWh`,
				consolidation: `${consolidationRatio.toFixed(1)}:1 on ${workers.length} @${Math.round(activeUtilisation * 100)}%`,
			},
		},
		hosts,
		migrations: world.migrations.map(migration => migrationRow(migration, shortEffect(world, migration))),
		// Memory is allocation-based and cannot exceed the host; colour it red only when full.
		thresholds: {
			cpu: thresholds.cpu, memory: 0.95, disk: thresholds.disk, network: thresholds.network,
		},
		k,
		n,
		networkCounts,
		clusterCpu,
	};
}
