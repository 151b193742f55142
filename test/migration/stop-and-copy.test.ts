import test from 'ava';
import {blankMigration, defaultMigrationConfig} from '../../source/migration/compare.js';
import {advanceStopAndCopy, stopAndCopy} from '../../source/migration/stop-and-copy.js';
import {runTicks} from '../../source/sim/run.js';
import type {Migration, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

const config = defaultMigrationConfig;
const migration: Migration = stopAndCopy.begin(blankMigration('stop-and-copy', 512, 16, 2), config);
const context = (rateMiBps: number, tickSeconds: number) => ({
	rateMiBps, tickSeconds, config, workingSetMiB: 300,
});

function runModel(tickSeconds: number, rate = 112.5): Migration {
	let current = migration;
	for (let tick = 0; tick < 1000; tick++) {
		const {migration: next, finished} = advanceStopAndCopy(current, context(rate, tickSeconds));
		current = next;
		if (finished) {
			return current;
		}
	}

	throw new Error('never finished');
}

test('stop-and-copy takes memory / rate plus the resume, and the VM is down all that time', t => {
	const done = runModel(1);
	t.true(Math.abs(done.elapsedSeconds - ((512 / 112.5) + 0.01)) < 1e-9);
	t.is(done.downtimeSeconds, done.elapsedSeconds);
	t.is(done.sentMiB, 512);
	t.is(done.phase, 'done');
});

test('its duration does not depend on the tick length', t => {
	for (const tickSeconds of [0.5, 1, 3, 300]) {
		t.true(Math.abs(runModel(tickSeconds).elapsedSeconds - ((512 / 112.5) + 0.01)) < 1e-9, `tick ${tickSeconds}`);
	}
});

test('progress is continuous across ticks', t => {
	const {migration: after, finished} = advanceStopAndCopy(migration, context(100, 1));
	t.false(finished);
	t.is(after.sentMiB, 100);
	t.is(after.elapsedSeconds, 1);
});

function migrationEvents(events: readonly SimEvent[]) {
	return events.filter(event => event.type.startsWith('migration'));
}

test('requestMigration moves a VM end to end: paused while copying, then on the destination', t => {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(30, 512)}, vms: [{class: 'a', host: 'h01'}]}));
	const states: string[] = [];
	const result = runTicks(world, defaultStrategies, {
		ticks: 8,
		timeline: [{
			tick: 1, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'stop-and-copy',
			},
		}],
		onTick(current) {
			states.push(`${current.vms[0]!.state}@${current.vms[0]!.hostId}`);
		},
	});
	t.deepEqual(states, ['running@h01', 'paused@h01', 'paused@h01', 'paused@h01', 'paused@h01', 'running@h02', 'running@h02', 'running@h02']);
	const [started, completed] = migrationEvents(result.events);
	t.like(started, {
		type: 'migrationStarted', tick: 1, vmId: 'vm01', from: 'h01', to: 'h02', mode: 'stop-and-copy',
	});
	t.like(completed, {
		type: 'migrationCompleted', tick: 5, vmId: 'vm01', movedMiB: 512,
	});
	t.true(completed?.type === 'migrationCompleted' && Math.abs(completed.durationSeconds - ((512 / 112.5) + 0.01)) < 1e-9);
	t.is(result.world.counters.migrationsCompleted, 1);
	t.is(result.world.counters.movedMiB, 512);
	t.deepEqual(result.world.migrations, []);
});

test('a paused VM uses no CPU, and migration traffic shows on both hosts\' network as its own, not as VM traffic', t => {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(30, 512)}, vms: [{class: 'a', host: 'h01'}]}));
	const {world: after} = runTicks(world, defaultStrategies, {
		ticks: 1,
		timeline: [{
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'stop-and-copy',
			},
		}],
	});
	t.is(after.vms[0]!.usage.granted.cpu, 0);
	const [source, destination] = after.hosts;
	t.true(source!.usage.migrationOutMbps > 900);
	t.is(source!.usage.migrationOutMbps, destination!.usage.migrationInMbps);
	// The monitor and the yardstick read VMs' own traffic: a migration's is no VM's demand (issue A).
	t.is(destination!.usage.utilisation.network, 0);
	t.is(source!.usage.demand.network, 0);
});

test('concurrent migrations from one host share its outbound link', t => {
	const {world} = build(scenarioInput({
		hosts: [{}, {}, {}],
		vmClasses: {a: steadyClass(10, 512)},
		vms: [{class: 'a', host: 'h01'}, {class: 'a', host: 'h01'}],
	}));
	const {world: after} = runTicks(world, defaultStrategies, {
		ticks: 1,
		timeline: [
			{
				tick: 0, command: {
					type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'stop-and-copy',
				},
			},
			{
				tick: 0, command: {
					type: 'requestMigration', vmId: 'vm02', destinationHostId: 'h03', mode: 'stop-and-copy',
				},
			},
		],
	});
	const rates = after.migrations.map(m => m.rateMiBps);
	t.is(rates.length, 2);
	t.true(Math.abs(rates[0]! - rates[1]!) < 1e-9);
	t.true(rates[0]! < 112.5 / 1.5, `each gets about half the link, got ${rates[0]}`);
	t.true(after.hosts[0]!.usage.granted.network <= 1000 + 1e-9);
});

test('refused migrations say why', t => {
	const {world} = build(scenarioInput({
		hosts: [{}, {}, {hypervisor: {family: 'kvm', technique: 'hardware-assisted'}}],
		vmClasses: {small: steadyClass(10, 512), big: steadyClass(10, 1536)},
		vms: [{class: 'small', host: 'h01'}, {class: 'big', host: 'h02'}],
	}));
	const request = (vmId: string, destinationHostId: string, mode: 'precopy' | null = null) => ({
		tick: 0, command: {
			type: 'requestMigration' as const, vmId, destinationHostId, mode,
		},
	});
	const result = runTicks(world, defaultStrategies, {
		ticks: 1,
		timeline: [
			request('vm01', 'h01'),
			request('vm01', 'h02'),
			request('vm01', 'h09'),
			request('vm07', 'h02'),
			request('vm01', 'h03', 'precopy'),
		],
	});
	t.deepEqual(result.events.map(event => event.type === 'migrationRefused' ? event.reason : event.type), [
		'vm01 already runs on h01',
		'h02 has 256 MiB free, vm01 needs 512 MiB',
		'no host h09',
		'no VM vm07',
		'live migration needs the same hypervisor: h01 runs xen, h03 kvm',
	]);
});

test('a VM already migrating cannot be moved again, and a failed destination aborts the move', t => {
	const {world} = build(scenarioInput({hosts: [{}, {}, {}], vmClasses: {a: steadyClass(10, 1024)}, vms: [{class: 'a', host: 'h01'}]}));
	const result = runTicks(world, defaultStrategies, {
		ticks: 5,
		timeline: [
			{
				tick: 0, command: {
					type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'stop-and-copy',
				},
			},
			{
				tick: 1, command: {
					type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h03', mode: 'stop-and-copy',
				},
			},
			{tick: 2, command: {type: 'failHost', hostId: 'h02'}},
		],
	});
	t.deepEqual(migrationEvents(result.events).map(event => event.type === 'migrationRefused' || event.type === 'migrationAborted' ? `${event.type}: ${event.reason}` : event.type), [
		'migrationStarted',
		'migrationRefused: vm01 is already migrating',
		'migrationAborted: destination h02 failed',
	]);
	t.is(result.world.vms[0]!.hostId, 'h01');
	t.is(result.world.vms[0]!.state, 'running');
	t.is(result.world.counters.migrationsAborted, 1);
});
