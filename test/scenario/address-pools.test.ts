/**
NAT and host-only pools grow with the datacenter: past the pool's own subnet (192.168.0.0/16 holds 256
host-only /24s) ranges go on in its growInto subnets, while the first hosts keep the ranges they had;
a datacenter that fits its pools builds as before, and only a truly exhausted pool is an error.
*/
import test from 'ava';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario, parseValueWith} from '../../source/scenario/parse-scenario.js';
import {hostRange} from '../../source/network/addressing.js';
import {buildNetwork} from '../../source/scenario/build-network.js';
import type {ScenarioIssue} from '../../source/scenario/build-world.js';
import {
	cloudsimScenario, maxGeneratedHosts, maxGeneratedVms, PlacementError,
} from '../../source/scenario/cloudsim-datacenter.js';
import {generateScenario} from '../../source/scenario/generate.js';
import {generatedPools} from '../../source/scenario/generated-network.js';
import {scenarioSchema, type ScenarioInput} from '../../source/scenario/schema.js';
import {expandTemplates} from '../../source/scenario/templates.js';
import type {Host} from '../../source/sim/types.js';

function build(hosts: number, network: Record<string, unknown> = {}, vms: unknown[] = []) {
	return buildScenario(parseScenario(JSON.stringify({
		version: 1,
		name: 'pools',
		racks: [{id: 'r1', subnet: '10.0.0.0/16'}],
		network,
		hosts: [{count: hosts}],
		vmClasses: {
			box: {
				memoryMiB: 256,
				networkMode: 'host-only',
				workload: {
					base: {
						cpu: 1, memory: 100, disk: 1, network: 1,
					},
				},
			},
		},
		vms,
	})));
}

test('past 256 hosts the host-only ranges go on in 100.64.0.0/11; the first 256 keep 192.168.0.0/16\'s', t => {
	const {world} = build(300, {}, [{class: 'box', host: 'h300'}]);
	const hostOnly = world.hosts.map(host => host.addresses.hostOnlySubnet);
	t.is(hostOnly[0], '192.168.0.0/24');
	t.is(hostOnly[255], '192.168.255.0/24');
	t.is(hostOnly[256], '100.64.0.0/24');
	t.is(hostOnly[299], '100.64.43.0/24');
	t.is(new Set(hostOnly).size, 300);
	t.is(world.hosts[299]!.addresses.natSubnet, '172.17.43.0/24', 'the NAT pool still has room');
	t.is(world.vms[0]!.nics[0]!.ip, '100.64.43.2', 'a VM on a grown range gets an address in it');
	t.deepEqual(world.config.network.hostOnlyPool, {subnet: '192.168.0.0/16', prefix: 24, growInto: ['100.64.0.0/11']});
	t.deepEqual(world.config.network.natPool, {subnet: '172.16.0.0/12', prefix: 24}, 'growth is kept only where used');
});

test('a datacenter that fits its pools gets the pools as written', t => {
	const {world} = build(256);
	t.deepEqual(world.config.network.hostOnlyPool, {subnet: '192.168.0.0/16', prefix: 24});
	t.is(world.hosts.at(-1)!.addresses.hostOnlySubnet, '192.168.255.0/24');
});

test('the template limit of 4096 hosts fits the default pools', t => {
	const {world} = build(4096, {}, []);
	t.is(world.hosts.at(-1)!.addresses.natSubnet, '172.31.255.0/24');
	t.is(world.hosts.at(-1)!.addresses.hostOnlySubnet, '100.78.255.0/24');
});

test('a pool grows into its own growInto subnets, in order', t => {
	const {world} = build(6, {hostOnlyPool: {subnet: '192.168.0.0/23', prefix: 24, growInto: ['192.168.8.0/24', '192.168.16.0/22']}});
	t.deepEqual(world.hosts.map(host => host.addresses.hostOnlySubnet), [
		'192.168.0.0/24', '192.168.1.0/24', '192.168.8.0/24', '192.168.16.0/24', '192.168.17.0/24', '192.168.18.0/24',
	]);
});

test('an exhausted pool, growth that overlaps another subnet and malformed growth are refused in one line', t => {
	const exhausted = t.throws(() => build(300, {hostOnlyPool: {subnet: '192.168.0.0/16', growInto: []}}));
	t.is(exhausted.message, 'network.hostOnlyPool: the host-only pool 192.168.0.0/16 holds 256 /24 ranges, and each of the 300 hosts needs one: add subnets to growInto or choose a longer prefix');
	const short = t.throws(() => build(5, {hostOnlyPool: {subnet: '192.168.0.0/23', growInto: ['192.168.4.0/24']}}));
	const grown = 'the host-only pool 192.168.0.0/23, grown into 192.168.4.0/24, holds 3 /24 ranges';
	t.is(short.message, `network.hostOnlyPool: ${grown}, and each of the 5 hosts needs one: add subnets to growInto or choose a longer prefix`);
	const overlapping = t.throws(() => build(3, {hostOnlyPool: {subnet: '192.168.0.0/23', growInto: ['10.0.9.0/24']}}));
	t.is(overlapping.message, 'network.hostOnlyPool.growInto[0]: 10.0.9.0/24 overlaps rack r1\'s 10.0.0.0/16');
	const defaultOverlap = t.throws(() => buildScenario(parseScenario(JSON.stringify({
		version: 1, name: 'pools', racks: [{id: 'r1', subnet: '100.64.0.0/16'}], hosts: [{count: 257}], vms: [],
	}))));
	t.is(defaultOverlap.message, 'network.hostOnlyPool.growInto: 100.64.0.0/11 overlaps rack r1\'s 100.64.0.0/16');
	const malformed = t.throws(() => build(2, {natPool: {subnet: '172.16.0.0/12', growInto: ['100.96.0.1/11']}}));
	t.true(malformed.message.startsWith('network.natPool.growInto[0]: 100.96.0.1/11 has host bits set'), `got: ${malformed.message}`);
});

test('unused growth is not checked against the other subnets: a scenario that fits builds as before', t => {
	t.notThrows(() => buildScenario(parseScenario(JSON.stringify({
		version: 1, name: 'pools', racks: [{id: 'r1', subnet: '100.64.0.0/16'}], hosts: [{count: 3}], vms: [],
	}))));
});

/**
Generated datacenters (`--trace-dir` with `--hosts`, the scale benchmarks) address any host count up
to maxGeneratedHosts: the NAT and host-only pools' ranges narrow as hosts grow, and racks hold their
hosts and the VMs those can take.
*/
const traces = [{name: 'a', values: [0.5, 0.6]}];

/**
The network a generated scenario builds: its racks and pools checked by the schema and buildNetwork as
any scenario's, for host records that hold only what addressing reads (building whole hosts takes seconds).
*/
function addressHosts(input: ScenarioInput): {hosts: Host[]; issues: ScenarioIssue[]} {
	// Only what addressing reads: a generated scenario is whole, with defaults a file may leave out but not write (monitoring.thresholds.memory's 1).
	const {scenario} = expandTemplates(parseValueWith(scenarioSchema, {
		version: 1, name: input.name, racks: input.racks, network: input.network, hosts: [{}], vms: [],
	}));
	const hosts = input.hosts.map((host, index) => ({
		id: `h${index + 1}`, rack: host.rack ?? scenario.racks[0]!.id, addresses: {ip: '', natSubnet: '', hostOnlySubnet: ''},
	}) as unknown as Host);
	const issues: ScenarioIssue[] = [];
	buildNetwork(scenario, hosts, [], issues);
	return {hosts, issues};
}

test(`CloudSim's benchmark datacenter of maxGeneratedHosts (${maxGeneratedHosts}) hosts gives each its own addresses`, t => {
	const {hosts, issues} = addressHosts(cloudsimScenario({traces, hosts: maxGeneratedHosts, vms: 1}));
	t.deepEqual(issues, []);
	t.is(hosts.length, maxGeneratedHosts);
	for (const field of ['ip', 'natSubnet', 'hostOnlySubnet'] as const) {
		t.is(new Set(hosts.map(host => host.addresses[field])).size, maxGeneratedHosts, `distinct ${field}`);
	}

	t.is(hosts.at(-1)!.addresses.natSubnet, '172.31.255.252/30', 'the NAT pool\'s last range');
});

test('a scale-test datacenter of maxGeneratedHosts hosts: pools with a range for each, racks that hold their hosts and VMs', t => {
	const input = generateScenario({hosts: maxGeneratedHosts, vms: 0});
	// The subnets' own checks (valid, no overlaps) without the hosts; the plan's sizes by counting.
	t.deepEqual(addressHosts({...input, hosts: []}).issues, []);
	const {natPool, hostOnlyPool} = generatedPools(maxGeneratedHosts);
	t.deepEqual(input.network, {natPool, hostOnlyPool});
	for (const pool of [natPool, hostOnlyPool]) {
		t.not(hostRange(pool, maxGeneratedHosts - 1), undefined, `the last host's range in ${pool.subnet}`);
	}

	const perRack = new Map<string, number>();
	for (const host of input.hosts) {
		perRack.set(host.rack!, (perRack.get(host.rack!) ?? 0) + 1);
	}

	t.true(input.racks!.length <= 256);
	// Sixteen addresses a host: its own and fifteen 256 MiB VMs in its 3840 MiB.
	t.true(Math.max(...perRack.values()) * 16 <= (2 ** 16) - 3);
});

test('the pools keep /28 ranges up to 65,536 hosts and narrow beyond; past the limit is refused', t => {
	for (const hosts of [1, 800, 65_536]) {
		t.deepEqual(generatedPools(hosts), {natPool: {subnet: '172.16.0.0/12', prefix: 28}, hostOnlyPool: {subnet: '100.64.0.0/10', prefix: 28}});
	}

	t.is(generatedPools(65_537).natPool.prefix, 29);
	t.is(generatedPools(maxGeneratedHosts).natPool.prefix, 30);
	t.is(maxGeneratedVms, maxGeneratedHosts * 6);
	t.throws(() => generatedPools(maxGeneratedHosts + 1), {instanceOf: RangeError});
	t.throws(() => cloudsimScenario({traces, hosts: maxGeneratedHosts + 1}), {instanceOf: PlacementError, message: `a generated datacenter has from 1 to ${maxGeneratedHosts} hosts, not ${maxGeneratedHosts + 1}`});
	t.throws(() => cloudsimScenario({traces, hosts: 1, vms: maxGeneratedVms + 1}), {instanceOf: PlacementError, message: `a generated datacenter has from 1 to ${maxGeneratedVms} VMs, not ${maxGeneratedVms + 1}`});
});
