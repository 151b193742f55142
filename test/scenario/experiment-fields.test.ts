/**
The scenario fields real experiments set: a memory threshold, the overload yardstick's own section,
a migration NIC and migration limits per host (from host defaults and templates too); and the
experiment fixtures built from them hold the datacenters their descriptions name.
*/
import test from 'ava';
import {buildScenario, loadScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';

const fixture = (name: string) => new URL(`../../fixtures/scenarios/${name}.json`, import.meta.url).pathname;

test('memory threshold, metrics, migration NICs and limits parse, from host defaults and templates too', t => {
	const {world} = buildScenario(parseScenario(JSON.stringify({
		version: 1,
		name: 'experiment fields',
		monitoring: {thresholds: {memory: 0.9}},
		metrics: {
			k: 2, n: 4, thresholds: {cpu: 0.9}, episodeHoldIntervals: 6, cameBackSeconds: 60,
		},
		hostDefaults: {capacity: {migrationNetworkMbps: 10_000}, migrationLimits: {out: 2, in: 2}},
		hosts: [{count: 2}, {
			id: 'scratch', role: 'scratch', capacity: {migrationNetworkMbps: 1000}, migrationLimits: {out: 3, in: 3},
		}],
		vms: [],
	})));
	t.is(world.config.monitoring.thresholds.memory, 0.9);
	t.like(world.config.metrics, {
		k: 2, n: 4, episodeHoldIntervals: 6, cameBackSeconds: 60, thresholds: {cpu: 0.9, memory: 0.9, network: 0.75},
	});
	t.deepEqual(world.hosts.map(host => [host.id, host.capacity.migrationNetworkMbps, host.migrationLimits]), [
		['h01', 10_000, {out: 2, in: 2}], ['h02', 10_000, {out: 2, in: 2}], ['scratch', 1000, {out: 3, in: 3}],
	]);
});

test('without them a scenario keeps the defaults: memory never hot, the monitor\'s yardstick, a shared NIC', t => {
	const {world} = buildScenario(parseScenario(JSON.stringify({
		version: 1, name: 'defaults', hosts: [{}], vms: [],
	})));
	t.is(world.config.monitoring.thresholds.memory, 1);
	t.like(world.config.metrics, {k: 3, n: 5, episodeHoldIntervals: 5});
	t.is(world.hosts[0]!.capacity.migrationNetworkMbps, null);
	t.is(world.hosts[0]!.migrationLimits, null);
});

test('scale-256 is the default datacenter sixteen times: 256 workers in 4 racks, a scratch host, 560 VMs', async t => {
	const {world} = await loadScenario({path: fixture('scale-256')});
	const workers = world.hosts.filter(host => host.role === 'worker');
	t.is(workers.length, 256);
	t.deepEqual([...new Set(workers.map(host => host.rack))], ['r01', 'r02', 'r03', 'r04']);
	t.is(world.vms.length, 560);
	t.is(world.vms.reduce((sum, vm) => sum + vm.memoryMiB, 0), 16 * 19_456, 'sixteen times the default\'s memory');
	t.is(world.hosts.at(-1)!.addresses.hostOnlySubnet, '100.64.0.0/24', 'host 257 has a grown range');
});

test('full-datacenter-swaps leaves no worker any memory to spare, and the scratch host all of its own', async t => {
	const {world} = await loadScenario({path: fixture('full-datacenter-swaps')});
	for (const host of world.hosts) {
		const allocated = world.vms.filter(vm => vm.hostId === host.id).reduce((sum, vm) => sum + vm.memoryMiB, 0);
		t.is(allocated, host.role === 'worker' ? host.capacity.memoryMiB - host.capacity.hypervisorReserveMiB : 0, `${host.id}`);
	}
});
