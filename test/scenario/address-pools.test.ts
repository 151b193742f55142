/**
NAT and host-only pools grow with the datacenter: past the pool's own subnet (192.168.0.0/16 holds 256
host-only /24s) ranges go on in its growInto subnets, while the first hosts keep the ranges they had;
a datacenter that fits its pools builds as before, and only a truly exhausted pool is an error.
*/
import test from 'ava';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';

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
