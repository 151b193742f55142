/**
`sandpiper serve` for the end-to-end tests: the built server on a free loopback port, with a state
folder of its own (the host key it generates goes there, never into the user's), key pairs made by the
real ssh-keygen, and the real OpenSSH client's command lines to reach it, in a tmux pane or as a
process. Without ssh or tmux these tests are skipped (ava lists them as such); .ci/run installs both.
*/
import {
	execFile, execFileSync, spawn, type ChildProcess,
} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root} from './cli.js';
import {hasTmux, Pane} from './pane.js';
import {temporaryFolder} from './temporary.js';
import {waitFor} from './wait-for.js';

export function hasSsh(): boolean {
	try {
		execFileSync('ssh', ['-V'], {stdio: 'ignore'});
		execFileSync('ssh-keygen', ['-?'], {stdio: 'ignore'});
		return true;
	} catch (error) {
		// `ssh-keygen -?` prints its usage and exits 1: that it ran at all is what counts.
		return error instanceof Error && 'status' in error && error.status === 1;
	}
}

export const runWithSsh = hasTmux() && hasSsh() ? test.serial : test.skip;

/**
Who connects: a presenter (the key in the presenters file, public key only: BatchMode, so a refused key
fails instead of quietly falling through to a viewer's keyboard-interactive), a viewer (no key at all,
keyboard-interactive only, as `--viewers open` lets anyone in), or the holder of a stranger key that is
not in the presenters file (public key only too).
*/
export type Who = 'presenter' | 'viewer' | 'stranger';

/** A loopback port nothing listens on right now (the server may still lose it to a race: `startServer` retries). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => {
				resolve(typeof address === 'object' && address !== null ? address.port : 0);
			});
		});
	});
}

function shellWord(word: string): string {
	return /^[\w.,:=\/@%+\-]+$/v.test(word) ? word : `'${word.replaceAll('\'', String.raw`'\''`)}'`;
}

export type ClientResult = {code: number | null; stdout: string; stderr: string};

/** Runs an OpenSSH client to its end (killed after `timeoutMs`, then `code` is null); never throws. */
export async function runClient(program: string, args: readonly string[], timeoutMs = 15_000): Promise<ClientResult> {
	return new Promise(resolve => {
		execFile(program, args, {timeout: timeoutMs, encoding: 'utf8'}, (error, stdout, stderr) => {
			const code = error === null ? 0 : (typeof error.code === 'number' ? error.code : null);
			resolve({code, stdout, stderr});
		});
	});
}

export class ServedLecture {
	readonly folder: string;
	readonly presentersFile: string;
	readonly stateHome: string;
	readonly child: ChildProcess;
	readonly port: number;
	/** The server's exit status (null when a signal ended it). */
	readonly exited: Promise<number | null>;
	readonly #output: {text: string};

	constructor(folder: string, port: number, child: ChildProcess, output: {text: string}) {
		this.folder = folder;
		this.presentersFile = join(folder, 'presenters');
		this.stateHome = join(folder, 'state');
		this.port = port;
		this.child = child;
		this.#output = output;
		this.exited = new Promise(resolve => {
			if (child.exitCode === null && child.signalCode === null) {
				child.on('exit', code => {
					resolve(code);
				});
			} else {
				resolve(child.exitCode);
			}
		});
	}

	/** What the server has written (its log, one event a line), stdout and stderr together. */
	log(): string {
		return this.#output.text;
	}

	/**
	Whether the log comes to match `pattern` within a generous limit: the server writes its line before
	it answers the client, but a test may see the client's screen before it reads the server's pipe.
	*/
	async logs(pattern: RegExp): Promise<boolean> {
		try {
			await waitFor(() => pattern.test(this.#output.text), `the server to log ${String(pattern)}`);
			return true;
		} catch {
			return false;
		}
	}

	key(who: 'presenter' | 'stranger'): string {
		return join(this.folder, who);
	}

	/** OpenSSH's options to reach the server as `who` (ssh's and sftp's alike), without the destination; no user config, no known hosts. */
	sshOptions(who: Who): string[] {
		const common = ['-F', '/dev/null', '-o', `Port=${this.port}`, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=10'];
		return who === 'viewer'
			? [...common, '-o', 'PubkeyAuthentication=no', '-o', 'PasswordAuthentication=no']
			: [...common, '-i', this.key(who), '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes'];
	}

	/** A real terminal running `ssh -t` to the lecture as `who`. */
	pane(who: Who, columns = 80, rows = 24): Pane {
		return new Pane(columns, rows, [...this.sshOptions(who), '-t', '127.0.0.1'].map(word => shellWord(word)).join(' '), 'ssh');
	}

	/** SIGTERM, as a service manager stops it; resolves with its exit status. */
	async terminate(): Promise<number | null> {
		this.child.kill('SIGTERM');
		return this.exited;
	}

	/** Makes sure it is gone (after a test that failed before stopping it). */
	kill(): void {
		if (this.child.exitCode === null && this.child.signalCode === null) {
			this.child.kill('SIGKILL');
		}
	}
}

/** A new key pair by ssh-keygen: `path` (private, mode 0600) and `path.pub`. */
export function makeKeyPair(path: string): string {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sandpiper-e2e', '-f', path], {stdio: 'ignore'});
	return `${path}.pub`;
}

async function spawnServer(folder: string, flags: readonly string[]): Promise<ServedLecture | 'port taken'> {
	const port = await freePort();
	const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--listen', `127.0.0.1:${port}`, '--presenters', join(folder, 'presenters'), ...flags], {
		cwd: root,
		env: {...process.env, XDG_STATE_HOME: join(folder, 'state')},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output = {text: ''};
	for (const stream of [child.stdout, child.stderr]) {
		stream.setEncoding('utf8').on('data', (chunk: string) => {
			output.text += chunk;
		});
	}

	const server = new ServedLecture(folder, port, child, output);
	let ended = false;
	void server.exited.then(() => {
		ended = true;
	});
	await waitFor(() => ended || output.text.includes('listening on'), 'the server to listen', 20_000);
	if (!ended) {
		return server;
	}

	if (output.text.includes('the port is in use')) {
		return 'port taken';
	}

	throw new Error(`the server ended before listening:\n${output.text}`);
}

/** The files a test may name in the server's flags. */
export type KeyFiles = {strangerPublicKey: string};

/**
Starts `sandpiper serve` on a free loopback port with a presenters file listing a new presenter key
(a stranger key is made beside it, listed nowhere unless `flags` names it); `flags` are more of its
flags. Resolves once it says it is listening.
*/
export async function startServer(flags: readonly string[] | ((files: KeyFiles) => readonly string[]) = []): Promise<ServedLecture> {
	const folder = temporaryFolder('sandpiper-serve-');
	writeFileSync(join(folder, 'presenters'), `# the e2e presenter\n${readFileSync(makeKeyPair(join(folder, 'presenter')), 'utf8')}`);
	const files = {strangerPublicKey: makeKeyPair(join(folder, 'stranger'))};
	const given = typeof flags === 'function' ? flags(files) : flags;
	for (let attempt = 0; attempt < 3; attempt++) {
		// eslint-disable-next-line no-await-in-loop -- a retry only when the port was taken meanwhile
		const server = await spawnServer(folder, given);
		if (server !== 'port taken') {
			return server;
		}
	}

	throw new Error('three free ports were taken before the server could bind them');
}
