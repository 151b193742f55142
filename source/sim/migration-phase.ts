/**
Phase 3 and 4's bookkeeping of the running migrations: each one's VM and hosts, found once a tick; the
link rate each gets; the traffic each host carries; the CPU a migrating VM loses; which VMs are paused.
*/
import {isDown} from './vm-state.js';
import {migrationRates, mibpsToMbps} from './links.js';
import {findVm, hostIndex as hostPositions} from './lookup.js';
import type {HostTraffic} from './contention.js';
import {semanticsOf} from './semantics-of.js';
import type {Strategies} from './strategies.js';
import type {Host, Vm, World} from './types.js';

/**
Each running migration's VM and the positions of its two hosts (-1 where there is none), found once
a tick: phases 3 and 4 read them five times per migration, and a parity tick runs hundreds. Then each
one's link rate this tick (MiB/s), once contention has shared the links.
*/
export type MigrationEnds = {
	vms: Array<Vm | undefined>;
	sources: Int32Array;
	destinations: Int32Array;
	rates: number[];
};

export function migrationEnds(world: World, hostIndex: ReadonlyMap<string, number>): MigrationEnds {
	const {migrations} = world;
	const ends: MigrationEnds = {
		vms: [], sources: new Int32Array(migrations.length), destinations: new Int32Array(migrations.length), rates: [],
	};
	let index = -1;
	for (const migration of migrations) {
		index++;
		ends.vms.push(findVm(world, migration.vmId));
		ends.sources[index] = hostIndex.get(migration.sourceHostId) ?? -1;
		ends.destinations[index] = hostIndex.get(migration.destinationHostId) ?? -1;
	}

	return ends;
}

/** Each migration's rate this tick: its model's cap, shared fairly with other migrations and the VMs' traffic. */
export function linkRates(world: World, strategies: Strategies, ends: MigrationEnds, residents: readonly Vm[][]): number[] {
	const {migration: config} = world.config;
	const fixed = semanticsOf(world, strategies).migrationRates?.(world, ends.sources);
	if (fixed) {
		return fixed;
	}

	const caps = world.migrations.map(migration => strategies.migrationModels[migration.mode]?.rateCapMiBps(migration, config) ?? 0);
	const vmTraffic = residents.map(list => list.reduce((sum, vm) => sum + (vm.state === 'running' ? vm.usage.demand.network : 0), 0));
	return migrationRates(world.migrations, world.hosts, hostPositions(world), caps, vmTraffic);
}

/**
A migrating VM that runs loses CPU: CloudSim's 10 % while it migrates, and, after a post-copy switch,
the share of time it stalls on network page faults.
*/
export function applyMigrationPenalties(world: World, ends: MigrationEnds): void {
	// From each migration to its VM (no map of migrations each tick): a VM has one migration at most.
	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const vm = ends.vms[index];
		if (vm?.migrationId === migration.id && vm.state === 'running') {
			const penalty = Math.min(1, world.config.migration.vmCpuPenalty + migration.stallFraction);
			vm.usage.granted.cpu *= 1 - penalty;
		}
	}
}

/** One traffic array per hosts array, emptied each tick (`Array.from({length})` walks an array-like object, slowly, every tick). */
const trafficCache = new WeakMap<readonly Host[], Array<HostTraffic | undefined>>();

/** Migration traffic per host position (only hosts a migration touches have one), or undefined when nothing migrates. */
export function migrationTraffic(world: World, ends: MigrationEnds): Array<HostTraffic | undefined> | undefined {
	if (world.migrations.length === 0) {
		return undefined;
	}

	let traffic = trafficCache.get(world.hosts);
	if (traffic?.length === world.hosts.length) {
		traffic.fill(undefined);
	} else {
		traffic = Array.from({length: world.hosts.length});
		trafficCache.set(world.hosts, traffic);
	}

	const at = (index: number) => {
		if (index < 0) {
			return undefined;
		}

		traffic[index] ??= {
			outMbps: 0, inMbps: 0, migrations: 0, incomingMiB: 0,
		};
		return traffic[index];
	};

	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const mbps = mibpsToMbps(ends.rates[index]!);
		const source = at(ends.sources[index]!);
		const destination = at(ends.destinations[index]!);
		if (source) {
			source.outMbps += mbps;
			source.migrations++;
			if (migration.switched) {
				// After a post-copy switch the source still holds the pages it has not pushed.
				source.incomingMiB += migration.memoryMiB;
			}
		}

		if (destination) {
			destination.inMbps += mbps;
			destination.migrations++;
			if (!migration.switched) {
				destination.incomingMiB += migration.allocationMiB;
			}
		}
	}

	return traffic;
}

/** Paused while a migration model says so, running otherwise; stopped VMs stay stopped. */
export function updateVmStates(world: World, ends: MigrationEnds, strategies: Strategies): void {
	for (const vm of world.vms) {
		if (!isDown(vm)) {
			vm.state = 'running';
		}
	}

	// Then from each migration to its VM (no map of migrations each tick): a VM has one migration at most.
	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const vm = ends.vms[index];
		if (vm?.migrationId === migration.id && vm.state === 'running' && (strategies.migrationModels[migration.mode]?.vmPaused(migration) ?? false)) {
			vm.state = 'paused';
		}
	}
}
