import test from 'ava';
import {runTicks} from '../../source/sim/run.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

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
