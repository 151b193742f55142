import test from 'ava';
import fc from 'fast-check';
import {detectHotspots} from '../../source/policy/detect/k-of-n.js';
import type {Requests} from '../../source/policy/round/requests.js';
import {relieveHotspots} from '../../source/policy/sandpiper/chain.js';
import {capacityOf, observe, rateResources} from '../../source/policy/sandpiper/monitor.js';
import {runTicks} from '../../source/sim/run.js';
import type {World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {datacenterArbitrary} from '../helpers/arbitraries.js';
import {build} from '../helpers/scenarios.js';

/** Random datacenters with a scratch host, run under Sandpiper for a while. */
const scenarioArbitrary = fc.tuple(datacenterArbitrary, fc.integer({min: 20, max: 120}), fc.constantFrom('sandpiper', 'sandpiper-gray')).map(([input, ticks, policy]) => ({
	input: {...input, policy, hosts: [...input.hosts, {id: 'scratch', role: 'scratch' as const}]},
	ticks,
	policy,
}));

function planFor(world: World, visibility: 'black-box' | 'gray-box') {
	const view = observe(world, visibility);
	const hotspots = new Map(view.hosts.map(host => [host.id, detectHotspots(host, world.config.monitoring, visibility, world.config.manager.timeSeriesWindow)]));
	const requests: Requests = {
		world, commands: [], events: [], tracked: [],
	};
	relieveHotspots(requests, view, {hotspots, blocked: new Map(), limit: world.config.manager.maxConcurrentMigrations});
	// Swaps are started by the policy, not here: every request is a planned move, in order.
	const moves = requests.tracked.map((move, index) => {
		const command = requests.commands[index];
		return {...move, allocationMiB: command?.type === 'requestMigration' ? command.allocationMiB ?? null : null};
	});
	return {view, result: {moves}};
}

test('a plan never targets the source, never moves a migrating VM, never overfills a destination', t => {
	t.notThrows(() => {
		fc.assert(fc.property(scenarioArbitrary, ({input, ticks, policy}) => {
			runTicks(build(input).world, defaultStrategies, {
				ticks,
				onTick(world) {
					if (world.tick % world.config.monitoring.intervalTicks === 0) {
						checkPlan(world, policy === 'sandpiper-gray' ? 'gray-box' : 'black-box');
					}
				},
			});
		}), {numRuns: 80});
	});
});

/** Throws when a plan made on this world breaks one of the planner's promises. */
function checkPlan(world: World, visibility: 'black-box' | 'gray-box'): void {
	const {view, result} = planFor(world, visibility);
	const vms = new Map(world.vms.map(vm => [vm.id, vm]));
	const views = new Map(view.hosts.flatMap(host => host.vms.map(vm => [vm.id, vm] as const)));
	const destinations = new Set<string>();
	for (const move of result.moves) {
		if (move.to === move.from) {
			throw new Error(`${move.vmId} planned onto its own host`);
		}

		if (vms.get(move.vmId)!.migrationId !== null) {
			throw new Error(`${move.vmId} is already migrating`);
		}

		if (destinations.has(move.to)) {
			throw new Error(`${move.to} receives two VMs at once`);
		}

		destinations.add(move.to);
		const target = view.hostsById.get(move.to)!;
		const arriving = world.migrations.filter(migration => migration.destinationHostId === move.to).map(migration => views.get(migration.vmId)!);
		const moved = views.get(move.vmId)!;
		for (const resource of rateResources) {
			let total = [...target.vms, ...arriving, moved].reduce((sum, vm) => sum + vm.peak[resource], 0);
			if (resource === 'cpu') {
				const network = [...target.vms, ...arriving, moved].reduce((sum, vm) => sum + vm.peak.network, 0);
				total += world.config.overhead.baseCpuUnits + (world.config.overhead.cpuUnitsPer100Mbps * network / 100);
			}

			const share = total / capacityOf(target.host, resource);
			if (share > world.config.monitoring.thresholds[resource] + 1e-9) {
				throw new Error(`${move.vmId} pushes ${move.to} to ${share.toFixed(3)} ${resource}`);
			}
		}

		if (target.usableMiB - target.allocatedMiB < (move.allocationMiB ?? moved.memoryMiB)) {
			throw new Error(`${move.vmId} does not fit in ${move.to}'s memory`);
		}
	}
}

test('an idle datacenter yields an empty plan, whatever its shape', t => {
	const idle = datacenterArbitrary.map(input => ({
		...input,
		policy: 'sandpiper',
		vms: input.vms.map(vm => ({
			...vm, workload: {
				base: {
					cpu: 1, memory: 10, disk: 1, network: 1,
				},
			},
		})),
	}));
	t.notThrows(() => {
		fc.assert(fc.property(idle, input => {
			const {events, world} = runTicks(build(input).world, defaultStrategies, {ticks: 60});
			if (events.length > 0 || world.counters.migrationsStarted > 0) {
				throw new Error(`idle datacenter produced ${events.map(event => event.type).join(', ')}`);
			}
		}), {numRuns: 40});
	});
});
