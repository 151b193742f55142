import {readFileSync} from 'node:fs';
import test from 'ava';
import {keymap} from '../source/ui/keymap.js';

test('the README\'s key list is the keymap', t => {
	const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
	const section = readme.slice(readme.indexOf('<!-- keys:start -->'), readme.indexOf('<!-- keys:end -->'));
	const rows = section.split('\n').filter(line => line.startsWith('| `')).map(line => line.split('|').map(cell => cell.trim()).slice(1, 3));
	t.deepEqual(rows, keymap.map(binding => [`\`${binding.label}\``, binding.help]));
});

test('the README starts with the two set-up commands', t => {
	const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
	const firstBlock = readme.split('```')[1]!;
	t.true(firstBlock.includes('npm install && npm start'));
	t.true(firstBlock.includes('npm test'));
});
