/**
Faults from outside: a disk that fills up and hostile names as whole processes, names in traces and
sessions whose scenario changed through the same `main` in-process. Each ends in one line and the documented status, and loses nothing the user kept.
*/
import {spawn} from 'node:child_process';
import {
	closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {failureOf, main} from '../source/cli/main.js';
import {loadScenario} from '../source/scenario/load-scenario.js';
import {root, runCli} from './helpers/cli.js';
import {removeDisk, smallDisk} from './helpers/small-disk.js';
import {terminalHazardInOutput} from './helpers/terminal-hazard.js';
import {temporaryFolder} from './helpers/temporary.js';

function directory(): string {
	return temporaryFolder('sandpiper-faults-');
}

/** Whether a small disk can be mounted here (root only): without it those tests are skipped. */
const probe = smallDisk('64k');
if (probe) {
	removeDisk(probe);
}

/** Runs `check` with a 256 KiB disk of its own, unmounted after. */
const onSmallDisk = (title: string, check: (t: ExecutionContext, disk: string) => Promise<void>) => {
	(probe ? test : test.skip)(title, async t => {
		const disk = smallDisk('256k')!;
		try {
			await check(t, disk);
		} finally {
			removeDisk(disk);
		}
	});
};

onSmallDisk('--output on a disk that fills up: status 1, one line, and the old report as it was', async (t, disk) => {
	const target = join(disk, 'hosts.csv');
	writeFileSync(target, 'old report\n');
	const {code, stderr} = await runCli(['--headless', '--format', 'csv', '--ticks', '3000', '--output', target]);
	t.is(code, 1);
	t.regex(stderr, /^sandpiper: [^\n]*no space left on device[^\n]*\n$/v);
	t.is(readFileSync(target, 'utf8'), 'old report\n');
	t.deepEqual(readdirSync(disk), ['hosts.csv']);
});

onSmallDisk('a report redirected to a file on a disk that fills up: status 1, not a file cut short with status 0', async (t, disk) => {
	const target = join(disk, 'redirected.csv');
	const descriptor = openSync(target, 'w');
	const child = spawn(process.execPath, ['dist/cli.js', '--headless', '--format', 'csv', '--ticks', '1000'], {cwd: root, stdio: ['ignore', descriptor, 'pipe']});
	closeSync(descriptor);
	let stderr = '';
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const code = await new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	t.is(code, 1);
	t.regex(stderr, /^sandpiper: [^\n]*no space left on device[^\n]*\n$/v);
});

/** The teaching scenario under another name. */
function renamedScenario(name: string): string {
	const path = join(directory(), 'renamed.json');
	const scenario = JSON.parse(readFileSync(join(root, 'fixtures/scenarios/teaching-3x6.json'), 'utf8')) as Record<string, unknown>;
	writeFileSync(path, JSON.stringify({...scenario, name}));
	return path;
}

// Every report's writer is checked in-process (test/terminal/outside-text.test.tsx); these two go through a whole process.
test('a scenario name with terminal escapes is refused in one line that shows them escaped', async t => {
	const {code, stdout, stderr} = await runCli(['network', '--scenario', renamedScenario('lab\u001B]0;pwned\u0007\u001B[2J\r\nevil')]);
	t.is(code, 2);
	t.is(stdout, '');
	t.is(stderr.split('\n').length, 2, `stderr: ${stderr}`);
	t.is(terminalHazardInOutput(stderr), undefined);
});

test('a scenario name with bidi overrides reaches the table report escaped', async t => {
	const output = join(directory(), 'report.txt');
	await main(['--headless', '--ticks', '5', '--output', output, '--scenario', renamedScenario('lab\u202Eevil\u2066x')], () => undefined);
	const report = readFileSync(output, 'utf8');
	t.is(terminalHazardInOutput(report), undefined);
	t.true(report.includes(String.raw`lab\u202eevil\u2066x`), `report: ${report.slice(0, 300)}`);
});

test('a trace file whose name has a newline and an escape is named on one line', async t => {
	const traces = join(directory(), 'traces');
	mkdirSync(traces);
	writeFileSync(join(traces, 'bad\nname\u001B[2J'), 'not a number\n');
	const {message, code} = failureOf(await t.throwsAsync(main(['--headless', '--trace-dir', traces], () => undefined)));
	t.is(code, 2);
	t.is(terminalHazardInOutput(message), undefined);
	t.false(message.includes('\n'));
});

test('a session replayed after its scenario changed is refused in one line unless --force', async t => {
	const folder = directory();
	const scenario = join(folder, 'teaching.json');
	const text = readFileSync(join(root, 'fixtures/scenarios/teaching-3x6.json'), 'utf8');
	writeFileSync(scenario, text);
	const session = join(folder, 'session.json');
	// The hash a recording of this scenario keeps: the one the replay computes when nothing changed.
	const loaded = await loadScenario({path: scenario});
	writeFileSync(session, JSON.stringify({
		version: 1, scenario: 'teaching-3x6', seed: 1, scenarioHash: loaded.inputHash(), program: '0.1.0', timeline: [],
	}));
	const replay = async (...more: string[]) => main(['--headless', '--scenario', scenario, '--replay', session, '--ticks', '5', '--output', join(folder, 'report.txt'), ...more], () => undefined);
	await t.notThrowsAsync(replay());
	writeFileSync(scenario, text.replace('"seed": 7', '"seed": 8').replace(/"tickSeconds": 1\b/v, '"tickSeconds": 2'));
	const {message, code} = failureOf(await t.throwsAsync(replay()));
	t.is(code, 2);
	t.regex(message, /^scenario teaching-3x6 has changed since the session was recorded [^\n]*--force replays it anyway$/v);
	await t.notThrowsAsync(replay('--force'));
});
