import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {checkWritablePath} from '../../source/cli/paths.js';
import {UsageError} from '../../source/run-options.js';
import {temporaryFolder} from '../helpers/temporary.js';

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
