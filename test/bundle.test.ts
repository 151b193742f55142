import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {temporaryFolder} from './helpers/temporary.js';

const root = new URL('../', import.meta.url).pathname;
const bundled = join(root, 'dist/bundle/cli.js');
const unbundled = join(root, 'dist/cli.js');
const traces = join(root, 'fixtures/traces/sample');

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

/** The modules a file of the bundle holds, from its source map: a chunk mixes many. */
function bundledSources(url: string): string[] {
	const map = new URL(`${url}.map`);
	return url.startsWith('file:') && existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as {sources: string[]}).sources : [];
}

/** The files of the bundle that a run loads and that hold zod. */
function zodLoads(args: readonly string[]): string[] {
	const loads = join(temporaryFolder('sandpiper-loads-'), 'loads.txt');
	run(bundled, args, {LOADS_FILE: loads});
	const urls = readFileSync(loads, 'utf8').trim().split('\n');
	return urls.filter(url => bundledSources(url).some(source => source.includes('node_modules/zod/')));
}

test('a headless run of the bundle on a generated datacenter never loads zod: the scenario is built, not parsed', t => {
	t.deepEqual(zodLoads(['--headless', '--cloudsim', '--trace-dir', traces, '--hosts', '12', '--ticks', '10', '--format', 'json']), []);
	// The check sees zod where it is loaded: a scenario file is parsed with it.
	t.not(zodLoads(['--headless', '--ticks', '10']).length, 0);
});
