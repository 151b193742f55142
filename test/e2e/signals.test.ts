/**
End to end: every way out of a recorded dashboard session restores the terminal and leaves a session
file that replays; a headless run stopped by Ctrl-C reports what it ran, and one stopped by SIGTERM
leaves the old report as it was.
*/
import {execFileSync, spawn} from 'node:child_process';
import {
	existsSync, readdirSync, readFileSync, writeFileSync,
} from 'node:fs';
import {dirname, join} from 'node:path';
import process from 'node:process';
import {main} from '../../source/cli/main.js';
import {root} from '../helpers/cli.js';
import {Pane, run} from '../helpers/pane.js';
import {waitFor} from '../helpers/wait-for.js';
import {temporaryFolder} from '../helpers/temporary.js';

for (const [signal, status] of [['INT', 130], ['HUP', 129], ['TERM', 143]] as const) {
	run(`SIG${signal} during a recorded dashboard session restores the terminal and leaves a session that replays`, async t => {
		const session = join(temporaryFolder('sandpiper-signal-'), 'session.json');
		const pane = new Pane(80, 24, `--record ${JSON.stringify(session)}`);
		try {
			await pane.until(screen => screen.includes('policy sandpiper'), 'the first frame');
			await pane.until(() => pane.isRaw(), 'raw mode');
			t.true(existsSync(session), 'the empty session is saved at the start');
			pane.keys('P');
			await waitFor(() => readFileSync(session, 'utf8').includes('"setPolicy"'), 'the command to be saved as it is given', 10_000);
			execFileSync('kill', [`-${signal}`, pane.appPid()]);
			t.is(await pane.exitStatus(), status);
			t.true(pane.leftAlternateScreen(), 'the alternate screen is left');
			t.true(pane.cursorShown(), 'the cursor is shown');
		} finally {
			pane.close();
		}

		const report = join(dirname(session), 'replay.json');
		await main(['--headless', '--replay', session, '--ticks', '100', '--format', 'json', '--events', '--output', report], () => undefined);
		t.true((JSON.parse(readFileSync(report, 'utf8')) as {events: Array<{type: string}>}).events.some(event => event.type === 'policyChanged'));
	});
}

/** A long headless run writing to `output`; `exited` is its status, `stderr()` what it has said. */
function startHeadless(output: string) {
	const child = spawn(process.execPath, ['dist/cli.js', '--headless', '--format', 'json', '--ticks', '10000000', '--output', output], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	return {child, exited, stderr: () => stderr};
}

run('Ctrl-C stops a headless run with a whole report of the ticks that ran, marked partial (status 130)', async t => {
	const directory = temporaryFolder('sandpiper-interrupt-');
	const output = join(directory, 'report.json');
	const {child, exited, stderr} = startHeadless(output);
	await waitFor(() => readdirSync(directory).length > 0, 'the run to start writing', 10_000);
	child.kill('SIGINT');
	t.is(await exited, 130);
	const report = JSON.parse(readFileSync(output, 'utf8')) as {ticks: number; partial: {ticksRun: number; ticksAsked: number}};
	t.is(report.partial.ticksAsked, 10_000_000);
	t.is(report.ticks, report.partial.ticksRun);
	t.regex(stderr(), /interrupted: the report covers \d+ of 10000000 ticks/v);
	t.deepEqual(readdirSync(directory), ['report.json']);
});

run('SIGUSR1 opens no inspector; SIGTERM abandons a headless run: the old report stays as it was, and no temporary file is left', async t => {
	const directory = temporaryFolder('sandpiper-terminate-');
	const output = join(directory, 'report.json');
	writeFileSync(output, '{"old": true}\n');
	const {child, exited, stderr} = startHeadless(output);
	await waitFor(() => readdirSync(directory).length > 1, 'the run to start writing', 10_000);
	child.kill('SIGUSR1');
	// Node would open its inspector within milliseconds and say so on stderr.
	await new Promise(resolve => {
		setTimeout(resolve, 500);
	});
	child.kill('SIGTERM');
	t.is(await exited, 143);
	t.false(stderr().includes('Debugger listening'), `stderr: ${stderr()}`);
	t.is(readFileSync(output, 'utf8'), '{"old": true}\n');
	t.deepEqual(readdirSync(directory), ['report.json']);
});
