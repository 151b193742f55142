import test from 'ava';
import {runTicks} from '../../source/sim/run.js';
import type {SimEvent} from '../../source/sim/types.js';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build} from '../helpers/scenarios.js';
import {
	ar1Forecast, kOfN, lag1Autocorrelation, mean, percentile, recentAr1Forecast, recentPercentile,
} from '../../source/policy/sandpiper/profile.js';
import {emptySeries, lastValues, pushToSeries} from '../../source/sim/series.js';
import {volume, volumeToSize} from '../../source/policy/sandpiper/volume.js';

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

// The statistics Sandpiper's profiles and volumes are made of (policy/sandpiper/profile.ts, volume.ts).
test('k-of-n: exactly k of the last n over the threshold is a hotspot, k - 1 is not, and older samples do not count', t => {
	t.true(kOfN([0.8, 0.5, 0.9, 0.5, 0.8], 0.75, 3, 5));
	t.false(kOfN([0.8, 0.5, 0.9, 0.5, 0.7], 0.75, 3, 5));
	t.false(kOfN([0.9, 0.9, 0.8, 0.5, 0.9, 0.5, 0.7], 0.75, 3, 5), 'two of the three overs are older than n');
	t.false(kOfN([0.75, 0.75, 0.75], 0.75, 3, 5), 'equal to the threshold is not over it');
	t.true(kOfN([0.9], 0.75, 1, 1));
});

test('AR(1) with phi = 0 predicts the mean; with phi near 1, the last value', t => {
	const series = [0.2, 0.4, 0.6, 0.8];
	t.is(ar1Forecast(series, 0), mean(series));
	t.true(Math.abs(ar1Forecast(series, 0.999_999) - 0.8) < 1e-6);
	t.is(ar1Forecast([], 0.5), 0);
});

test('the lag-1 autocorrelation is high for a trend, zero for a flat series, clamped to [0, 0.99]', t => {
	t.true(lag1Autocorrelation([1, 2, 3, 4, 5, 6, 7, 8]) > 0.5);
	t.is(lag1Autocorrelation([3, 3, 3, 3]), 0);
	t.is(lag1Autocorrelation([1, -1, 1, -1, 1, -1]), 0, 'an alternating series is clamped at 0');
	t.true(lag1Autocorrelation(Array.from({length: 100}, (_, index) => index)) <= 0.99);
});

test('percentiles interpolate between ranks', t => {
	t.is(percentile([5, 1, 3, 2, 4], 50), 3);
	t.is(percentile([1, 2, 3, 4, 5], 100), 5);
	t.is(percentile([1, 2], 95), 1.95);
	t.is(percentile([], 95), 0);
});

test('volume is the product of 1 / (1 - u): (0.5, 0.5, 0.5) gives 8 and (0.9, 0, 0) gives 10', t => {
	t.is(volume([0.5, 0.5, 0.5]), 8);
	t.true(Math.abs(volume([0.9, 0, 0]) - 10) < 1e-9);
	t.is(volume([0.75, 0.75, 0]), 16);
	t.true(Math.abs(volume([1, 0, 0]) - 100) < 1e-9, 'each u is clamped to 0.99');
	t.true(Math.abs(volumeToSize([0.5, 0.5, 0.5], 512) - (8 / 512)) < 1e-12);
});

test('the fast path for high percentiles agrees with sorting, whatever the values', t => {
	const sortedPercentile = (values: number[], p: number) => {
		const sorted = values.toSorted((a, b) => a - b);
		const rank = (p / 100) * (sorted.length - 1);
		const low = Math.floor(rank);
		return sorted[low]! + ((sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low));
	};

	for (let seed = 1; seed < 200; seed++) {
		const length = 1 + (seed % 70);
		const values = Array.from({length}, (_, index) => Math.sin((seed * 7.1) + (index * 3.3)) * 100);
		for (const p of [50, 80, 90, 95, 99, 100]) {
			t.true(Math.abs(percentile(values, p) - sortedPercentile(values, p)) < 1e-9, `n ${length}, p ${p}`);
		}
	}
});

test('statistics read in place from a ring agree with those of the copied window', t => {
	for (let length = 1; length < 80; length += 3) {
		const ring = emptySeries();
		for (let index = 0; index < length; index++) {
			pushToSeries(ring, (Math.cos(index * 1.7) * 10) + (index / 5), 60);
		}

		for (const window of [1, 5, 30, 60]) {
			const copy = lastValues(ring, window);
			t.true(Math.abs(recentPercentile(ring, window, 95) - percentile(copy, 95)) < 1e-9, `percentile, ${length} samples, window ${window}`);
			t.true(Math.abs(recentAr1Forecast(ring, window) - ar1Forecast(copy)) < 1e-9, `forecast, ${length} samples, window ${window}`);
		}
	}
});
