/**
Bad traces and workload CSVs, in-process: each is refused by one of the input errors (which the CLI
turns into exit 2) with a message of one line that names the file, the line and what is wrong.
*/
import {
	chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {parseWorkloadCsv} from '../../source/scenario/csv-workload.js';
import {ScenarioFileError} from '../../source/scenario/read-scenario.js';
import {parseTrace, readTraceDirectory, TraceError} from '../../source/scenario/traces.js';
import {checkBadInputs, type BadInput} from '../helpers/bad-input.js';
import {temporaryFolder} from '../helpers/temporary.js';

const traceRoot = temporaryFolder('sandpiper-bad-traces-');

/** A trace directory holding one good file and `setup`'s bad entry. */
function traceDirectory(name: string, setup: (directory: string) => void): string {
	const directory = join(traceRoot, name);
	mkdirSync(directory);
	writeFileSync(join(directory, 'a-good'), '10\n20\n');
	setup(directory);
	return directory;
}

const badInputs: BadInput[] = [
	// Traces: every file problem names the file, escaped.
	{
		name: 'a trace whose name has a line break',
		run: () => parseTrace('node\na', '12\nabc\n'),
		error: TraceError,
		words: [String.raw`trace "node\na", line 2: expected a CPU percentage, got "abc"`],
	},
	{
		name: 'a trace directory whose name has a line break',
		run: async () => readTraceDirectory(join(traceRoot, 'no\nsuch')),
		error: ScenarioFileError,
		words: [String.raw`no\nsuch`, 'no such directory'],
	},
	{
		name: 'a dangling symbolic link in a trace directory',
		run: async () => readTraceDirectory(traceDirectory('dangling', directory => {
			symlinkSync(join(directory, 'nowhere'), join(directory, 'b-dangling'));
		})),
		error: TraceError,
		words: ['trace b-dangling: no such file'],
	},
	{
		name: 'a loop of symbolic links in a trace directory',
		run: async () => readTraceDirectory(traceDirectory('loop', directory => {
			symlinkSync(join(directory, 'b-loop'), join(directory, 'b-loop'));
		})),
		error: TraceError,
		words: ['trace b-loop: too many levels of symbolic links'],
	},
	{
		name: 'a bad trace file whose name has a line break',
		run: async () => readTraceDirectory(traceDirectory('newline', directory => {
			writeFileSync(join(directory, 'b\nbad'), 'x\n');
		})),
		error: TraceError,
		words: [String.raw`trace "b\nbad", line 1`],
	},
	// Workload CSV: an empty cell is no 0.
	{
		name: 'an empty cell in a workload CSV',
		run: () => parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\nvm01,0,,1,1,1\n'),
		error: TraceError,
		words: ['w.csv, line 2, column 3 (cpu): empty cell'],
	},
	{
		name: 'a bad row after a blank line in a workload CSV',
		run: () => parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\n\nvm01,0,1,1,1,x\n'),
		error: TraceError,
		words: ['w.csv, line 3, column 6 (net): expected a number from 0 to 1e9, got "x"'],
	},
	{
		name: 'a demand of 1e308 in a workload CSV',
		run: () => parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\nvm01,0,1e308,1,1,1\n'),
		error: TraceError,
		words: ['w.csv, line 2, column 3 (cpu): expected a number from 0 to 1e9, got "1e308"'],
	},
	{
		name: 'a VM id with a carriage return in a workload CSV',
		run: () => parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\nvm\r01,0,1,1,1,1\n'),
		error: TraceError,
		words: ['w.csv, line 2, column 1 (vm): expected a VM id', String.raw`"vm\r01"`],
	},
];

checkBadInputs(test, badInputs);

// Root reads a file of mode 000, so for root the file is one no one can read: /proc/self/mem at offset 0.
const asRoot = process.getuid?.() === 0;
const canMakeUnreadable = !asRoot || existsSync('/proc/self/mem');

(canMakeUnreadable ? test : test.skip)('bad input: an unreadable trace file is named with the reason', async t => {
	const directory = traceDirectory('unreadable', directory => {
		if (asRoot) {
			symlinkSync('/proc/self/mem', join(directory, 'b-unreadable'));
		} else {
			writeFileSync(join(directory, 'b-unreadable'), '10\n');
			chmodSync(join(directory, 'b-unreadable'), 0o000);
		}
	});
	const thrown = await t.throwsAsync(readTraceDirectory(directory), {instanceOf: TraceError});
	t.is(thrown.message, `trace b-unreadable: ${asRoot ? 'input/output error' : 'permission denied'}`);
});
