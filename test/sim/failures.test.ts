import test from 'ava';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {runTicks} from '../../source/sim/run.js';
import {stepInPlace} from '../../source/sim/step.js';
import type {Command, SimEvent, World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {invariantViolations} from '../helpers/invariants.js';
import {build, steadyClass} from '../helpers/scenarios.js';

/** Three hosts; h01 runs three VMs of 512 MiB, each writing 20 MB/s to disk. */
function datacenter(extra: Partial<ScenarioInput> = {}): World {
	return build({
		version: 1,
		name: 'failures',
		power: {imageMiBps: 100, bootSeconds: 0},
		hosts: [{}, {}, {}],
		vmClasses: {app: steadyClass(10, 512, {disk: 20, network: 10})},
		vms: [{class: 'app', host: 'h01'}, {class: 'app', host: 'h01'}, {class: 'app', host: 'h01'}],
		...extra,
	}).world;
}

function run(world: World, ticks: number, at: Record<number, Command[]> = {}): SimEvent[] {
	const events: SimEvent[] = [];
	for (let index = 0; index < ticks; index++) {
		events.push(...stepInPlace(world, at[world.tick] ?? [], defaultStrategies));
	}

	return events;
}

test('a snapshot takes (memory + disk written) / rate and stores as much; the next one only what was written since', t => {
	const world = datacenter();
	const events = run(world, 45, {10: [{type: 'snapshot', vmId: 'vm01'}], 30: [{type: 'snapshot', vmId: 'vm01'}]});
	const [first, second] = events.filter(event => event.type === 'snapshotTaken');
	// 10 ticks at 20 MB/s wrote 200 MB: (512 + 200) / 100 MiB/s = 7.12 s, so 8 ticks.
	t.like(first, {
		vmId: 'vm01', memoryMiB: 512, storageMiB: 712, tick: 18,
	});
	t.like(second, {storageMiB: 512 + 400});
	t.is(world.snapshots[0]!.tick, 10, 'the snapshot holds the state of the tick it started');
	t.is(world.counters.snapshotsTaken, 2);
});

test('a failure restarts exactly the VMs with a snapshot elsewhere, losing the work since it, and loses the others', t => {
	const world = datacenter();
	const events = run(world, 60, {5: [{type: 'snapshot', vmId: 'vm01'}, {type: 'snapshot', vmId: 'vm03'}], 50: [{type: 'failHost', hostId: 'h01'}]});
	const restarted = events.filter(event => event.type === 'vmRestartedFromSnapshot');
	t.deepEqual(restarted.map(event => event.type === 'vmRestartedFromSnapshot' && [event.vmId, event.lostSeconds]), [['vm01', 45], ['vm03', 45]]);
	t.deepEqual(world.vms.map(vm => vm.state), ['running', 'lost', 'running']);
	t.not(world.vms[0]!.hostId, 'h01');
	t.is(world.vms[1]!.lostReason, 'h01 failed and vm02 had no snapshot');
	t.like(world.counters, {vmsRestarted: 2, vmsLost: 1, workLostSeconds: 90});
	t.deepEqual(invariantViolations(world), []);
});

test('a snapshot still being written does not save its VM', t => {
	const world = datacenter();
	run(world, 5, {0: [{type: 'snapshot', vmId: 'vm01'}], 2: [{type: 'failHost', hostId: 'h01'}]});
	t.is(world.vms[0]!.state, 'lost');
	t.deepEqual(world.snapshots, []);
});

test('drain: every VM is live-migrated elsewhere, then the host powers off; powering it on brings it back empty', t => {
	const world = datacenter();
	const events = run(world, 120, {3: [{type: 'drainHost', hostId: 'h01'}]});
	t.deepEqual(world.vms.map(vm => vm.hostId === 'h01'), [false, false, false]);
	t.true(world.vms.every(vm => vm.state === 'running'));
	t.is(world.hosts[0]!.state, 'off');
	t.true(events.some(event => event.type === 'hostDrained'));
	t.is(events.filter(event => event.type === 'migrationStarted' && event.requestedBy === 'drain of h01').length, 3);
	t.false(events.some(event => event.type === 'migrationStarted' && event.to === 'h01'), 'nothing moves onto a draining host');
	run(world, 2, {[world.tick]: [{type: 'powerOn', hostId: 'h01'}]});
	t.is(world.hosts[0]!.state, 'up');
	t.deepEqual(invariantViolations(world), []);
});

test('a host with VMs cannot be powered off; a failed host cannot be powered on', t => {
	const world = datacenter();
	const events = run(world, 2, {0: [{type: 'powerOff', hostId: 'h01'}, {type: 'failHost', hostId: 'h02'}, {type: 'powerOn', hostId: 'h02'}]});
	const reasons = events.filter(event => event.type === 'commandRejected').map(event => event.type === 'commandRejected' && event.reason);
	t.deepEqual(reasons, ['h01 still runs 3 VMs: drain it first', 'h02 is failed: recover it']);
});

test('a clone is a new VM on the destination with its own MAC and address; a restore loses the work since the snapshot', t => {
	const world = datacenter();
	const events = run(world, 40, {2: [{type: 'clone', vmId: 'vm01', destinationHostId: 'h02'}, {type: 'snapshot', vmId: 'vm02'}]});
	const clone = world.vms.find(vm => vm.id.startsWith('vm01-c'))!;
	t.like(clone, {hostId: 'h02', state: 'running', memoryMiB: 512});
	t.not(clone.nics[0]!.mac, world.vms[0]!.nics[0]!.mac);
	t.true(events.some(event => event.type === 'cloneCreated' && event.tick === 8), '512 MiB at 100 MiB/s: 6 ticks');
	const snapshotId = world.snapshots[0]!.id;
	const restore = run(world, 10, {[world.tick]: [{type: 'restore', vmId: 'vm02', snapshotId}]});
	const restored = restore.find(event => event.type === 'vmRestored');
	t.true(restored?.type === 'vmRestored' && restored.lostSeconds === 38);
	t.deepEqual(invariantViolations(world), []);
});

test('containers: CPU capped at the cgroup limit; moved by checkpoint/restore, never live', t => {
	const world = datacenter({
		vms: [{
			class: 'app', host: 'h01', kind: 'container', cpuLimitUnits: 4,
		}],
	});
	const events = run(world, 3, {
		1: [{
			type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'precopy',
		}, {
			type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: null,
		}],
	});
	t.is(world.vms[0]!.usage.demand.cpu, 4);
	const rejected = events.find(event => event.type === 'commandRejected' || event.type === 'migrationRefused');
	t.true(rejected !== undefined && 'reason' in rejected && rejected.reason.includes('checkpoint/restore'));
	t.true(events.some(event => event.type === 'migrationStarted' && event.mode === 'stop-and-copy'));
});

test('live migration across hypervisor families is refused with the reason', t => {
	const world = datacenter({hosts: [{}, {hypervisor: {family: 'kvm', technique: 'hardware-assisted'}}, {}]});
	const events = run(world, 1, {
		0: [{
			type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'precopy',
		}],
	});
	const refused = events.find(event => event.type === 'migrationRefused');
	t.true(refused?.type === 'migrationRefused' && refused.reason === 'live migration needs the same hypervisor: h01 runs xen, h02 kvm');
	t.is(runTicks(world, defaultStrategies, {ticks: 1}).world.migrations.length, 0);
});
