import test from 'ava';
import fc from 'fast-check';
import {formatMac} from '../../source/network/addressing.js';
import {generateScenario} from '../../source/scenario/generate.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {datacenterArbitrary} from '../helpers/arbitraries.js';
import {networkViolations} from '../helpers/invariants.js';
import {build} from '../helpers/scenarios.js';
import {
	cidrProblem, contains, formatIp, overlaps, parseCidr, parseIp, subBlock,
} from '../../source/network/ipv4.js';

test('random datacenters: every address and MAC is unique and on the subnet its mode and host give it', t => {
	t.notThrows(() => {
		fc.assert(fc.property(datacenterArbitrary, input => {
			const {world} = build(input);
			const problems = networkViolations(world);
			if (problems.length > 0) {
				throw new Error(problems.join('; '));
			}
		}), {numRuns: 150});
	});
});

test('generated datacenters up to 2,000 hosts and 10,000 VMs are addressed without a clash', t => {
	for (const [hosts, vms] of [[3, 10], [600, 3000], [2000, 10_000]] as const) {
		const {world} = build(generateScenario({hosts, vms}));
		t.deepEqual(networkViolations(world), [], `${hosts} hosts`);
		t.is(new Set(world.hosts.map(host => host.rack)).size, Math.ceil(hosts / 500));
	}
});

test('the default scenario: bridged VMs on their rack, NAT VMs in their host\'s range behind its address, MACs under Xen\'s prefix', async t => {
	const {world} = await loadScenario();
	const vm = (id: string) => world.vms.find(candidate => candidate.id === id)!;
	const host = (id: string) => world.hosts.find(candidate => candidate.id === id)!;
	t.is(host('h01').addresses.ip, '10.1.0.2');
	t.is(host('h09').addresses.ip, '10.2.0.2');
	t.is(host('h01').addresses.natSubnet, '172.16.0.0/24');
	t.is(vm('vm04').nics[0]!.mode, 'bridged');
	t.regex(vm('vm04').nics[0]!.ip, /^10\.1\.0\.\d+$/v);
	t.is(vm('vm02').nics[0]!.mode, 'nat');
	t.regex(vm('vm02').nics[0]!.ip, /^172\.16\.0\.\d+$/v);
	t.is(vm('vm01').nics[0]!.mode, 'host-only');
	t.regex(vm('vm01').nics[0]!.ip, /^192\.168\.0\.\d+$/v);
	t.true(world.vms.every(candidate => candidate.nics[0]!.mac.startsWith('00:16:3e:')));
	t.deepEqual(world.forwards.filter(forward => forward.vmId === 'vm02'), [{
		hostId: 'h01', hostPort: 8002, vmId: 'vm02', vmPort: 80,
	}]);
});

test('MACs: the family\'s prefix and the serial in three bytes', t => {
	t.is(formatMac('kvm', 1), '52:54:00:00:00:01');
	t.is(formatMac('esxi', 0x01_02_03), '00:50:56:01:02:03');
	t.is(formatMac('hyper-v', 255), '00:15:5d:00:00:ff');
});

test('a scenario\'s own MAC is kept, and generated ones go round it', t => {
	const steady = {
		memoryMiB: 256, workload: {
			base: {
				cpu: 1, memory: 100, disk: 0, network: 0,
			},
		},
	};
	const {world} = build({
		version: 1,
		name: 'macs',
		hostDefaults: {hypervisor: {family: 'kvm'}},
		hosts: [{}],
		vmClasses: {steady},
		vms: [{class: 'steady', host: 'h01'}, {class: 'steady', host: 'h01', mac: '52:54:00:00:00:01'}],
	});
	t.is(world.vms[1]!.nics[0]!.mac, '52:54:00:00:00:01');
	t.is(world.vms[0]!.nics[0]!.mac, '52:54:00:00:00:02');
});

// IPv4 arithmetic the addressing is built on (network/ipv4.ts).
test('addresses parse and format back, and bad ones are refused', t => {
	for (const text of ['0.0.0.0', '10.1.0.2', '255.255.255.255', '203.0.113.77']) {
		t.is(formatIp(parseIp(text)!), text);
	}

	for (const text of ['10.1.0', '10.1.0.256', '10.1.0.2.3', 'a.b.c.d', '10.1.0.-1']) {
		t.is(parseIp(text), undefined, `${text} is refused`);
	}
});

test('subnets: host bits are named, overlaps and containment follow the prefix', t => {
	t.is(cidrProblem('10.1.0.0/24'), undefined);
	t.is(cidrProblem('10.1.0.5/24'), '10.1.0.5/24 has host bits set: the network is 10.1.0.0/24');
	t.is(cidrProblem('10.1.0.0/33'), 'expected a subnet like 10.1.0.0/24, got 10.1.0.0/33');
	const rack = parseCidr('10.1.0.0/24')!;
	t.true(overlaps(rack, parseCidr('10.1.0.128/25')!));
	t.true(overlaps(parseCidr('10.0.0.0/8')!, rack));
	t.false(overlaps(rack, parseCidr('10.1.1.0/24')!));
	t.true(contains(rack, parseIp('10.1.0.255')!));
	t.false(contains(rack, parseIp('10.1.1.0')!));
});

test('a pool is carved into per-host blocks by index, and runs out', t => {
	const pool = parseCidr('172.16.0.0/12')!;
	t.is(formatIp(subBlock(pool, 24, 0)!.base), '172.16.0.0');
	t.is(formatIp(subBlock(pool, 24, 257)!.base), '172.17.1.0');
	t.is(subBlock(pool, 24, 4096), undefined);
	t.is(subBlock(pool, 8, 0), undefined, 'a block cannot be larger than its pool');
});
