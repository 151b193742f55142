/**
Names from input are looked up as own entries only: `toString`, `constructor` and `__proto__` name no
policy, in the registry, in the core (a replayed session reaches it unchecked) and in the checks a
session's commands can share with a scenario's timeline.
*/
import test from 'ava';
import {
	findPolicy, knownPolicies, knownPoliciesText, policies, policyNames,
} from '../../source/policy/registry.js';
import {checkTimedCommands} from '../../source/scenario/build-world.js';
import {runTicks} from '../../source/sim/run.js';
import type {Command} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

const prototypeNames = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

test('the registry finds no policy by the name of an Object.prototype member', t => {
	for (const name of prototypeNames) {
		t.is(policies[name], undefined, `policies[${name}]`);
		t.is(findPolicy(name), undefined, `findPolicy(${name})`);
		t.false(policyNames.includes(name), `policyNames has ${name}`);
	}

	t.is(findPolicy('sandpiper')?.name, 'sandpiper');
	t.deepEqual(policyNames.slice(0, 7), ['none', 'sandpiper', 'sandpiper-gray', 'threshold', 'consolidate', 'sandpiper+consolidate', 'cloudsim:thr-mmt-0.8']);
	t.is(policyNames.length, 6 + (5 * 4));
	// A BB12 member with a parameter of its own is made when first asked for; one out of range is not.
	t.is(findPolicy('cloudsim:iqr-mc-1.25')?.name, 'cloudsim:iqr-mc-1.25');
	t.is(findPolicy('cloudsim:thr-mmt-1.5'), undefined);
	t.is(findPolicy('cloudsim:foo-mmt-0.8'), undefined);
});

test('the core rejects a setPolicy naming an Object.prototype member, with any strategies object', t => {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(10)}, vms: [{class: 'a', host: 'h01'}]}));
	// A plain object, as a caller may build its own strategies: Object.prototype is its prototype.
	const strategies = {...defaultStrategies, policies: {...defaultStrategies.policies}};
	const timeline = prototypeNames.map(policy => ({tick: 1, command: {type: 'setPolicy', policy} satisfies Command}));
	const {world: end, events} = runTicks(world, strategies, {ticks: 3, timeline});
	const rejected = events.filter(event => event.type === 'commandRejected');
	t.is(rejected.length, prototypeNames.length);
	t.is(end.policy, world.policy);
});

test('the core runs no policy for a world whose policy is an Object.prototype member', t => {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(10)}, vms: [{class: 'a', host: 'h01'}]}));
	for (const name of prototypeNames) {
		const {events} = runTicks({...world, policy: name}, {...defaultStrategies, policies: {...defaultStrategies.policies}}, {ticks: 6});
		t.false(events.some(event => event.type === 'migrationStarted'), `policy ${name}`);
	}
});

test('checkTimedCommands checks a session\'s commands as a timeline\'s: unknown VMs, hosts, networks, policies', t => {
	const {world} = build(scenarioInput({vmClasses: {a: steadyClass(10)}, vms: [{class: 'a', host: 'h01'}, {class: 'a', host: 'h02'}]}));
	const commands: Array<{tick: number; command: Command}> = [
		{tick: 9, command: {type: 'setPolicy', policy: 'toString'}},
		{
			tick: 2, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h02', mode: null,
			},
		},
		{tick: 3, command: {type: 'failHost', hostId: 'h07'}},
		{tick: 4, command: {type: 'attachNetwork', vmId: 'vm09', network: 'dmz'}},
		// A clone's id is known only once the clone is made: a later command may name it.
		{tick: 5, command: {type: 'clone', vmId: 'vm02', destinationHostId: 'h01'}},
		{tick: 8, command: {type: 'powerOff', hostId: 'h01'}},
		{tick: 9, command: {type: 'snapshot', vmId: 'vm02-c1'}},
		{tick: 1, command: {type: 'snapshot', vmId: 'vm01-c1'}},
		{tick: 2, command: {type: 'setPolicy', policy: '__proto__'}},
	];
	t.deepEqual(checkTimedCommands(world, commands, knownPolicies, 'session.timeline'), [
		{path: 'session.timeline[0].command.policy', message: `unknown policy "toString" (known: ${knownPoliciesText})`},
		{path: 'session.timeline[2].command', message: 'no host h07'},
		{path: 'session.timeline[3].command', message: 'no VM vm09'},
		{path: 'session.timeline[3].command.network', message: 'no network "dmz" is declared (declared: none)'},
		{path: 'session.timeline[7].command', message: 'no VM vm01-c1'},
		{path: 'session.timeline[8].command.policy', message: `unknown policy "__proto__" (known: ${knownPoliciesText})`},
	]);
});
