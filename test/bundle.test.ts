import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {temporaryFolder} from './helpers/temporary.js';

const root = new URL('../', import.meta.url).pathname;
const bundled = join(root, 'dist/bundle/cli.js');
const unbundled = join(root, 'dist/cli.js');

function run(cli: string, args: readonly string[], environment: NodeJS.ProcessEnv = {}): string {
	return execFileSync(process.execPath, [...(environment['LOADS_FILE'] ? ['--import', join(root, 'test/helpers/record-loads.mjs')] : []), cli, ...args], {
		encoding: 'utf8', env: {...process.env, ...environment, NO_COLOR: '1'},
	});
}

test('the bundled command line answers as the unbundled one: help, a headless run, eval', t => {
	t.is(run(bundled, ['--help']), run(unbundled, ['--help']));
	const headless = ['--headless', '--ticks', '120', '--format', 'json', '--events'];
	t.is(run(bundled, headless), run(unbundled, headless));
	const evaluation = ['eval', '--seeds', '2', '--ticks', '60', '--format', 'json'];
	t.is(run(bundled, evaluation), run(unbundled, evaluation));
});

test('a headless run of the bundle never loads the dashboard (Ink, React, Yoga)', t => {
	const loads = join(temporaryFolder('sandpiper-loads-'), 'loads.txt');
	run(bundled, ['--headless', '--ticks', '10'], {LOADS_FILE: loads});
	const urls = readFileSync(loads, 'utf8').trim().split('\n');
	t.true(urls.some(url => url.endsWith('/dist/bundle/cli.js')), 'the hook saw the bundle load');
	const dashboard = urls.filter(url => url.startsWith('file:') && /react-reconciler|yoga-layout/v.test(readFileSync(new URL(url), 'utf8')));
	t.deepEqual(dashboard, []);
});
