/**
`sandpiper serve` as its own process, as a lecturer starts it: the bundled CLI on a free loopback
port, its host key generated into a temporary state directory that goes with it. The bench reads its
CPU time and memory from /proc by the pid of the child it spawned (the server retitles itself
`sandpiper`, so a search by name would not find it).
*/
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

export type ServeProcess = {
	readonly pid: number;
	readonly port: number;
	/** SIGTERM, as a service manager stops it; resolves once it has exited and its state is removed. */
	stop(): Promise<void>;
};

/** A port nobody on loopback listens on just now (the kernel's pick for port 0). */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			probe.close(() => {
				resolve(port);
			});
		});
	});
}

async function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return true;
	}

	return new Promise(resolve => {
		const timer = setTimeout(() => {
			resolve(false);
		}, timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

/** Starts the server and resolves once it listens; its log is read and dropped. */
export async function startServe(maxSessions: number, extraArguments: readonly string[] = []): Promise<ServeProcess> {
	const cli = fileURLToPath(new URL('../bundle/cli.js', import.meta.url));
	const state = mkdtempSync(join(tmpdir(), 'sandpiper-bench-serve-'));
	// The port is free when asked, not when bound: another program may take it between, so try again.
	for (let attempt = 1; ; attempt++) {
		// eslint-disable-next-line no-await-in-loop -- one port at a time
		const port = await freePort();
		const child = spawn(process.execPath, [cli, 'serve', '--listen', `127.0.0.1:${port}`, '--max-sessions', String(maxSessions), ...extraArguments], {
			// Colours: the served views take chalk's level from the server's own stdout, a pipe here. A lecturer
			// starts it in a terminal (xterm-256color: level 2), so that is the level it is given.
			env: {...process.env, XDG_STATE_HOME: state, FORCE_COLOR: '2'}, stdio: ['ignore', 'pipe', 'pipe'],
		});
		let log = '';
		// eslint-disable-next-line no-await-in-loop -- see above
		const listening = await new Promise<boolean>(resolve => {
			const timer = setTimeout(() => {
				resolve(false);
			}, 15_000);
			child.stdout.setEncoding('utf8');
			child.stderr.setEncoding('utf8');
			const read = (text: string) => {
				log += text;
				if (log.includes('listening on ')) {
					clearTimeout(timer);
					resolve(true);
				}
			};

			child.stdout.on('data', read);
			child.stderr.on('data', read);
			child.once('exit', () => {
				clearTimeout(timer);
				resolve(false);
			});
		});
		if (listening && child.pid !== undefined) {
			// Drop the log from here on, so a full pipe never stalls the server; keep its errors, to say why if it dies.
			child.stdout.removeAllListeners('data');
			child.stdout.resume();
			let stopping = false;
			child.once('exit', (code, signal) => {
				if (!stopping) {
					console.error(`bench: sandpiper serve ended before the bench stopped it (${signal ?? `status ${String(code)}`}):\n${log.slice(-4000)}`);
				}
			});
			return {
				pid: child.pid,
				port,
				async stop() {
					stopping = true;
					child.kill('SIGTERM');
					if (!await exited(child, 5000)) {
						child.kill('SIGKILL');
						await exited(child, 1000);
					}

					rmSync(state, {recursive: true, force: true});
				},
			};
		}

		child.kill('SIGKILL');
		// eslint-disable-next-line no-await-in-loop -- see above
		await exited(child, 1000);
		if (attempt >= 3 || !log.includes('the port is in use')) {
			rmSync(state, {recursive: true, force: true});
			throw new Error(`bench: sandpiper serve did not start listening:\n${log}`);
		}
	}
}
