import {spawnSync} from 'node:child_process';
import process from 'node:process';
import test from 'ava';
import {root} from '../helpers/cli.js';

test('an unknown bench case ends with one line on stderr naming the known ones, and status 2', t => {
	const {status, stdout, stderr} = spawnSync(process.execPath, ['dist/bench/index.js', '--case', 'nope'], {cwd: root, encoding: 'utf8'});
	t.is(status, 2);
	t.is(stdout, '');
	const lines = stderr.trimEnd().split('\n');
	t.is(lines.length, 1);
	t.true(lines[0]!.startsWith('bench: no case "nope" (known: frames, migration-engine, planning-round, day-16x35,'));
});
