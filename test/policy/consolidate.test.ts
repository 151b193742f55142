import test from 'ava';
import fc from 'fast-check';
import {consolidatePolicy, packingHeadroom} from '../../source/policy/consolidate.js';
import {capacityOf, observe, rateResources} from '../../source/policy/sandpiper/monitor.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import type {World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {datacenterArbitrary} from '../helpers/arbitraries.js';
import {invariantViolations} from '../helpers/invariants.js';
import {build} from '../helpers/scenarios.js';

const consolidationPath = new URL('../../fixtures/scenarios/consolidation-16x35.json', import.meta.url).pathname;

/** Every destination of a decision, with the VMs' peaks it would carry: never past a threshold. */
function overfilled(world: World): string[] {
	const decision = consolidatePolicy.decide(world, world.policyState);
	const view = observe(world, 'black-box');
	const problems: string[] = [];
	const load = new Map(view.hosts.map(host => [host.id, {cpu: world.config.overhead.baseCpuUnits, network: 0, disk: 0}]));
	const vms = new Map(view.hosts.flatMap(host => host.vms.map(vm => [vm.id, vm] as const)));
	for (const host of view.hosts) {
		for (const vm of host.vms) {
			for (const resource of rateResources) {
				load.get(host.id)![resource] += vm.peak[resource];
			}
		}
	}

	for (const command of decision.commands) {
		if (command.type !== 'requestMigration') {
			continue;
		}

		const vm = vms.get(command.vmId)!;
		const target = view.hosts.find(host => host.id === command.destinationHostId)!;
		for (const resource of rateResources) {
			load.get(target.id)![resource] += vm.peak[resource];
			load.get(vm.hostId)![resource] -= vm.peak[resource];
			if (load.get(target.id)![resource] / capacityOf(target.host, resource) > world.config.monitoring.thresholds[resource] + 1e-9) {
				problems.push(`${vm.id} -> ${target.id} overfills ${resource}`);
			}
		}
	}

	return problems;
}

test('consolidation never places VMs whose peaks exceed a host, in random datacenters at every interval', t => {
	t.notThrows(() => {
		fc.assert(fc.property(datacenterArbitrary, input => {
			const {world, timeline} = build({...input, policy: 'consolidate'});
			runTicks(world, defaultStrategies, {
				ticks: 120,
				timeline,
				onTick(current) {
					if (current.tick % current.config.monitoring.intervalTicks === 0) {
						const problems = [...overfilled(current), ...invariantViolations(current)];
						if (problems.length > 0) {
							throw new Error(problems.join('; '));
						}
					}
				},
			});
		}), {numRuns: 40});
	});
});

test('on the low-utilisation datacenter, consolidation switches hosts off and saves energy', async t => {
	const {world, timeline} = await loadScenario({path: consolidationPath});
	const packed = runTicks(world, defaultStrategies, {ticks: 1800, timeline});
	const baseline = runTicks({...world, policy: 'none'}, defaultStrategies, {ticks: 1800, timeline});
	const off = packed.world.hosts.filter(host => host.state === 'off').length;
	t.true(off >= 3, `${off} hosts off`);
	t.true(packed.world.counters.energyKWh < baseline.world.counters.energyKWh * 0.9);
	t.true(packed.world.counters.consolidationRatioSum / 1800 > baseline.world.counters.consolidationRatioSum / 1800);
	t.deepEqual(invariantViolations(packed.world), []);
	t.true(packingHeadroom < 1);
});

test('consolidation powers a host back on (after its boot delay) when demand returns', t => {
	const {world, timeline} = build({
		version: 1,
		name: 'demand returns',
		policy: 'consolidate',
		power: {bootSeconds: 20},
		hosts: [{}, {}, {state: 'off'}],
		vmClasses: {
			app: {
				memoryMiB: 512, workload: {
					base: {
						cpu: 30, memory: 256, disk: 1, network: 1,
					},
				},
			},
		},
		vms: [{class: 'app', host: 'h01'}, {class: 'app', host: 'h01'}, {class: 'app', host: 'h02'}, {class: 'app', host: 'h02'}],
		timeline: [{
			tick: 30,
			command: {
				type: 'injectLoad', target: {kind: 'host', hostId: 'h01'}, resource: 'cpu', amount: 40, durationTicks: null,
			},
		}, {
			tick: 30,
			command: {
				type: 'injectLoad', target: {kind: 'host', hostId: 'h02'}, resource: 'cpu', amount: 40, durationTicks: null,
			},
		}],
	});
	const loaded = runTicks(world, defaultStrategies, {ticks: 200, timeline});
	const on = loaded.events.find(event => event.type === 'hostPoweredOn');
	const booted = loaded.events.find(event => event.type === 'hostBooted');
	t.truthy(on);
	t.true(booted !== undefined && on !== undefined && booted.tick - on.tick === 20);
	t.true(loaded.events.some(event => event.type === 'migrationStarted' && event.to === 'h03'));
});
