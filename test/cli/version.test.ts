import {readFileSync} from 'node:fs';
import test from 'ava';
import {programVersion} from '../../source/cli/version.js';

test('the program\'s version is the one in package.json (recordings carry it)', t => {
	const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
	t.is(programVersion(), manifest.version);
	t.regex(programVersion(), /^\d+\.\d+\.\d+/v);
});
