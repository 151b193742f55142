import test from 'ava';
import {indexNetwork, reach, type Endpoint} from '../../source/network/reach.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {stepInPlace} from '../../source/sim/step.js';
import type {World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {build, steadyClass} from '../helpers/scenarios.js';

const customNetworkPath = new URL('../../fixtures/scenarios/custom-network.json', import.meta.url).pathname;

function endpoint(id: string): Endpoint {
	if (id === 'external') {
		return {kind: 'external'};
	}

	return id.startsWith('h') ? {kind: 'host', hostId: id} : {kind: 'vm', vmId: id};
}

function reaches(world: World, from: string, to: string, port: number | null = null) {
	return reach(indexNetwork(world), endpoint(from), endpoint(to), port);
}

/** Two hosts on two racks: a bridged VM, a NAT VM with a forward and one without, a host-only VM on each host. */
function modes(): World {
	const input: ScenarioInput = {
		version: 1,
		name: 'modes',
		racks: [{id: 'r1', subnet: '10.1.0.0/24'}, {id: 'r2', subnet: '10.2.0.0/24'}],
		hosts: [{rack: 'r1'}, {rack: 'r2'}],
		vmClasses: {steady: steadyClass(5, 256)},
		vms: [
			{
				id: 'bridged', class: 'steady', host: 'h01', networkMode: 'bridged',
			},
			{
				id: 'nat', class: 'steady', host: 'h01', networkMode: 'nat', forwards: [{hostPort: 8080, vmPort: 80}],
			},
			{
				id: 'natclosed', class: 'steady', host: 'h02', networkMode: 'nat',
			},
			{
				id: 'only1', class: 'steady', host: 'h01', networkMode: 'host-only',
			},
			{
				id: 'only2', class: 'steady', host: 'h02', networkMode: 'host-only',
			},
		],
	};
	return build(input).world;
}

test('the reachability table of the three modes', t => {
	const world = modes();
	const table: Array<[string, string, boolean]> = [
		['external', 'bridged', true],
		['external', 'nat', true],
		['external', 'natclosed', false],
		['external', 'only1', false],
		['h02', 'bridged', true],
		['h02', 'nat', true],
		['h01', 'only1', true],
		['h02', 'only1', false],
		['only2', 'only1', false],
		['only1', 'h01', true],
		['only1', 'external', false],
		['only1', 'h02', false],
		['nat', 'external', true],
		['nat', 'bridged', true],
		['natclosed', 'nat', true],
		['nat', 'natclosed', false],
		['h02', 'natclosed', true],
		['h01', 'natclosed', false],
		['bridged', 'nat', true],
		['bridged', 'only2', false],
	];
	for (const [from, to, expected] of table) {
		t.is(reaches(world, from, to).reachable, expected, `${from} -> ${to}`);
	}
});

test('paths and reasons say how, or why not', t => {
	const world = modes();
	t.deepEqual(reaches(world, 'external', 'nat'), {reachable: true, path: ['external', 'host h01 NAT :8080', 'nat:80'], port: 80});
	t.deepEqual(reaches(world, 'external', 'bridged'), {reachable: true, path: ['external', 'bridged'], port: null});
	t.deepEqual(reaches(world, 'h01', 'nat'), {reachable: true, path: ['host h01', 'nat'], port: null}, 'a host reaches its own NAT VMs directly');
	t.false(reaches(world, 'external', 'nat', 22).reachable, 'only the forwarded port');
	t.true(reaches(world, 'external', 'nat', 80).reachable);
	const closed = reaches(world, 'external', 'natclosed');
	t.true(!closed.reachable && closed.reason.includes('no port forward'));
	const only = reaches(world, 'h02', 'only1');
	t.true(!only.reachable && only.reason === 'only1 is on h01\'s host-only network: only h01 and its host-only VMs reach it');
	const out = reaches(world, 'only1', 'external');
	t.true(!out.reachable && out.reason === 'only1 is host-only: it reaches only h01 and its host-only VMs');
});

test('a failed host takes its VMs and its forwards off the network', t => {
	const world = modes();
	stepInPlace(world, [{type: 'failHost', hostId: 'h01'}], defaultStrategies);
	const bridged = reaches(world, 'external', 'bridged');
	t.false(bridged.reachable);
	t.false(reaches(world, 'external', 'nat').reachable);
	t.false(reaches(world, 'h01', 'h02').reachable);
	t.true(reaches(world, 'external', 'h02').reachable);
});

test('the course\'s custom network: the outside reaches only web:80 (through fw1); the admin reaches web only through fw2', async t => {
	const {world} = await loadScenario({path: customNetworkPath});
	const web = reaches(world, 'external', 'web');
	t.deepEqual(web, {reachable: true, path: ['external', 'fw1 (firewall)', 'web:80'], port: 80});
	t.false(reaches(world, 'external', 'web', 22).reachable, 'no other port of web');
	for (const other of ['fw1', 'fw2', 'admin']) {
		t.false(reaches(world, 'external', other).reachable, `external -> ${other}`);
	}

	const admin = reaches(world, 'admin', 'web', 22);
	t.true(admin.reachable && admin.path.includes('fw2 (firewall)'), 'ssh through fw2');
	t.true(reaches(world, 'admin', 'web', 80).reachable);
	t.false(reaches(world, 'admin', 'web', 443).reachable, 'fw2 allows only :22 and :80');
	t.false(reaches(world, 'admin', 'external').reachable, 'the management network has no way out');
	t.false(reaches(world, 'web', 'admin').reachable, 'nothing lets web in to the management network');

	// Without fw2's rules the admin has no other way: fw1 does not route the management network.
	const fw2 = world.vms.find(vm => vm.id === 'fw2')!;
	fw2.networkFunction = {kind: 'firewall', rules: []};
	const blocked = reaches(world, 'admin', 'web');
	t.true(!blocked.reachable && blocked.reason === 'fw2 does not allow admin to web');
});

test('a router passes everything between its networks; a load balancer only its port to its backends', t => {
	const input: ScenarioInput = {
		version: 1,
		name: 'functions',
		network: {networks: [{id: 'front', subnet: '10.20.0.0/24', external: true}, {id: 'back', subnet: '10.30.0.0/24'}]},
		hosts: [{}],
		vmClasses: {steady: {...steadyClass(2, 128), networkMode: 'custom'}},
		vms: [
			{
				id: 'lb', class: 'steady', host: 'h01', customNetwork: 'front', attach: ['back'], function: {kind: 'load-balancer', port: 443, backends: ['app1', 'app2']},
			},
			{
				id: 'app1', class: 'steady', host: 'h01', customNetwork: 'back',
			},
			{
				id: 'app2', class: 'steady', host: 'h01', customNetwork: 'back',
			},
			{
				id: 'db', class: 'steady', host: 'h01', customNetwork: 'back',
			},
		],
	};
	const {world} = build(input);
	t.deepEqual(reaches(world, 'external', 'app1'), {reachable: true, path: ['external', 'lb (load-balancer)', 'app1:443'], port: 443});
	t.false(reaches(world, 'external', 'app2', 22).reachable);
	t.false(reaches(world, 'external', 'db').reachable, 'not a backend');
	world.vms[0]!.networkFunction = {kind: 'router'};
	t.true(reaches(world, 'external', 'db', 5432).reachable, 'a router passes any port');
});
