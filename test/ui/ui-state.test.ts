import test from 'ava';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';
import {actionFor, keymap} from '../../source/ui/keymap.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {reduceKey} from '../../source/ui/reduce-key.js';

async function context() {
	const {world} = await loadScenario();
	return {world, strategies: defaultStrategies, policyNames: Object.keys(defaultStrategies.policies)};
}

function press(key: string, state: typeof initialUiState, data: Awaited<ReturnType<typeof context>>) {
	return reduceKey(state, actionFor(key, {})!, data);
}

test('S snapshots the selected VM, c clones it onto the host with the most free memory, d drains the selected host', async t => {
	const data = await context();
	t.deepEqual(press('S', initialUiState, data).commands, [{type: 'snapshot', vmId: 'vm01'}]);
	// The scratch host is never a clone's home; h15 and h16 have the most room.
	t.deepEqual(press('c', initialUiState, data).commands, [{type: 'clone', vmId: 'vm01', destinationHostId: 'h15'}]);
	t.deepEqual(press('d', initialUiState, data).commands, [{type: 'drainHost', hostId: 'h01'}]);
	data.world.hosts[0]!.state = 'off';
	t.deepEqual(press('d', initialUiState, data).commands, [{type: 'powerOn', hostId: 'h01'}], 'd on an off host powers it on');
});

test('the help lists the snapshot, clone and drain keys', t => {
	for (const key of ['S', 'c', 'd', 'N']) {
		t.true(keymap.some(binding => binding.keys.includes(key) && binding.help.length > 10), `${key} is in the keymap`);
	}
});

test('N toggles the network view; in it, up and down walk every VM across hosts', async t => {
	const data = await context();
	const open = press('N', initialUiState, data).state;
	t.is(open.view, 'network');
	const next = reduceKey(reduceKey(open, {type: 'down'}, data).state, {type: 'down'}, data).state;
	t.deepEqual([next.hostIndex, next.vmIndex], [1, 0], 'vm01, vm02 on h01, then vm03 on h02');
	t.is(press('N', next, data).state.view, 'hosts');
});

test('P cycles on from the policy it asked for while no tick has applied it, and from the world\'s once one has', async t => {
	const data = await context();
	const names = data.policyNames;
	const start = names.indexOf(data.world.policy);
	const first = press('P', initialUiState, data);
	const second = press('P', first.state, data);
	t.deepEqual([...first.commands, ...second.commands], [
		{type: 'setPolicy', policy: names[(start + 1) % names.length]!},
		{type: 'setPolicy', policy: names[(start + 2) % names.length]!},
	]);
	// A tick ran and the world says which policy is in force: P cycles on from it.
	data.world.tick++;
	data.world.policy = names[start]!;
	t.deepEqual(press('P', second.state, data).commands, [{type: 'setPolicy', policy: names[(start + 1) % names.length]!}]);
});

test('while paused, a key that gives a command says it applies on the next tick; running, or without a command, it does not', async t => {
	const data = await context();
	const paused = {...initialUiState, paused: true};
	const next = data.policyNames[(data.policyNames.indexOf(data.world.policy) + 1) % data.policyNames.length]!;
	t.is(press('P', paused, data).state.note, `policy: ${next} (next tick; . steps)`);
	t.is(press('S', paused, data).state.note, 'snapshot of vm01 (next tick; . steps)');
	t.is(press('P', initialUiState, data).state.note, `policy: ${next}`);
	// Opening the network view gives no command: its note, if any, is left alone.
	t.is(press('N', paused, data).state.note, null);
});
