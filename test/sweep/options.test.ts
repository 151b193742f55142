import test from 'ava';
import {parseSweepOptions, UsageError} from '../../source/run-options.js';

const parse = (input: string[], flags: Record<string, string> = {}, environment: Record<string, string> = {}) => parseSweepOptions(input, flags, environment, 2);

test('plan, run and merge, with their flags', t => {
	t.deepEqual(parse(['plan', 's.json']), {action: 'plan', sweepPath: 's.json'});
	t.deepEqual(parse(['run', 's.json'], {out: 'r'}), {
		action: 'run', sweepPath: 's.json', outDirectory: 'r', selection: {kind: 'all', jobs: 2},
	});
	t.deepEqual(parse(['run', 's.json'], {out: 'r', jobs: '5'}), {
		action: 'run', sweepPath: 's.json', outDirectory: 'r', selection: {kind: 'all', jobs: 5},
	});
	t.deepEqual(parse(['run', 's.json'], {out: 'r', indexFromEnv: 'SLURM_ARRAY_TASK_ID'}, {SLURM_ARRAY_TASK_ID: '12'}), {
		action: 'run', sweepPath: 's.json', outDirectory: 'r', selection: {kind: 'index', index: 12},
	});
	t.deepEqual(parse(['merge', 'r'], {format: 'csv', output: 'm.csv'}), {
		action: 'merge', directory: 'r', format: 'csv', outputPath: 'm.csv',
	});
});

test('bad usage is one UsageError naming what is accepted', t => {
	const refused = (input: string[], flags: Record<string, string> = {}, environment: Record<string, string> = {}) =>
		t.throws(() => parse(input, flags, environment), {instanceOf: UsageError})?.message;
	t.regex(refused(['go', 's.json']), /expected sweep plan SWEEP/v);
	t.regex(refused(['plan']), /expected sweep plan SWEEP/v);
	t.regex(refused(['plan', 'a', 'b']), /expected sweep plan SWEEP/v);
	t.regex(refused(['run', 's.json']), /expected --out DIR/v);
	t.regex(refused(['run', 's.json'], {out: 'r', index: '1', jobs: '2'}), /--index and --jobs exclude each other/v);
	t.regex(refused(['run', 's.json'], {out: 'r', index: '-1'}), /--index: expected a whole number >= 0/v);
	t.regex(refused(['run', 's.json'], {out: 'r', jobs: '0'}), /--jobs: expected a whole number >= 1/v);
	t.regex(refused(['run', 's.json'], {out: 'r', jobs: '9999'}), /--jobs: at most 256/v);
	t.regex(refused(['run', 's.json'], {out: 'r', indexFromEnv: 'SLURM_ARRAY_TASK_ID'}), /SLURM_ARRAY_TASK_ID is not set/v);
	t.regex(refused(['run', 's.json'], {out: 'r', indexFromEnv: 'A-B'}), /expected a variable name/v);
	t.regex(refused(['run', 's.json'], {out: 'r', indexFromEnv: 'TASK'}, {TASK: 'x'}), /expected a whole number/v);
	t.regex(refused(['run', 's.json'], {out: 'r', indexFromEnv: 'constructor'}), /constructor is not set/v);
	t.regex(refused(['merge', 'r'], {format: 'xml'}), /expected table, csv or json/v);
	t.regex(refused(['plan', 's.json'], {out: 'r'}), /--out belongs to sweep run/v);
	t.regex(refused(['merge', 'r'], {jobs: '2'}), /--jobs belongs to sweep run/v);
});
