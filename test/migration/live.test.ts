import test from 'ava';
import fc from 'fast-check';
import {
	blankMigration, compareMigrations, defaultMigrationConfig, liveRateMiBps, runToEnd,
} from '../../source/migration/compare.js';
import {postcopy} from '../../source/migration/postcopy.js';
import {precopy} from '../../source/migration/precopy.js';
import {runTicks} from '../../source/sim/run.js';
import type {SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {invariantViolations} from '../helpers/invariants.js';
import {build, scenarioInput} from '../helpers/scenarios.js';

const rate = 112.5;
const config = defaultMigrationConfig;

function within(t: {true: (value: boolean, message?: string) => void}, actual: number, expected: number, share: number, what: string): void {
	t.true(Math.abs(actual - expected) <= share * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

test('dirty rate 0: pre-copy sends exactly the memory in one round, an empty stop-and-copy, and takes M / R + resume', t => {
	const {precopy: result} = compareMigrations({
		memoryMiB: 1024, wwsMiB: 0, dirtyRateMiBps: 0, bandwidthMbps: 1000,
	});
	t.is(result.dataMiB, 1024);
	t.is(result.rounds.length, 2);
	t.is(result.rounds[1]!.dataMiB, 0);
	t.true(Math.abs(result.totalSeconds - ((1024 / rate) + 0.01)) < 1e-9);
	t.true(Math.abs(result.downtimeSeconds - 0.01) < 1e-9);
});

test('dirtying at or above the link rate: pre-copy gives up early and the downtime grows to seconds (Clark\'s diabolical workload)', t => {
	const {precopy: result} = compareMigrations({
		memoryMiB: 1024, wwsMiB: 0, dirtyRateMiBps: 200, bandwidthMbps: 1000,
	});
	t.true(result.rounds.length <= 3);
	t.true(result.downtimeSeconds > 3, `downtime ${result.downtimeSeconds}`);
	t.true(result.dataMiB <= 3 * 1024);
});

test('the four workload classes reproduce models.md 2.4 (data, time, downtime) within 10 %', t => {
	const table = [
		{
			memoryMiB: 256, wwsMiB: 4, dirtyRateMiBps: 0.5, data: 269.2, time: 2.4, downtime: 0.046,
		},
		{
			memoryMiB: 512, wwsMiB: 16, dirtyRateMiBps: 2, data: 569.8, time: 5.08, downtime: 0.155,
		},
		{
			memoryMiB: 768, wwsMiB: 48, dirtyRateMiBps: 5, data: 952.1, time: 8.47, downtime: 0.457,
		},
		{
			memoryMiB: 1024, wwsMiB: 256, dirtyRateMiBps: 20, data: 2111.3, time: 18.78, downtime: 2.81,
		},
	];
	for (const row of table) {
		const {precopy: result} = compareMigrations({...row, bandwidthMbps: 1000});
		within(t, result.dataMiB, row.data, 0.1, `${row.memoryMiB} MiB data`);
		within(t, result.totalSeconds, row.time, 0.1, `${row.memoryMiB} MiB time`);
		within(t, result.downtimeSeconds, row.downtime, 0.1, `${row.memoryMiB} MiB downtime`);
	}
});

test('CloudSim parity: 1024 MiB at 1 Gbit/s takes about 16.4 s, in the teaching model and in the simulation', t => {
	within(t, compareMigrations({
		memoryMiB: 1024, wwsMiB: 0, dirtyRateMiBps: 0, bandwidthMbps: 1000,
	}).cloudsim.totalSeconds, 16.4, 0.01, 'teaching');
	const {world} = build(scenarioInput({
		semantics: 'cloudsim',
		migration: {defaultMode: 'cloudsim'},
		vmClasses: {
			a: {
				memoryMiB: 1024, wwsMiB: 256, coldDirtyMiBps: 20, workload: {
					base: {
						cpu: 10, memory: 500, disk: 0, network: 0,
					},
				},
			},
		},
		vms: [{class: 'a', host: 'h01'}],
	}));
	const {events} = runTicks(world, defaultStrategies, {
		ticks: 30, timeline: [{
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: null,
			},
		}],
	});
	const completed = events.find(event => event.type === 'migrationCompleted');
	// 1,024 MB at 62.5 MB/s, no resume: CloudSim's migration has no downtime.
	t.true(completed?.type === 'migrationCompleted' && completed.mode === 'cloudsim' && Math.abs(completed.durationSeconds - 16.384) < 1e-9 && completed.downtimeSeconds === 0, `completed: ${JSON.stringify(completed)}`);
});

const vmArbitrary = fc.record({
	memoryMiB: fc.integer({min: 64, max: 4096}),
	wwsShare: fc.double({min: 0, max: 0.6, noNaN: true}),
	dirtyRateMiBps: fc.double({min: 0, max: 300, noNaN: true}),
	bandwidthMbps: fc.constantFrom(100, 1000, 10_000),
});

test('properties: pre-copy sends at least the memory, post-copy exactly the memory, and neither depends on the tick length', t => {
	t.notThrows(() => {
		fc.assert(fc.property(vmArbitrary, fc.double({min: 0.05, max: 300, noNaN: true}), (vm, tickSeconds) => {
			const wwsMiB = vm.memoryMiB * vm.wwsShare;
			const linkRate = liveRateMiBps(vm.bandwidthMbps);
			const whole = runToEnd(precopy, blankMigration('precopy', vm.memoryMiB, wwsMiB, vm.dirtyRateMiBps), linkRate, config, wwsMiB).migration;
			if (whole.sentMiB < vm.memoryMiB - 1e-6) {
				throw new Error(`pre-copy sent ${whole.sentMiB} of ${vm.memoryMiB}`);
			}

			let ticked = precopy.begin(blankMigration('precopy', vm.memoryMiB, wwsMiB, vm.dirtyRateMiBps), config);
			for (let tick = 0; tick < 1_000_000; tick++) {
				const step = precopy.advance(ticked, {
					rateMiBps: linkRate, tickSeconds, config, workingSetMiB: wwsMiB,
				});
				ticked = step.migration;
				if (step.finished) {
					break;
				}
			}

			if (Math.abs(ticked.sentMiB - whole.sentMiB) > 1e-6 * whole.sentMiB || Math.abs(ticked.elapsedSeconds - whole.elapsedSeconds) > 1e-6 * whole.elapsedSeconds) {
				throw new Error(`a ${tickSeconds} s tick gave ${ticked.sentMiB} MiB in ${ticked.elapsedSeconds} s, one step ${whole.sentMiB} in ${whole.elapsedSeconds}`);
			}

			const post = runToEnd(postcopy, blankMigration('postcopy', vm.memoryMiB, wwsMiB, vm.dirtyRateMiBps), linkRate, config, wwsMiB).migration;
			if (Math.abs(post.sentMiB - vm.memoryMiB) > 1e-6) {
				throw new Error(`post-copy sent ${post.sentMiB} of ${vm.memoryMiB}`);
			}
		}), {numRuns: 200});
	});
});

test('property: for a write-heavy VM, post-copy\'s downtime is below pre-copy\'s', t => {
	t.notThrows(() => {
		fc.assert(fc.property(vmArbitrary, vm => {
			fc.pre(vm.wwsShare > 0.05 && vm.memoryMiB * vm.wwsShare > 16);
			const result = compareMigrations({
				memoryMiB: vm.memoryMiB, wwsMiB: vm.memoryMiB * vm.wwsShare, dirtyRateMiBps: vm.dirtyRateMiBps, bandwidthMbps: vm.bandwidthMbps,
			});
			if (result.postcopy.downtimeSeconds >= result.precopy.downtimeSeconds) {
				throw new Error(`post-copy ${result.postcopy.downtimeSeconds} s, pre-copy ${result.precopy.downtimeSeconds} s`);
			}
		}), {numRuns: 200});
	});
});

function memoryHeavy() {
	return build(scenarioInput({
		hosts: [{}, {}, {}],
		vmClasses: {
			heavy: {
				memoryMiB: 1024, wwsMiB: 256, coldDirtyMiBps: 20, workload: {
					base: {
						cpu: 20, memory: 800, disk: 0, network: 0,
					},
				},
			},
		},
		vms: [{class: 'heavy', host: 'h01'}],
	}));
}

function typesOf(events: readonly SimEvent[]): string[] {
	return events.filter(event => event.type.startsWith('migration') || event.type === 'vmLost').map(event => event.type === 'migrationPhaseChanged' ? `${event.type}:${event.phase}` : event.type);
}

test('a pre-copy in the simulation logs its rounds, pauses the VM only for the stop-and-copy and lands on the destination', t => {
	const {world} = memoryHeavy();
	const paused: number[] = [];
	const {events, world: after} = runTicks(world, defaultStrategies, {
		ticks: 30,
		timeline: [{
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'precopy',
			},
		}],
		onTick(current) {
			if (current.vms[0]!.state === 'paused') {
				paused.push(current.tick - 1);
			}
		},
	});
	t.deepEqual(typesOf(events), ['migrationStarted', 'migrationRound', 'migrationRound', 'migrationRound', 'migrationPhaseChanged:stop-and-copy', 'migrationCompleted']);
	const completed = events.find(event => event.type === 'migrationCompleted');
	t.true(completed?.type === 'migrationCompleted' && Math.abs(completed.downtimeSeconds - 2.81) < 0.1, `completed: ${JSON.stringify(completed)}`);
	t.true(paused.length <= 3, `paused during ${paused.join(', ')}`);
	t.is(after.vms[0]!.hostId, 'h02');
});

test('a failed destination aborts a pre-copy and the VM runs on at its source', t => {
	const {world} = memoryHeavy();
	const {events, world: after} = runTicks(world, defaultStrategies, {
		ticks: 20,
		timeline: [
			{
				tick: 0, command: {
					type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'precopy',
				},
			},
			{tick: 5, command: {type: 'failHost', hostId: 'h02'}},
		],
	});
	t.true(typesOf(events).includes('migrationAborted'));
	t.like(after.vms[0], {hostId: 'h01', state: 'running', migrationId: null});
	t.deepEqual(invariantViolations(after), []);
});

for (const failed of ['h01', 'h02']) {
	test(`post-copy: the VM runs on the destination at once, and a failure of ${failed === 'h01' ? 'the source' : 'the destination'} before the push ends loses it`, t => {
		const {world} = memoryHeavy();
		const hosts: string[] = [];
		const {events, world: after} = runTicks(world, defaultStrategies, {
			ticks: 20,
			timeline: [
				{
					tick: 0, command: {
						type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'postcopy',
					},
				},
				{tick: 4, command: {type: 'failHost', hostId: failed}},
			],
			onTick(current) {
				hosts.push(current.vms[0]!.hostId);
			},
		});
		t.is(hosts[0], 'h02', 'switched in the first tick');
		t.deepEqual(typesOf(events), ['migrationStarted', 'migrationPhaseChanged:postcopy', 'migrationFailed', 'vmLost']);
		t.like(after.vms[0], {state: 'lost', migrationId: null});
		t.regex(after.vms[0]!.lostReason!, new RegExp(`${failed} failed during the post-copy push`, 'v'));
		t.deepEqual(invariantViolations(after), []);
	});
}

test('a post-copy that finishes costs one pass of memory and about 15 ms of downtime; the VM runs slower meanwhile', t => {
	const {world} = memoryHeavy();
	let slowest = Number.POSITIVE_INFINITY;
	const {events} = runTicks(world, defaultStrategies, {
		ticks: 20,
		timeline: [{
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'postcopy',
			},
		}],
		onTick(current) {
			slowest = Math.min(slowest, current.vms[0]!.usage.granted.cpu);
		},
	});
	const completed = events.find(event => event.type === 'migrationCompleted');
	t.true(completed?.type === 'migrationCompleted' && completed.movedMiB === 1024 && Math.abs(completed.downtimeSeconds - 0.015) < 1e-9, `completed: ${JSON.stringify(completed)}`);
	t.true(slowest < 20 * 0.9, `slowest CPU ${slowest}`);
});

test('a slow link, set by command, slows a migration down', t => {
	const durations = [1000, 100].map(networkMbps => {
		const {world} = memoryHeavy();
		const {events} = runTicks(world, defaultStrategies, {
			ticks: 400,
			timeline: [
				{tick: 0, command: {type: 'setLinkBandwidth', hostId: 'h02', networkMbps}},
				{
					tick: 0, command: {
						type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'stop-and-copy',
					},
				},
			],
		});
		const completed = events.find(event => event.type === 'migrationCompleted');
		return completed?.type === 'migrationCompleted' ? completed.durationSeconds : Number.NaN;
	});
	t.true(durations[1]! > 8 * durations[0]!, `${durations.join(' vs ')}`);
});

test('Xen\'s adaptive rate starts slow (100 Mbit/s) and so takes longer than an unthrottled pre-copy', t => {
	const unthrottled = runToEnd(precopy, blankMigration('precopy', 512, 16, 2), rate, config, 16).migration;
	const adaptive = runToEnd(precopy, blankMigration('precopy', 512, 16, 2), rate, {...config, adaptive: {startMbps: 100, incrementMbps: 50, maxMbps: 500}}, 16);
	t.is(adaptive.migration.rateCapMbps, 500, 'the last round runs at the maximum');
	t.true(adaptive.migration.elapsedSeconds >= unthrottled.elapsedSeconds - 1e-9);
});
