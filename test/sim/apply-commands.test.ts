import test from 'ava';
import fc from 'fast-check';
import {applyCommand, applyCommands} from '../../source/sim/commands.js';
import {findHost, findVm, vmHostPositions} from '../../source/sim/lookup.js';
import {cloneWorld} from '../../source/sim/step.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';
import {runTicks} from '../../source/sim/run.js';

test('a batch of commands does what the same commands one by one do, memory checks included', async t => {
	const {world} = await loadScenario({policy: 'none'});
	const target = world.hosts[0]!;
	// Every VM not on h01 asks for h01, with other commands between: some keep the batch's memory ledger
	// (load, power), a failure frees memory on h01 (its incoming migrations end) and must renew it.
	const commands: Command[] = [];
	for (const [index, vm] of world.vms.filter(vm => vm.hostId !== target.id).entries()) {
		commands.push({
			type: 'requestMigration', vmId: vm.id, destinationHostId: target.id, mode: null, requestedBy: 'test',
		});
		if (index === 3) {
			commands.push({
				type: 'injectLoad', target: {kind: 'vm', vmId: vm.id}, resource: 'cpu', amount: 5, durationTicks: 2,
			}, {type: 'powerOff', hostId: vm.hostId}, {type: 'powerOn', hostId: vm.hostId});
		}

		if (index === 12) {
			commands.push({type: 'failHost', hostId: world.vms.find(other => other.hostId !== target.id && other.id !== vm.id)!.hostId});
		}
	}

	// First, power commands the ledger answers: a host with VMs cannot be powered off, nor one with no VMs
	// that a migration of the batch is heading for.
	const spare = world.hosts.at(-2)!;
	const crowded = world.hosts.at(-3)!;
	for (const vm of world.vms.filter(vm => vm.hostId === spare.id)) {
		vm.hostId = crowded.id;
	}

	const family = (hostId: string) => world.hosts.find(host => host.id === hostId)!.hypervisor.family;
	const mover = world.vms.find(vm => ![target.id, spare.id, crowded.id].includes(vm.hostId) && family(vm.hostId) === spare.hypervisor.family)!;
	commands.unshift(
		{type: 'powerOff', hostId: crowded.id},
		{
			type: 'requestMigration', vmId: mover.id, destinationHostId: spare.id, mode: null, requestedBy: 'test',
		},
		{type: 'powerOff', hostId: spare.id},
	);

	const batched = cloneWorld(world);
	const single = cloneWorld(world);
	const batchedEvents: SimEvent[] = [];
	const singleEvents: SimEvent[] = [];
	applyCommands(batched, commands, defaultStrategies, event => {
		batchedEvents.push(event);
	});
	for (const command of commands) {
		applyCommand(single, command, defaultStrategies, event => {
			singleEvents.push(event);
		});
	}

	t.deepEqual(batchedEvents, singleEvents);
	t.deepEqual(batched, single);
	t.true(singleEvents.some(event => event.type === 'migrationStarted' && event.to === target.id));
	t.true(singleEvents.some(event => event.type === 'migrationStarted' && event.to === spare.id));
	t.true(singleEvents.some(event => event.type === 'migrationRefused' && event.reason.includes('MiB free')));
	t.true(singleEvents.some(event => event.type === 'commandRejected' && event.reason === `${spare.id} still runs 0 VMs: drain it first`));
	t.true(singleEvents.some(event => event.type === 'commandRejected' && /still runs [1-9]\d* VMs?: drain it first/v.test(event.reason)));
});

test('lookups by id follow the arrays as they change', async t => {
	const {world} = await loadScenario({policy: 'none'});
	t.is(findVm(world, 'vm03')?.id, 'vm03');
	const [first] = world.vms.splice(0, 1);
	t.is(findVm(world, 'vm03'), world.vms[1]);
	t.is(findVm(world, first!.id), undefined);
	world.vms.push(first!);
	t.is(findVm(world, first!.id), first);
	t.is(findHost(world, 'h02'), world.hosts[1]);
	t.is(findHost(world, 'nope'), undefined);
});

const vms = Array.from({length: 6}, (_, index) => ({class: 'a', host: `h0${(index % 4) + 1}`}));

test('vmHostPositions names each VM\'s host position, however VMs moved since it was last read', t => {
	fc.assert(fc.property(fc.array(fc.tuple(fc.nat({max: 5}), fc.nat({max: 4}), fc.boolean()), {maxLength: 40}), moves => {
		const {world} = build(scenarioInput({hosts: [{}, {}, {}, {}], vmClasses: {a: steadyClass(10)}, vms}));
		for (const [vm, host, copy] of moves) {
			// Host 4 does not exist; a copied text is an equal string that is not the host's own.
			const id = host < 4 ? world.hosts[host]!.id : 'h99';
			world.vms[vm]!.hostId = copy ? [...id].join('') : id;
			const expected = world.vms.map(each => world.hosts.findIndex(candidate => candidate.id === each.hostId));
			t.deepEqual([...vmHostPositions(world)], expected);
		}
	}));
});

// Default hosts: 2048 MiB with 256 for dom-0, so VMs may allocate 1792 MiB.
function resize(memoryMiB: number, vms = [{class: 'a', host: 'h01'}], extra: Command[] = []): {events: SimEvent[]; memoryMiB: number} {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(10, 512)}, vms}));
	const {world: after, events} = runTicks(world, defaultStrategies, {
		ticks: 2,
		timeline: [...extra.map(command => ({tick: 0, command})), {tick: 0, command: {type: 'resizeVm', vmId: 'vm01', memoryMiB}}],
	});
	return {events, memoryMiB: after.vms[0]!.memoryMiB};
}

test('a VM grows in place when its host has the memory, and shrinks', t => {
	const grown = resize(1024);
	t.is(grown.memoryMiB, 1024);
	t.like(grown.events.find(event => event.type === 'vmResized'), {
		vmId: 'vm01', hostId: 'h01', fromMiB: 512, toMiB: 1024,
	});
	t.is(resize(256).memoryMiB, 256);
});

test('a resize the host cannot hold is refused, with how much is free, and changes nothing', t => {
	// Two 512 MiB VMs leave 768 MiB free: growing one to 1536 MiB needs 1024 more.
	const refused = resize(1536, [{class: 'a', host: 'h01'}, {class: 'a', host: 'h01'}]);
	t.is(refused.memoryMiB, 512);
	t.like(refused.events.find(event => event.type === 'commandRejected'), {command: 'resizeVm', reason: 'h01 has 768 MiB free, vm01 needs 1024 MiB more'});
});

test('a migrating VM or a VM that does not exist is not resized', t => {
	const migrating = resize(1024, undefined, [{
		type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: 'precopy',
	}]);
	t.like(migrating.events.find(event => event.type === 'commandRejected'), {reason: 'vm01 is migrating'});
	const {world} = build(scenarioInput());
	const {events} = runTicks(world, defaultStrategies, {ticks: 1, timeline: [{tick: 0, command: {type: 'resizeVm', vmId: 'vm09', memoryMiB: 10}}]});
	t.like(events.find(event => event.type === 'commandRejected'), {reason: 'no VM vm09'});
});
