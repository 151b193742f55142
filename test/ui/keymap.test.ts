import test from 'ava';
import {
	actionFor, keymap, nextSpeed, speeds,
} from '../../source/ui/keymap.js';

test('every key of the keymap maps to its action, and Ctrl-C quits', t => {
	for (const binding of keymap) {
		for (const key of binding.keys) {
			t.deepEqual(actionFor(key, {}), binding.action, `key ${key}`);
		}
	}

	t.deepEqual(actionFor('c', {ctrl: true}), {type: 'quit'});
});

test('no key is bound twice, and unknown keys, other Ctrl chords and Meta do nothing', t => {
	const keys = keymap.flatMap(binding => binding.keys);
	t.is(new Set(keys).size, keys.length);
	for (const input of ['x', 'Q', '', '\u001B', 'qq']) {
		t.is(actionFor(input, {}), undefined, `input ${JSON.stringify(input)}`);
	}

	t.is(actionFor('q', {ctrl: true}), undefined);
	t.is(actionFor('q', {meta: true}), undefined);
});

test('speed steps through 0.25x to 64x and stops at both ends', t => {
	t.is(nextSpeed(1, 1), 2);
	t.is(nextSpeed(1, -1), 0.5);
	t.is(nextSpeed(64, 1), 64);
	t.is(nextSpeed(0.25, -1), 0.25);
	t.deepEqual([speeds[0], speeds.at(-1)], [0.25, 64]);
});
