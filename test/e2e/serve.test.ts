/**
End to end: `sandpiper serve` as students and presenters meet it, through the real OpenSSH client in
real terminals (tmux panes on private sockets), against the built server on a free loopback port with
a state folder of its own. Each test starts its own server: what one test does to the lecture (a
pause) must not decide what another sees.
*/
import {execFileSync, spawn} from 'node:child_process';
import {statSync} from 'node:fs';
import {connect} from 'node:net';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {standingFor, viewerRefusal} from '../../source/serve/roles.js';
import type {Pane} from '../helpers/pane.js';
import {
	freePort, runClient, runWithSsh, startServer, type ServedLecture, type Who,
} from '../helpers/ssh-server.js';

const viewerStanding = standingFor('viewer', {kind: 'lecture'});
const presenterStanding = standingFor('presenter', {kind: 'lecture'});

function statusLine(screen: string): string {
	return screen.split('\n')[0] ?? '';
}

/** The tick the status line shows; NaN when it shows none (then every comparison with it fails). */
function tickOf(screen: string): number {
	return Number(/\btick (?<tick>\d+)\b/v.exec(statusLine(screen))?.groups?.['tick'] ?? Number.NaN);
}

/** A pane signed in as `who`, once its dashboard shows `standing`; closed when the test ends. */
async function signIn(t: ExecutionContext, server: ServedLecture, who: Who, standing: string): Promise<Pane> {
	const pane = server.pane(who);
	t.teardown(() => {
		pane.close();
	});
	// Generous: a connection, a key exchange and a first frame, on two cores that run other test files too.
	await pane.until(screen => statusLine(screen).includes(standing) && /^h16 /mv.test(screen), `the ${who}'s dashboard`, 20_000);
	return pane;
}

/** The lecture's clock goes on in `pane`: its tick passes `after`. */
async function ticksOn(pane: Pane, after: number, what: string): Promise<string> {
	return pane.until(screen => tickOf(screen) > after, what);
}

async function serve(t: ExecutionContext, ...flags: Parameters<typeof startServer>): Promise<ServedLecture> {
	const server = await startServer(...flags);
	t.teardown(() => {
		server.kill();
	});
	return server;
}

runWithSsh('a viewer comes in by keyboard-interactive and sees the live dashboard; the host key is made in the state folder and is the one OpenSSH sees', async t => {
	const server = await serve(t);
	const viewer = await signIn(t, server, 'viewer', viewerStanding);
	const first = viewer.screen();
	const lines = first.trimEnd().split('\n');
	t.true(lines.length <= 24, `the frame uses ${lines.length} of 24 rows`);
	t.true(lines.every(line => line.length <= 80));
	t.false(statusLine(first).includes('PAUSED'));
	await ticksOn(viewer, tickOf(first), 'the lecture to go on');
	t.true(await server.logs(/signed in as viewer/v), server.log());
	t.true(await server.logs(/dashboard opened as viewer, 80x24/v), server.log());

	const hostKey = join(server.stateHome, 'sandpiper', 'host-key');
	t.is(statSync(hostKey).mode.toString(8).slice(-3), '600', 'the private host key is its owner\'s alone');
	const hostKeyLine = /host key (?<fingerprint>SHA256:\S+) \(new, saved to (?<path>[^\)]+)\)/v;
	t.true(await server.logs(hostKeyLine), server.log());
	const logged = hostKeyLine.exec(server.log())?.groups;
	t.is(logged?.['path'], hostKey);
	const scanned = await runClient('ssh-keyscan', ['-p', String(server.port), '-t', 'ed25519', '127.0.0.1']);
	const seen = execFileSync('ssh-keygen', ['-l', '-f', '-'], {input: scanned.stdout, encoding: 'utf8'});
	t.true(logged?.['fingerprint'] !== undefined && seen.includes(logged['fingerprint']), `the server logged ${logged?.['fingerprint']}, OpenSSH sees ${seen}`);
});

runWithSsh('a presenter\'s Space pauses and resumes the lecture on every screen', async t => {
	const server = await serve(t);
	const presenter = await signIn(t, server, 'presenter', presenterStanding);
	const viewer = await signIn(t, server, 'viewer', viewerStanding);
	t.true(await server.logs(/signed in as presenter/v), server.log());

	presenter.keys('Space');
	await presenter.until(screen => statusLine(screen).includes('PAUSED'), 'the presenter\'s screen to pause');
	const paused = await viewer.until(screen => statusLine(screen).includes('PAUSED'), 'the viewer\'s screen to pause');
	t.true(statusLine(paused).includes(viewerStanding), 'the viewer is still a viewer, not given a note');

	presenter.keys('Space');
	for (const pane of [presenter, viewer]) {
		// eslint-disable-next-line no-await-in-loop -- one screen after the other
		const resumed = await pane.until(screen => !statusLine(screen).includes('PAUSED'), 'the screen to resume');
		// eslint-disable-next-line no-await-in-loop -- as above
		await ticksOn(pane, tickOf(resumed), 'the lecture to go on');
	}
});

runWithSsh('a viewer\'s m is refused with a note; in their fork (F) m opens the picker and Space pauses only the fork; R rejoins', async t => {
	const server = await serve(t);
	const student = await signIn(t, server, 'viewer', viewerStanding);
	const neighbour = await signIn(t, server, 'viewer', viewerStanding);

	student.keys('m');
	const refused = await student.until(screen => statusLine(screen).includes(viewerRefusal), 'the viewer\'s note');
	t.false(refused.includes('Migrate vm'), 'no picker opened on the lecture');
	t.false(statusLine(neighbour.screen()).includes('viewer: '), 'the note is the student\'s alone');

	student.keys('F');
	const forked = await student.until(screen => /FORK from tick \d+ \(R rejoins\)/v.test(statusLine(screen)), 'the fork');
	t.true(await server.logs(/forked the lecture at tick \d+/v), server.log());
	student.keys('m');
	await student.until(screen => screen.includes('Migrate vm'), 'the migration picker in the fork');
	t.false(neighbour.screen().includes('Migrate vm'));
	t.true(statusLine(neighbour.screen()).includes(viewerStanding));
	student.keys('Escape');
	await student.until(screen => !screen.includes('Migrate vm'), 'the picker to close');

	student.keys('Space');
	const forkPaused = await student.until(screen => statusLine(screen).includes('PAUSED'), 'the fork to pause');
	t.true(tickOf(forkPaused) >= tickOf(forked));
	// The lecture runs on for the others while the fork stands still.
	const lecture = await ticksOn(neighbour, tickOf(forkPaused) + 1, 'the lecture to run past the paused fork');
	t.false(statusLine(lecture).includes('PAUSED'));
	t.is(tickOf(student.screen()), tickOf(forkPaused), 'the paused fork stands still');

	student.keys('R');
	const back = await student.until(screen => statusLine(screen).includes(viewerStanding), 'the student back on the lecture');
	t.false(statusLine(back).includes('PAUSED'));
	t.true(await server.logs(/dropped the fork from tick \d+ and rejoined/v), server.log());
});

runWithSsh('a resize of one terminal redraws that connection alone in the wide layout', async t => {
	const server = await serve(t);
	const wide = await signIn(t, server, 'viewer', viewerStanding);
	const narrow = await signIn(t, server, 'viewer', viewerStanding);
	t.false(wide.screen().includes('Hotspot alerts'), 'at 80x24 the dashboard has no room for the alerts panel');

	wide.tmux('resize-window', '-t', 'app', '-x', '120', '-y', '40');
	const redrawn = await wide.until(screen => screen.includes('Hotspot alerts') && screen.includes('Network (N for more)'), 'the wide layout');
	const lines = redrawn.trimEnd().split('\n');
	t.true(lines.length > 24 && lines.length <= 40, `the wide frame uses ${lines.length} of 40 rows`);
	t.true(lines.some(line => line.length > 80), 'the wide frame uses the new width');

	// Frames drawn for the other connection after the resize: still its own 80x24.
	const other = await ticksOn(narrow, tickOf(redrawn) + 1, 'the other connection to draw again');
	t.false(other.includes('Hotspot alerts'));
	const otherLines = other.trimEnd().split('\n');
	t.true(otherLines.length <= 24 && otherLines.every(line => line.length <= 80));
	t.is(narrow.display('#{window_width}x#{window_height}'), '80x24');
});

type Read = {text: string; closed: boolean};

/**
What a TCP client reads from 127.0.0.1:`port`, and whether the other end closed it before `timeoutMs`;
connects again while nothing listens there yet (ssh sets up its -L listener after signing in).
*/
async function readFromPort(port: number, timeoutMs = 10_000): Promise<Read> {
	const start = Date.now();
	const attempt = async () => new Promise<Read | undefined>(resolve => {
		let text = '';
		const socket = connect(port, '127.0.0.1');
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			text += chunk;
		});
		socket.on('error', () => {
			resolve(undefined);
		});
		socket.on('close', hadError => {
			resolve(hadError ? undefined : {text, closed: true});
		});
		setTimeout(() => {
			resolve({text, closed: false});
			socket.destroy();
		}, Math.max(timeoutMs - (Date.now() - start), 1)).unref();
	});
	for (;;) {
		// eslint-disable-next-line no-await-in-loop -- one attempt at a time, until ssh listens
		const read = await attempt();
		if (read !== undefined) {
			return read;
		}

		if (Date.now() - start > timeoutMs) {
			return {text: '', closed: false};
		}

		// eslint-disable-next-line no-await-in-loop -- polling for ssh's listener
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

runWithSsh('a presenter\'s exec, SFTP, -L and -R are refused', async t => {
	const server = await serve(t);
	const options = server.sshOptions('presenter');

	const exec = await runClient('ssh', [...options, '127.0.0.1', 'echo', 'ran-a-command']);
	t.is(exec.code, 255, exec.stderr);
	t.regex(exec.stderr, /exec request failed/v);
	t.false(exec.stdout.includes('ran-a-command'));

	// An empty batch: with the subsystem granted, sftp would connect and exit 0.
	const sftp = await runClient('sftp', ['-b', '/dev/null', ...options, '127.0.0.1']);
	t.not(sftp.code, 0, sftp.stderr);
	t.regex(sftp.stderr, /subsystem request failed/v);

	const remote = await runClient('ssh', [...options, '-N', '-o', 'ExitOnForwardFailure=yes', '-R', `127.0.0.1:${await freePort()}:127.0.0.1:${server.port}`, '127.0.0.1']);
	t.is(remote.code, 255, remote.stderr);
	t.regex(remote.stderr, /remote port forwarding failed/v);

	// -L to the server's own port: forwarded, a connection would read its banner (SSH-2.0-sandpiper); opened
	// but not forwarded, it would hang; refused, ssh closes it at once with nothing.
	const localPort = await freePort();
	const local = spawn('ssh', [...options, '-N', '-o', 'ExitOnForwardFailure=yes', '-L', `127.0.0.1:${localPort}:127.0.0.1:${server.port}`, '127.0.0.1'], {stdio: 'ignore'});
	t.teardown(() => {
		local.kill();
	});
	t.deepEqual(await readFromPort(localPort), {text: '', closed: true});
	t.is(local.exitCode, null, 'ssh itself stayed up: the refusal was of the forwarded connection');
	t.is(server.child.exitCode, null, 'the server is still up');
});

runWithSsh('a key that is not in the presenters file, listed by --viewers keys:FILE, has a viewer\'s rights only; no key, no entry', async t => {
	const server = await serve(t, files => ['--viewers', `keys:${files.strangerPublicKey}`]);
	const stranger = await signIn(t, server, 'stranger', viewerStanding);
	const before = stranger.screen();
	stranger.keys('Space');
	const refused = await stranger.until(screen => statusLine(screen).includes(viewerRefusal), 'the viewer\'s note');
	t.false(statusLine(refused).includes('PAUSED'));
	await ticksOn(stranger, tickOf(before) + 1, 'the lecture to go on');
	t.true(await server.logs(/signed in as viewer/v), server.log());
	t.notRegex(server.log(), /as presenter/v);

	const keyless = await runClient('ssh', [...server.sshOptions('viewer'), '-T', '127.0.0.1']);
	t.is(keyless.code, 255, keyless.stderr);
	t.regex(keyless.stderr, /Permission denied \(publickey\)/v);
});

runWithSsh('--max-sessions 2 turns the third dashboard away with a line, and lets one in once a seat is free', async t => {
	const server = await serve(t, ['--max-sessions', '2']);
	const first = await signIn(t, server, 'presenter', presenterStanding);
	await signIn(t, server, 'viewer', viewerStanding);

	const third = server.pane('viewer');
	t.teardown(() => {
		third.close();
	});
	const full = await third.until(screen => screen.includes('[exit'), 'the third client to end', 20_000);
	t.true(full.includes('sandpiper: the lecture is full (2 sessions, --max-sessions); try again later'), full);
	t.is(await third.exitStatus(), 1);
	t.true(await server.logs(/refused, the lecture is full \(2 sessions\)/v), server.log());

	first.keys('q');
	t.is(await first.exitStatus(), 0);
	t.true(first.screen().includes('sandpiper: you left the lecture (q)'));
	await signIn(t, server, 'viewer', viewerStanding);
});

runWithSsh('SIGTERM ends every session with a line, forks too, and the server exits 0', async t => {
	const server = await serve(t);
	const presenter = await signIn(t, server, 'presenter', presenterStanding);
	const viewer = await signIn(t, server, 'viewer', viewerStanding);
	viewer.keys('F');
	await viewer.until(screen => statusLine(screen).includes('FORK from tick'), 'the viewer\'s fork');

	t.is(await server.terminate(), 0);
	for (const pane of [presenter, viewer]) {
		// eslint-disable-next-line no-await-in-loop -- one pane after the other
		t.is(await pane.exitStatus(), 0);
		t.true(pane.screen().includes('sandpiper: the lecture has ended (SIGTERM)'), pane.screen());
		t.true(pane.leftAlternateScreen(), 'the client\'s terminal is back on its own screen');
		t.true(pane.cursorShown());
	}

	t.true(await server.logs(/shutting down \(SIGTERM\)/v), server.log());
});
