/**
Generated datacenters (`--trace-dir` with `--hosts`, the scale benchmarks) address any host count up
to maxGeneratedHosts: the NAT and host-only pools' ranges narrow as hosts grow, and racks hold their
hosts and the VMs those can take.
*/
import test from 'ava';
import {hostRange} from '../../source/network/addressing.js';
import {buildNetwork} from '../../source/scenario/build-network.js';
import type {ScenarioIssue} from '../../source/scenario/build-world.js';
import {
	cloudsimScenario, maxGeneratedHosts, maxGeneratedVms, PlacementError,
} from '../../source/scenario/cloudsim-datacenter.js';
import {generateScenario} from '../../source/scenario/generate.js';
import {generatedPools} from '../../source/scenario/generated-network.js';
import {parseValueWith} from '../../source/scenario/parse-scenario.js';
import {scenarioSchema, type ScenarioInput} from '../../source/scenario/schema.js';
import {expandTemplates} from '../../source/scenario/templates.js';
import type {Host} from '../../source/sim/types.js';

const traces = [{name: 'a', values: [0.5, 0.6]}];

/**
The network a generated scenario builds: its racks and pools checked by the schema and buildNetwork as
any scenario's, for host records that hold only what addressing reads (building whole hosts takes seconds).
*/
function addressHosts(input: ScenarioInput): {hosts: Host[]; issues: ScenarioIssue[]} {
	const {scenario} = expandTemplates(parseValueWith(scenarioSchema, {...input, hosts: [{}], vms: []}));
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
