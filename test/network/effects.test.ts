import test from 'ava';
import {indexNetwork, reach} from '../../source/network/reach.js';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {stepInPlace} from '../../source/sim/step.js';
import type {
	Command, MigrationMode, SimEvent, World,
} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {networkViolations} from '../helpers/invariants.js';
import {build, steadyClass} from '../helpers/scenarios.js';

/** Four hosts on two racks; each VM sends 40 Mbit/s, so it holds 40 connections (1 Mbit/s each by default). */
function datacenter(): World {
	const input: ScenarioInput = {
		version: 1,
		name: 'effects',
		racks: [{id: 'r1', subnet: '10.1.0.0/24'}, {id: 'r2', subnet: '10.2.0.0/24'}],
		network: {networks: [{id: 'overlay', subnet: '10.9.0.0/24'}]},
		hosts: [{rack: 'r1'}, {rack: 'r1'}, {rack: 'r2'}, {rack: 'r2'}],
		vmClasses: {steady: steadyClass(10, 256, {network: 40})},
		vms: [
			{
				id: 'br', class: 'steady', host: 'h01', networkMode: 'bridged',
			},
			{
				id: 'nat', class: 'steady', host: 'h01', networkMode: 'nat', forwards: [{hostPort: 8080, vmPort: 80}, {hostPort: 2222, vmPort: 22}],
			},
			{
				id: 'ho', class: 'steady', host: 'h01', networkMode: 'host-only',
			},
			{
				id: 'cu', class: 'steady', host: 'h01', networkMode: 'custom', customNetwork: 'overlay',
			},
			{
				id: 'other', class: 'steady', host: 'h03', networkMode: 'nat', forwards: [{hostPort: 8080, vmPort: 80}],
			},
		],
	};
	return build(input).world;
}

function run(world: World, commands: Command[], ticks = 1): SimEvent[] {
	const events = stepInPlace(world, commands, defaultStrategies);
	for (let tick = 1; tick < ticks; tick++) {
		events.push(...stepInPlace(world, [], defaultStrategies));
	}

	return events;
}

/** Migrates a VM to the end and returns what happened on the way. */
function migrate(world: World, vmId: string, destinationHostId: string, mode: MigrationMode = 'precopy'): SimEvent[] {
	const events = run(world, [{
		type: 'requestMigration', vmId, destinationHostId, mode,
	}], 3);
	for (let tick = 0; tick < 300 && world.vms.find(vm => vm.id === vmId)!.migrationId !== null; tick++) {
		events.push(...run(world, []));
	}

	return events;
}

const vm = (world: World, id: string) => world.vms.find(candidate => candidate.id === id)!;
const moved = (events: SimEvent[]) => events.find(event => event.type === 'vmNetworkMoved');

test('bridged on the same subnet: the address stays, a gratuitous ARP moves the traffic, connections survive', t => {
	const world = datacenter();
	const before = vm(world, 'br').nics[0]!.ip;
	const events = migrate(world, 'br', 'h02');
	t.deepEqual(moved(events)?.type === 'vmNetworkMoved' && moved(events)!.effect, {kind: 'arp', ip: before});
	t.is(vm(world, 'br').nics[0]!.ip, before);
	t.is(world.counters.addressesChanged, 0);
	t.is(world.counters.connectionsDropped, 0);
	t.true(reach(indexNetwork(world), {kind: 'external'}, {kind: 'vm', vmId: 'br'}).reachable);
});

test('bridged to another subnet: the address changes and open connections drop', t => {
	const world = datacenter();
	const events = migrate(world, 'br', 'h03');
	const event = moved(events);
	t.true(event?.type === 'vmNetworkMoved' && event.effect.kind === 'readdressed');
	t.regex(vm(world, 'br').nics[0]!.ip, /^10\.2\.0\.\d+$/v);
	t.is(world.counters.addressesChanged, 1);
	t.is(world.counters.connectionsDropped, 40);
	t.deepEqual(networkViolations(world), []);
});

test('NAT: forwards are recreated on the destination (a taken port moves on), and the external address becomes the destination\'s', t => {
	const world = datacenter();
	const h03 = world.hosts.find(host => host.id === 'h03')!;
	const events = migrate(world, 'nat', 'h03');
	const event = moved(events);
	t.true(event?.type === 'vmNetworkMoved' && event.effect.kind === 'nat');
	if (event?.type !== 'vmNetworkMoved' || event.effect.kind !== 'nat') {
		return;
	}

	t.is(event.effect.toExternal, h03.addresses.ip);
	t.deepEqual(event.effect.forwards, [{vmPort: 80, fromHostPort: 8080, toHostPort: 8081}, {vmPort: 22, fromHostPort: 2222, toHostPort: 2222}]);
	t.deepEqual(world.forwards.filter(forward => forward.vmId === 'nat').map(forward => `${forward.hostId}:${forward.hostPort}`), ['h03:8081', 'h03:2222']);
	t.is(event.effect.connectionsDropped, 40);
	const path = reach(indexNetwork(world), {kind: 'external'}, {kind: 'vm', vmId: 'nat'}, 80);
	t.true(path.reachable && path.path.includes('host h03 NAT :8081'));
	t.deepEqual(networkViolations(world), []);
});

test('host-only: after the move the VM reaches only its new host', t => {
	const world = datacenter();
	migrate(world, 'ho', 'h02');
	const index = indexNetwork(world);
	t.true(reach(index, {kind: 'vm', vmId: 'ho'}, {kind: 'host', hostId: 'h02'}).reachable);
	t.false(reach(index, {kind: 'vm', vmId: 'ho'}, {kind: 'host', hostId: 'h01'}).reachable);
	t.is(world.counters.addressesChanged, 1);
});

test('custom networks span hosts: a move across racks changes nothing', t => {
	const world = datacenter();
	const before = vm(world, 'cu').nics[0]!.ip;
	const event = moved(migrate(world, 'cu', 'h04'));
	t.true(event?.type === 'vmNetworkMoved' && event.effect.kind === 'overlay');
	t.is(vm(world, 'cu').nics[0]!.ip, before);
	t.is(world.counters.connectionsDropped, 0);
});

test('post-copy: the network moves at the switch, before the push ends', t => {
	const world = datacenter();
	const events = migrate(world, 'br', 'h03', 'postcopy');
	const movedAt = events.findIndex(event => event.type === 'vmNetworkMoved');
	const completedAt = events.findIndex(event => event.type === 'migrationCompleted');
	t.true(movedAt !== -1 && completedAt > movedAt);
	t.is(events.filter(event => event.type === 'vmNetworkMoved').length, 1);
});

test('network commands: a mode change re-addresses the VM and drops its forwards; forwards only for NAT VMs and free ports', t => {
	const world = datacenter();
	// A few ticks first, so the VMs have traffic (and connections) to lose.
	run(world, [], 3);
	const events = run(world, [
		{
			type: 'addPortForward', vmId: 'nat', hostPort: 8080, vmPort: 443,
		},
		{
			type: 'addPortForward', vmId: 'br', hostPort: 9000, vmPort: 80,
		},
		{
			type: 'addPortForward', vmId: 'nat', hostPort: 9000, vmPort: 443,
		},
		{type: 'setNetworkMode', vmId: 'nat', mode: 'bridged'},
		{type: 'attachNetwork', vmId: 'br', network: 'overlay'},
		{type: 'detachNetwork', vmId: 'cu', network: 'overlay'},
		{type: 'removePortForward', hostId: 'h03', hostPort: 8080},
	]);
	const rejected = events.filter(event => event.type === 'commandRejected').map(event => event.type === 'commandRejected' ? event.reason : '');
	t.deepEqual(rejected, [
		'h01:8080 already forwards to nat:80',
		'br is bridged, not behind NAT: only NAT VMs need forwards',
		'overlay is cu\'s primary network: change its mode instead',
	]);
	t.true(events.some(event => event.type === 'portForwardAdded' && event.hostPort === 9000));
	t.deepEqual(world.forwards.map(forward => forward.vmId), [], 'nat left NAT with its three forwards; other\'s was removed');
	const change = events.find(event => event.type === 'networkModeChanged');
	t.true(change?.type === 'networkModeChanged' && change.toIp.startsWith('10.1.0.') && change.connectionsDropped === 40);
	t.is(vm(world, 'br').nics.length, 2);
	t.deepEqual(networkViolations(world), []);
});
