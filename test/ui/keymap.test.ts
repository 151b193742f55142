import {readFileSync} from 'node:fs';
import test from 'ava';
import {splitKeys} from '../../source/app.js';
import {
	actionFor, hintLine, keymap, nextSpeed, speeds,
} from '../../source/ui/keymap.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {reduceKey} from '../../source/ui/reduce-key.js';

test('every printable key of the keymap maps to its action in each of its contexts, and Ctrl-C quits', t => {
	for (const binding of keymap) {
		for (const context of binding.contexts) {
			for (const key of binding.keys) {
				t.deepEqual(actionFor(key, {}, context), binding.action, `key ${key} in ${context}`);
			}

			for (const special of binding.special ?? []) {
				t.deepEqual(actionFor('', {[special]: true}, context), binding.action, `${special} in ${context}`);
			}
		}
	}

	t.deepEqual(actionFor('c', {ctrl: true}), {type: 'quit'});
	t.deepEqual(actionFor('c', {ctrl: true}, 'picker'), {type: 'quit'});
});

test('no key is bound twice in one context, and unknown keys, other Ctrl chords and Meta do nothing', t => {
	for (const context of ['main', 'picker'] as const) {
		const keys = keymap.filter(binding => binding.contexts.includes(context)).flatMap(binding => [...binding.keys, ...(binding.special ?? [])]);
		t.is(new Set(keys).size, keys.length, `in ${context}`);
	}

	for (const input of ['x', 'Q', '', '9', 'qq']) {
		t.is(actionFor(input, {}), undefined, `input ${JSON.stringify(input)}`);
	}

	t.is(actionFor('p', {}), undefined, 'p picks a mode only in the migration picker');
	t.is(actionFor('q', {ctrl: true}), undefined);
	t.is(actionFor('q', {meta: true}), undefined);
	t.is(actionFor('\t', {tab: true}, 'picker'), undefined, 'Tab does nothing in a picker');
});

test('no function keys and no Ctrl chord but Ctrl-C', t => {
	t.deepEqual(keymap.flatMap(binding => binding.ctrlKeys ?? []), ['c']);
	t.false(keymap.some(binding => /^f\d/iv.test(binding.label)));
});

test('speed steps through 0.25x to 64x and stops at both ends', t => {
	t.is(nextSpeed(1, 1), 2);
	t.is(nextSpeed(1, -1), 0.5);
	t.is(nextSpeed(64, 1), 64);
	t.is(nextSpeed(0.25, -1), 0.25);
	t.deepEqual([speeds[0], speeds.at(-1)], [0.25, 64]);
});

test('the hint line comes from the table', t => {
	t.regex(hintLine(), /^q quit {2}\? help {2}space pause/v);
	const narrow = hintLine(79);
	t.true(narrow.length <= 79, `${narrow} fits 79 columns`);
	t.regex(narrow, /m migrate {2}N network/v, 'the network view stays hinted at 80 columns');
});

test('keys typed at once arrive as one string and are taken one by one', t => {
	t.deepEqual(splitKeys('jj\r', {}), [['j', {}], ['j', {}], ['', {return: true}]]);
	t.deepEqual(splitKeys('q', {}), [['q', {}]]);
	t.deepEqual(splitKeys('', {upArrow: true}), [['', {upArrow: true}]]);
	t.deepEqual(splitKeys('c', {ctrl: true}), [['c', {ctrl: true}]]);
});

// The README: its key table is the keymap, and it starts with the set-up commands.
test('the README\'s key list is the keymap', t => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	const section = readme.slice(readme.indexOf('<!-- keys:start -->'), readme.indexOf('<!-- keys:end -->'));
	const rows = section.split('\n').filter(line => line.startsWith('| `')).map(line => line.split('|').map(cell => cell.trim()).slice(1, 3));
	t.deepEqual(rows, keymap.map(binding => [`\`${binding.label}\``, binding.help]));
});

test('the README starts with the two set-up commands', t => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	const firstBlock = readme.split('```')[1]!;
	t.true(firstBlock.includes('npm install && npm start'));
	t.true(firstBlock.includes('npm test'));
});

// What the keys do to the dashboard's state (ui/reduce-key.ts).
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
