import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {fileSink, removeUnfinishedFiles} from '../../source/cli/sink.js';
import {removeDisk, smallDisk} from '../helpers/small-disk.js';
import {temporaryFolder} from '../helpers/temporary.js';
import {checkWritablePath} from '../../source/cli/paths.js';
import {UsageError} from '../../source/run-options.js';

function directory(): string {
	return temporaryFolder('sandpiper-sink-');
}

test.serial('a file sink writes beside its target and replaces it only on commit', async t => {
	const folder = directory();
	const target = join(folder, 'report.csv');
	writeFileSync(target, 'old report\n');
	const sink = await fileSink(target);
	await sink.write('new ');
	await sink.write(new TextEncoder().encode('report\n'));
	t.is(readFileSync(target, 'utf8'), 'old report\n', 'the old report stays until the new one is whole');
	t.is(readdirSync(folder).length, 2, 'the temporary file is in the same directory');
	await sink.commit();
	t.is(readFileSync(target, 'utf8'), 'new report\n');
	t.deepEqual(readdirSync(folder), ['report.csv']);
	sink.abort();
	t.is(readFileSync(target, 'utf8'), 'new report\n', 'an abort after the commit changes nothing');
});

test.serial('whatever point a write stops at (an error, a signal), the target is the old report or the whole new one', async t => {
	await fc.assert(fc.asyncProperty(fc.array(fc.string({unit: 'binary'}), {maxLength: 8}), fc.nat(10), fc.boolean(), async (chunks, stopAt, hadOld) => {
		const folder = directory();
		const target = join(folder, 'out.json');
		if (hadOld) {
			writeFileSync(target, 'old');
		}

		const sink = await fileSink(target);
		const stops = stopAt < chunks.length;
		for (const chunk of stops ? chunks.slice(0, stopAt) : chunks) {
			// eslint-disable-next-line no-await-in-loop
			await sink.write(chunk);
		}

		if (stops) {
			sink.abort();
		} else {
			await sink.commit();
		}

		const expected = stops ? (hadOld ? 'old' : undefined) : chunks.join('');
		t.deepEqual(readdirSync(folder), expected === undefined ? [] : ['out.json']);
		t.is(expected === undefined ? undefined : readFileSync(target, 'utf8'), expected);
	}), {numRuns: 30});
});

test.serial('the signal handlers\' last clean-up removes every temporary file still open', async t => {
	const folder = directory();
	const sink = await fileSink(join(folder, 'out.csv'));
	await sink.write('half');
	removeUnfinishedFiles();
	t.deepEqual(readdirSync(folder), []);
	sink.abort();
});

/** A disk that fills up (root only): without it the test is skipped. */
const disk = smallDisk('64k');
(disk ? test.serial : test.skip)('on a disk that fills up, a write fails instead of being cut short, and the old report stays', async t => {
	const target = join(disk!, 'report.csv');
	writeFileSync(target, 'old report\n');
	try {
		const sink = await fileSink(target);
		const row = 'x'.repeat(1000) + '\n';
		const error = await t.throwsAsync(async () => {
			for (let index = 0; index < 200; index++) {
				// eslint-disable-next-line no-await-in-loop
				await sink.write(row);
			}
		});
		t.regex(error?.message ?? '', /no space left on device/v);
		sink.abort();
		t.is(readFileSync(target, 'utf8'), 'old report\n');
		t.deepEqual(readdirSync(disk!), ['report.csv']);
	} finally {
		removeDisk(disk!);
	}
});

// Before any work, a path the report cannot be written to is refused (cli/paths.ts).
const folder = temporaryFolder('sandpiper-paths-');
writeFileSync(join(folder, 'old.json'), '{}');

for (const [flag, path, reason] of [
	['output', 'newdir/', 'a directory path (ends in /); name a file'],
	['output', join(folder, 'no', 'such', 'report.csv'), `no directory ${join(folder, 'no', 'such')}`],
	['output', folder, 'it is a directory'],
	['output', '/dev/full', 'not a regular file (leave out --output to write to standard output)'],
	['record', folder, 'it is a directory'],
	['record', '/dev/full', 'not a regular file'],
	['record', `${folder}/`, 'a directory path (ends in /); name a file'],
] as const) {
	test(`--${flag} ${path} is refused before any work: ${reason}`, async t => {
		await t.throwsAsync(checkWritablePath(flag, path), {instanceOf: UsageError, message: `--${flag}: cannot write ${path}: ${reason}`});
	});
}

test('a new file in a writable directory, or an old report to replace, is accepted', async t => {
	await t.notThrowsAsync(checkWritablePath('output', join(folder, 'new.csv')));
	await t.notThrowsAsync(checkWritablePath('record', join(folder, 'old.json')));
	await t.notThrowsAsync(checkWritablePath('output', undefined));
});
