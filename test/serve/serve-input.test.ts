/**
What `sandpiper serve` reads from outside, checked before it listens: flags, the presenters and viewers
files, the host key (made 0600 on the first run, its fingerprint as OpenSSH prints it), and the port.
Every fault is one line and exit 2 (a UsageError, which the shell turns into status 2).
*/
import {execFileSync} from 'node:child_process';
import {existsSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import test from 'ava';
import {failureOf} from '../../source/cli/main.js';
import {parseServeOptions} from '../../source/options/serve.js';
import {UsageError} from '../../source/options/usage.js';
import {parseAuthorizedKeys} from '../../source/serve/authorized-keys.js';
import {loadHostKey} from '../../source/serve/host-key.js';
import {manualLecture, testServer} from '../helpers/lecture.js';
import {runMain} from '../helpers/main.js';
import {temporaryFolder} from '../helpers/temporary.js';

const hasKeygen = (() => {
	try {
		execFileSync('ssh-keygen', ['-?'], {stdio: 'ignore'});
		return true;
	} catch (error) {
		// `ssh-keygen -?` prints its usage and exits 1: installed.
		return error instanceof Error && 'status' in error && error.status === 1;
	}
})();

const withKeygen = hasKeygen ? test : test.skip;

const refusals: Array<[Record<string, string>, RegExp]> = [
	[{listen: 'nowhere'}, /^--listen: expected HOST:PORT/v],
	[{listen: '127.0.0.1:0'}, /^--listen: expected a whole number >= 1/v],
	[{listen: '127.0.0.1:70000'}, /^--listen: at most 65,535/v],
	[{viewers: 'everyone'}, /^--viewers: expected open, keys:FILE or password-env:VARIABLE/v],
	[{viewers: 'password-env:SANDPIPER_TEST_UNSET'}, /^--viewers: the environment variable SANDPIPER_TEST_UNSET is not set or empty/v],
	[{maxSessions: '0'}, /^--max-sessions: expected a whole number >= 1/v],
	[{maxForks: '-1'}, /^--max-forks: expected a whole number >= 0/v],
	[{idleTimeout: 'soon'}, /^--idle-timeout: expected a whole number >= 0/v],
	[{hostKey: ''}, /^--host-key: expected a file path/v],
];

for (const [flags, message] of refusals) {
	test(`serve ${JSON.stringify(flags)} is refused in one line`, t => {
		const error = t.throws(() => parseServeOptions(flags, {}), {instanceOf: UsageError});
		t.regex(error.message, message);
		t.false(error.message.includes('\n'));
		t.is(failureOf(error).code, 2);
	});
}

test('serve\'s defaults: loopback only, open viewers, bounded sessions and forks', t => {
	const options = parseServeOptions({}, {});
	t.like(options, {
		host: '127.0.0.1', port: 2222, viewers: {kind: 'open'}, maxSessions: 50, maxForks: 10, idleTimeoutSeconds: 3600,
	});
	t.like(parseServeOptions({listen: '[::1]:2300', viewers: 'password-env:LECTURE'}, {LECTURE: 'secret'}), {host: '::1', port: 2300, viewers: {kind: 'password', password: 'secret'}});
	t.like(parseServeOptions({listen: ':2301'}, {}), {host: '127.0.0.1', port: 2301});
});

test('a presenters file with a line that holds no key is refused with its line number, the line made safe', t => {
	const good = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJxg7vxZ7D1lJ7vq1zAtf6L7mUGwHBrZ9r3tM9d7rKCp prof@laptop';
	t.is(parseAuthorizedKeys(`# presenters\n\n${good}\nno-pty,command="x" ${good}\n`, 'p', 'presenters').count, 2);
	const error = t.throws(() => parseAuthorizedKeys(`${good}\nssh-ed25519 not-a-key \u001B[2J\n`, 'keys', 'presenters'), {instanceOf: UsageError});
	t.regex(error.message, /^--presenters: keys, line 2: expected a public key/v);
	t.false(error.message.includes('\u001B'));
});

test('a presenters file that cannot be read: one line through the shell, exit 2, before listening', async t => {
	const error = await t.throwsAsync(runMain(['serve', '--presenters', '/nonexistent/presenters', '--listen', '127.0.0.1:1']));
	t.regex(error.message, /^--presenters: cannot read \/nonexistent\/presenters \(ENOENT\)$/v);
	t.is(failureOf(error).code, 2);
});

withKeygen('the first run makes a host key, mode 0600, whose fingerprint is the one ssh-keygen prints; later runs read it back', t => {
	const state = temporaryFolder('sandpiper-serve-state-');
	const made = loadHostKey(undefined, {XDG_STATE_HOME: state});
	t.true(made.generated);
	t.is(made.path, join(state, 'sandpiper', 'host-key'));
	t.is(statSync(made.path).mode.toString(8).slice(-3), '600');
	const printed = execFileSync('ssh-keygen', ['-l', '-f', made.path], {encoding: 'utf8'});
	t.true(printed.includes(made.fingerprint), `${printed} has ${made.fingerprint}`);
	const again = loadHostKey(undefined, {XDG_STATE_HOME: state});
	t.false(again.generated);
	t.is(again.fingerprint, made.fingerprint);
});

test('a host key file that holds no private key is refused in one line', t => {
	const folder = temporaryFolder('sandpiper-serve-key-');
	const path = join(folder, 'key');
	writeFileSync(path, 'not a key\n');
	t.throws(() => loadHostKey(path, {}), {instanceOf: UsageError, message: /^--host-key: .*key is not a private key/v});
	t.throws(() => loadHostKey(join(folder, 'missing'), {}), {instanceOf: UsageError, message: /^--host-key: cannot read .*missing \(ENOENT\)$/v});
	t.false(existsSync(join(folder, 'sandpiper')));
});

test('a port in use is refused in one line (exit 2) before anyone connects', async t => {
	const taken = createServer();
	await new Promise<void>(resolve => {
		taken.listen(0, '127.0.0.1', resolve);
	});
	const address = taken.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const {lecture} = await manualLecture();
	const error = await t.throwsAsync(testServer(lecture).listen('127.0.0.1', port), {instanceOf: UsageError});
	t.is(error.message, `--listen: cannot listen on 127.0.0.1:${port}: the port is in use`);
	taken.close();
	lecture.stop();
});
