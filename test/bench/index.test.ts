import {spawnSync} from 'node:child_process';
import process from 'node:process';
import test from 'ava';
import {runCase} from '../../source/bench/cases.js';
import {summarise} from '../../source/bench/repeated.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {root} from '../helpers/cli.js';

test('an unknown bench case ends with one line on stderr naming the known ones, and status 2', t => {
	const {status, stdout, stderr} = spawnSync(process.execPath, ['dist/bench/index.js', '--case', 'nope'], {cwd: root, encoding: 'utf8'});
	t.is(status, 2);
	t.is(stdout, '');
	const lines = stderr.trimEnd().split('\n');
	t.is(lines.length, 1);
	t.true(lines[0]!.startsWith('bench: no case "nope" (known: frames, migration-engine, planning-round, day-16x35,'));
});

test('a repeated case stands for its median run, beside its fastest and slowest, and the most memory any run held', t => {
	const runs = [4, 1, 3, 5, 2].map((seconds, index) => ({seconds, peakRssMiB: 100 + (index * 10), run: index}));
	const repeated = summarise(runs);
	t.is(repeated.median.run, 2);
	t.is(repeated.fastestSeconds, 1);
	t.is(repeated.slowestSeconds, 5);
	t.is(repeated.peakRssMiB, 140);
	t.is(repeated.runs, 5);
	// Of two middle runs, the faster one.
	t.is(summarise(runs.slice(0, 4)).median.seconds, 3);
	t.throws(() => summarise([]), {instanceOf: RangeError});
});

test('a case reports the steal time the machine says passed during its timed run, and none where it cannot tell', async t => {
	const tiny = {
		name: 'tiny', description: 'the default scenario, 3 ticks', build: async () => loadScenario({}), warmupTicks: 1, ticks: 3,
	};
	const readings = [10, 12.5];
	const withSteal = await runCase(tiny, () => 0, () => readings.shift());
	t.is(withSteal.stolenSeconds, 2.5);
	t.is(withSteal.ticks, 3);
	const without = await runCase(tiny, () => 0);
	t.is(without.stolenSeconds, undefined);
});
