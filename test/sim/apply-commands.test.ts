import test from 'ava';
import {applyCommand, applyCommands} from '../../source/sim/commands.js';
import {findHost, findVm} from '../../source/sim/lookup.js';
import {cloneWorld} from '../../source/sim/step.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';

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
