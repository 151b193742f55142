/** The README's figures are what `npm run figures` makes now: a change to the model shows up here until they are made again. */
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root} from '../helpers/cli.js';
import {temporaryFolder} from '../helpers/temporary.js';

test('docs/figures/*.svg are what npm run figures writes from the bundled scenarios', t => {
	const folder = temporaryFolder('sandpiper-figures-');
	execFileSync(process.execPath, [join(root, 'scripts/figures.mjs'), folder], {stdio: 'pipe'});
	const made = readdirSync(folder).toSorted();
	t.deepEqual(made, ['migration.svg', 'policies.svg', 'timeline.svg', 'tradeoff.svg']);
	t.deepEqual(readdirSync(join(root, 'docs/figures')).toSorted(), made);
	for (const name of made) {
		t.is(readFileSync(join(folder, name), 'utf8'), readFileSync(join(root, 'docs/figures', name), 'utf8'), `${name} is stale: run npm run figures`);
	}
});
