import test from 'ava';
import {runTicks} from '../../source/sim/run.js';
import type {SimEvent} from '../../source/sim/types.js';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build} from '../helpers/scenarios.js';

/** Steady VMs (no shapes) and no hypervisor overhead, so utilisations are exact. */
function datacenter(hosts: ScenarioInput['hosts'], vms: Array<{host: string; cpu: number; memoryMiB: number; network?: number}>, policy = 'sandpiper'): ScenarioInput {
	return {
		version: 1,
		name: 'planner',
		policy,
		overhead: {baseCpuUnits: 0, cpuUnitsPer100Mbps: 0, migrationCpuUnits: 0},
		hosts,
		vms: vms.map(vm => ({
			host: vm.host, memoryMiB: vm.memoryMiB, workload: {
				base: {
					cpu: vm.cpu, memory: vm.memoryMiB / 2, disk: 0, network: vm.network ?? 0,
				},
			},
		})),
	};
}

function run(input: ScenarioInput, ticks = 40): {events: SimEvent[]; world: ReturnType<typeof runTicks>['world']} {
	const {world, timeline} = build(input);
	return runTicks(world, defaultStrategies, {ticks, timeline});
}

function ofType<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Array<Extract<SimEvent, {type: T}>> {
	return events.filter((event): event is Extract<SimEvent, {type: T}> => event.type === type);
}

test('a hot host is detected after k of n intervals with the forecast agreeing, and reported once', t => {
	const {events} = run(datacenter([{}, {}], [{host: 'h01', cpu: 85, memoryMiB: 512}, {host: 'h01', cpu: 0, memoryMiB: 1280}]), 60);
	const detected = ofType(events, 'hotspotDetected');
	t.is(detected.length, 1);
	t.like(detected[0], {tick: 14, hostId: 'h01', resource: 'cpu'});
	t.deepEqual(detected[0]!.samples, [0.85, 0.85, 0.85]);
});

test('the VM with the highest volume-to-size ratio moves, to the least-volume host', t => {
	const {events, world} = run(datacenter([{}, {}, {}], [
		{host: 'h01', cpu: 50, memoryMiB: 512},
		{host: 'h01', cpu: 35, memoryMiB: 256},
		{host: 'h02', cpu: 10, memoryMiB: 256},
		{host: 'h03', cpu: 30, memoryMiB: 256},
	]));
	const [planned] = ofType(events, 'migrationPlanned');
	t.like(planned, {vmId: 'vm02', from: 'h01', to: 'h02'});
	t.is(world.vms[1]!.hostId, 'h02');
	t.like(ofType(events, 'hotspotResolved')[0], {hostId: 'h01', resource: 'cpu'});
});

test('a destination that the VM\'s peak would push over a threshold is refused', t => {
	const {events} = run(datacenter([{}, {}, {}], [
		{host: 'h01', cpu: 50, memoryMiB: 512},
		{host: 'h01', cpu: 35, memoryMiB: 256},
		{host: 'h02', cpu: 45, memoryMiB: 128},
		{host: 'h03', cpu: 20, memoryMiB: 1280},
	]));
	const [planned] = ofType(events, 'migrationPlanned');
	t.like(planned, {vmId: 'vm02', to: 'h03'}, 'h02 has the least volume but would reach 80 % CPU');
});

test('when no single move helps, two VMs swap places through the scratch host', t => {
	const {events, world} = run(datacenter([{}, {}, {}, {id: 'scratch', role: 'scratch'}], [
		{host: 'h01', cpu: 60, memoryMiB: 768},
		{host: 'h01', cpu: 25, memoryMiB: 768},
		{host: 'h02', cpu: 5, memoryMiB: 1024},
		{host: 'h02', cpu: 5, memoryMiB: 512},
		{host: 'h03', cpu: 70, memoryMiB: 1792},
	]), 120);
	const [swap] = ofType(events, 'swapPlanned');
	t.like(swap, {
		vmId: 'vm01', from: 'h01', to: 'h02', swappedVmIds: ['vm03'], via: 'scratch',
	});
	t.deepEqual(ofType(events, 'migrationStarted').map(event => `${event.vmId}:${event.from}->${event.to}`), ['vm01:h01->scratch', 'vm03:h02->h01', 'vm01:scratch->h02']);
	t.is(world.vms[0]!.hostId, 'h02');
	t.is(world.vms[2]!.hostId, 'h01');
	t.false(world.hosts[0]!.sustainedOverload);
});

test('a host that nothing can cure is reported with the reason, once while it lasts', t => {
	const {events} = run(datacenter([{}, {}], [
		{host: 'h01', cpu: 80, memoryMiB: 768},
		{host: 'h02', cpu: 70, memoryMiB: 256},
	], 'sandpiper'), 80);
	const rejections = ofType(events, 'planRejected');
	t.is(rejections.length, 1);
	t.like(rejections[0], {hostId: 'h01'});
	t.regex(rejections[0]!.reason, /no host has 768 MiB free under the CPU threshold for vm01; no scratch host is free for a swap/v);
});

test('memory-bound: no host with enough free memory is named as such', t => {
	const {events} = run(datacenter([{}, {}], [
		{host: 'h01', cpu: 80, memoryMiB: 1024},
		{host: 'h02', cpu: 10, memoryMiB: 1536},
	]), 40);
	t.regex(ofType(events, 'planRejected')[0]!.reason, /^no host has 1024 MiB free for vm01/v);
});

test('an idle datacenter yields no plan, no events and no migration', t => {
	const {events} = run(datacenter([{}, {}, {}], [{host: 'h01', cpu: 5, memoryMiB: 512}, {host: 'h02', cpu: 0, memoryMiB: 512}]), 200);
	t.deepEqual(events, []);
});

test('limits: with perHostOut 1, one migration out of a host at a time, and a cooldown after it', t => {
	const {events} = run({
		...datacenter([{}, {}, {}, {}], [
			{host: 'h01', cpu: 30, memoryMiB: 256},
			{host: 'h01', cpu: 30, memoryMiB: 256},
			{host: 'h01', cpu: 30, memoryMiB: 256},
			{host: 'h01', cpu: 30, memoryMiB: 256},
		]),
		manager: {perHostOut: 1},
	}, 120);
	const planned = ofType(events, 'migrationPlanned');
	t.true(planned.length >= 2);
	t.true(planned[1]!.tick - planned[0]!.tick >= 30, `second move at ${planned[1]!.tick}, first at ${planned[0]!.tick}`);
	t.not(planned[0]!.to, planned[1]!.to, 'the first destination is cooling down too');
});

test('gray-box sees a working set outgrow its allocation and acts before it swaps, sized for its trend: in place when its host has the memory, else by a move; black-box only after', t => {
	const input = (policy: string, neighbourMiB = 1024): ScenarioInput => ({
		version: 1,
		name: 'memory',
		policy,
		overhead: {baseCpuUnits: 0, cpuUnitsPer100Mbps: 0, migrationCpuUnits: 0},
		hosts: [{}, {}],
		vms: [
			{
				host: 'h01', memoryMiB: 512, workload: {
					base: {
						cpu: 20, memory: 400, disk: 0, network: 0,
					}, shapes: [{
						kind: 'ramp', startTick: 20, endTick: 220, fromFactor: 1, toFactor: 1.6, resources: ['memory'],
					}],
				},
			},
			{
				host: 'h01', memoryMiB: neighbourMiB, workload: {
					base: {
						cpu: 10, memory: 500, disk: 0, network: 0,
					},
				},
			},
		],
	});
	// Its neighbour leaves h01 256 MiB free: less than the trend asks (the working set grows 6 MiB an
	// interval, carried 60 intervals ahead), so gray-box moves it; black-box, later, grows it by 20 % in place.
	const gray = run(input('sandpiper-gray'), 400);
	const black = run(input('sandpiper'), 400);
	const grayMove = ofType(gray.events, 'migrationPlanned')[0];
	const blackResize = ofType(black.events, 'vmResized')[0];
	t.regex(grayMove?.reason ?? '', /memory pressure on vm01: 512 -> \d+ MiB/v);
	t.like(blackResize, {vmId: 'vm01', fromMiB: 512, toMiB: 615}, 'black-box grows the allocation by the headroom, in place');
	t.true(grayMove!.tick < blackResize!.tick, `gray-box at ${grayMove!.tick}, black-box at ${blackResize!.tick}`);
	t.true(gray.world.vms[0]!.memoryMiB >= 640 * 1.2, 'sized for the peak the ramp reaches, so it moves once');
	t.is(ofType(gray.events, 'migrationPlanned').length, 1);
	t.true(gray.world.counters.sustainedOverloadIntervals < black.world.counters.sustainedOverloadIntervals);
	// With a smaller neighbour, h01 has the memory: gray-box grows the VM in place and moves nothing.
	const roomy = run(input('sandpiper-gray', 512), 400);
	t.is(ofType(roomy.events, 'migrationPlanned').length, 0);
	t.like(ofType(roomy.events, 'vmResized').find(event => event.vmId === 'vm01'), {hostId: 'h01', fromMiB: 512, toMiB: 988});
});

test('keepBridgedAddress: a bridged VM goes to its own rack when a host there fits, though another rack\'s has less volume', t => {
	const input = {
		...datacenter([{rack: 'r1'}, {rack: 'r2'}, {rack: 'r1'}], [
			{host: 'h01', cpu: 50, memoryMiB: 512},
			{host: 'h01', cpu: 35, memoryMiB: 256},
			{host: 'h02', cpu: 10, memoryMiB: 256},
			{host: 'h03', cpu: 30, memoryMiB: 256},
		]),
		racks: [{id: 'r1', subnet: '10.1.0.0/24'}, {id: 'r2', subnet: '10.2.0.0/24'}],
	};
	const paper = ofType(run(input).events, 'migrationPlanned')[0];
	t.like(paper, {vmId: 'vm02', to: 'h02'}, 'the paper\'s planner: the least volume, on the other rack');
	const keeping = run({...input, manager: {keepBridgedAddress: true}});
	t.like(ofType(keeping.events, 'migrationPlanned')[0], {vmId: 'vm02', to: 'h03'});
	const effect = ofType(keeping.events, 'vmNetworkMoved')[0]?.effect;
	t.is(effect?.kind, 'arp', 'the VM kept its address');
});
