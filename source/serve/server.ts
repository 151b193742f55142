/**
The SSH server of `sandpiper serve` (ssh2): every TCP connection counted and timed, authentication by
./access.ts, then one terminal session a client (./terminal-session.ts); port forwarding either way is
refused. At most `maxSessions` dashboards at once; the one over the limit is told so and closed.
*/
import {createServer, type Server, type Socket} from 'node:net';
import ssh2, {type Connection as Client, type ServerChannel} from 'ssh2';
import {UsageError} from '../options/usage.js';
import type {SessionEngine} from '../session/session-engine.js';
import {safeText} from '../terminal/safe-text.js';
import {timerTickSource, type TickSource} from '../ui/tick-source.js';
import {authenticate, AttemptLimiter, type Access} from './access.js';
import {Connection} from './connection.js';
import type {Lecture} from './lecture.js';
import {standingFor, type Place, type Role} from './roles.js';
import {SharedFrames} from './shared-frames.js';
import {acceptTerminalSession, refuseChannel, type Size} from './terminal-session.js';

export type ServerOptions = {
	hostKey: string;
	access: Access;
	lecture: Lecture;
	maxSessions: number;
	idleTimeoutSeconds: number;
	/** One line for the server's log. */
	log: (line: string) => void;
	/** Something changed that the status line shows. */
	changed: () => void;
	now: () => number;
	/** Where the grace time's timer comes from (a manual one in tests). */
	timers?: TickSource;
};

export type Counts = {presenters: number; viewers: number};

/** Seconds a client has from its TCP connect to an open dashboard (OpenSSH's sshd gives 120 to sign in). */
export const graceSeconds = 30;
/** Clients without a dashboard yet (signing in, or signed in and opening one) that may wait at once, beyond the dashboards. */
export const pendingAllowed = 16;

export class LectureServer {
	readonly #options: ServerOptions;
	/** The TCP side: every socket is counted and timed here before ssh2 (which has no time limit to sign in) gets it. */
	readonly #tcp: Server;
	readonly #server: ssh2.Server;
	readonly #limiter: AttemptLimiter;
	readonly #sockets = new Set<Socket>();
	readonly #clients = new Set<Client>();
	readonly #dashboards = new Map<Connection, Role>();
	/** The sockets (by remote address and port) of clients that opened a dashboard: past the grace time. */
	readonly #opened = new Set<string>();
	readonly #shared = new SharedFrames();
	#closing = false;

	constructor(options: ServerOptions) {
		this.#options = options;
		this.#limiter = new AttemptLimiter(options.now);
		this.#server = new ssh2.Server({hostKeys: [options.hostKey], ident: 'sandpiper'}, (client, info) => {
			this.#accept(client, info.ip, `${info.ip} ${info.port}`);
		});
		this.#tcp = createServer(socket => {
			this.#socket(socket);
		});
	}

	/** Views rendered for several connections at once. */
	get sharedViews(): number {
		return this.#shared.count;
	}

	get counts(): Counts {
		let presenters = 0;
		for (const role of this.#dashboards.values()) {
			presenters += role === 'presenter' ? 1 : 0;
		}

		return {presenters, viewers: this.#dashboards.size - presenters};
	}

	/** Binds the address; a port in use or an address that cannot be bound is a UsageError (exit 2). */
	async listen(host: string, port: number): Promise<{host: string; port: number}> {
		return new Promise((resolve, reject) => {
			const onError = (error: NodeJS.ErrnoException) => {
				const reasons: Record<string, string> = {
					EADDRINUSE: 'the port is in use', EADDRNOTAVAIL: 'no such address on this machine', EACCES: 'permission denied (ports under 1024 need root)', ENOTFOUND: 'no such host',
				};
				const reason = Object.hasOwn(reasons, error.code ?? '') ? reasons[error.code!]! : error.message;
				reject(new UsageError(`--listen: cannot listen on ${safeText(host)}:${port}: ${reason}`));
			};

			this.#tcp.once('error', onError);
			this.#tcp.listen(port, host, () => {
				this.#tcp.off('error', onError);
				this.#tcp.on('error', (error: Error) => {
					this.#options.log(`server error: ${error.message}`);
				});
				const address = this.#tcp.address();
				resolve(typeof address === 'object' && address !== null ? {host: address.address, port: address.port} : {host, port});
			});
		});
	}

	/**
	Draws a viewer's view and a fork's once, at 80x24, and lets them go: the first student to connect, and
	the first to fork, then meet code the JIT has run (in a fresh process the first frame took 385 ms from
	connect and the first fork 264 ms, later ones about 100 and 15).
	*/
	warmUp(): void {
		const {lecture} = this.#options;
		const draw = (session: SessionEngine, place: Place) => {
			this.#shared.follow({
				session, columns: 80, rows: 24, standing: standingFor('viewer', place),
			}, () => undefined)();
		};

		draw(lecture.session, {kind: 'lecture'});
		const fork = lecture.fork();
		if ('session' in fork) {
			draw(fork.session, {kind: 'fork', fromTick: fork.fromTick});
			lecture.drop(fork.session);
		}
	}

	/** Ends every dashboard with `reason`, closes every client and stops listening. */
	async close(reason: string): Promise<void> {
		this.#closing = true;
		for (const dashboard of this.#dashboards.keys()) {
			dashboard.end(reason);
		}

		this.#shared.close();

		await new Promise<void>(resolve => {
			// Give the goodbye lines a moment to leave before the sockets close.
			setTimeout(resolve, 100).unref();
		});
		for (const client of this.#clients) {
			client.end();
		}

		for (const socket of this.#sockets) {
			socket.destroy();
		}

		await new Promise<void>(resolve => {
			this.#tcp.close(() => {
				resolve();
			});
			setTimeout(resolve, 1000).unref();
		});
	}

	/**
	A new TCP connection: turned away when too many wait without a dashboard, closed if it has not opened
	one within the grace time (a client that never speaks SSH included), then handed to ssh2.
	*/
	#socket(socket: Socket): void {
		const {log} = this.#options;
		const where = safeText(socket.remoteAddress ?? '?');
		if (this.#closing || this.#sockets.size - this.#dashboards.size >= pendingAllowed) {
			if (!this.#closing) {
				log(`${where}: turned away, ${pendingAllowed} connections are already waiting to sign in or open a dashboard`);
			}

			socket.destroy();
			return;
		}

		const key = `${socket.remoteAddress ?? ''} ${socket.remotePort ?? ''}`;
		this.#sockets.add(socket);
		const cancelGrace = (this.#options.timers ?? timerTickSource).schedule(() => {
			if (!this.#opened.has(key)) {
				log(`${where}: closed, no dashboard after ${graceSeconds} s`);
				socket.destroy();
			}
		}, graceSeconds * 1000);
		socket.once('close', () => {
			cancelGrace();
			this.#sockets.delete(socket);
			this.#opened.delete(key);
		});
		socket.on('error', () => {
			// A reset mid-handshake: its close follows.
		});
		this.#server.injectSocket(socket);
	}

	#accept(client: Client, address: string, key: string): void {
		const {access, log} = this.#options;
		const where = safeText(address);
		if (this.#closing || this.#limiter.blocked(address)) {
			client.end();
			return;
		}

		this.#clients.add(client);
		let role: Role | undefined;
		let user = '';
		client.on('authentication', context => {
			user = context.username;
			if (this.#limiter.blocked(address)) {
				client.end();
				return;
			}

			authenticate(access, context, decision => {
				if (decision.kind === 'accepted') {
					role = decision.role;
				} else if (decision.kind === 'refused' && decision.failed && this.#limiter.fail(address)) {
					log(`${where}: too many failed attempts; turned away for a minute`);
					client.end();
				}
			});
		});
		client.on('ready', () => {
			log(`${where}: ${safeText(user.slice(0, 32))} signed in as ${role ?? 'viewer'}`);
			this.#sessions(client, address, role ?? 'viewer', key);
		});
		// Port forwarding, either way, and Unix sockets: refused.
		client.on('tcpip', (_accept, reject) => {
			reject();
		});
		client.on('openssh.streamlocal', (_accept, reject) => {
			reject();
		});
		client.on('request', (_accept, reject) => {
			reject?.();
		});
		client.on('error', () => {
			// A client that goes away mid-handshake or mid-frame: its close follows.
		});
		client.on('close', () => {
			this.#clients.delete(client);
		});
	}

	#sessions(client: Client, address: string, role: Role, key: string): void {
		acceptTerminalSession(client, (channel, size) => {
			if (!size) {
				// A shell without a terminal: there is nothing to draw on (ssh -T).
				refuseChannel(channel, 'a dashboard needs a terminal: connect without -T (ssh -t)');
				return undefined;
			}

			const {maxSessions, log} = this.#options;
			if (this.#dashboards.size >= maxSessions) {
				log(`${safeText(address)}: refused, the lecture is full (${maxSessions} sessions)`);
				refuseChannel(channel, `the lecture is full (${maxSessions} sessions, --max-sessions); try again later`);
				return undefined;
			}

			this.#opened.add(key);
			return this.#open(channel, size, role, address);
		});
	}

	#open(channel: ServerChannel, size: Size, role: Role, address: string): Connection {
		const {log, lecture, idleTimeoutSeconds, changed} = this.#options;
		const where = safeText(address);
		const dashboards = this.#dashboards;
		const dashboard = new Connection({
			channel,
			columns: size.columns,
			rows: size.rows,
			lecture,
			shared: this.#shared,
			role,
			idleTimeoutSeconds,
			log(line) {
				log(`${where} (${role}): ${line}`);
				changed();
			},
			onEnd() {
				dashboards.delete(dashboard);
				log(`${where} (${role}): left`);
				changed();
			},
		});
		this.#dashboards.set(dashboard, role);
		log(`${where}: dashboard opened as ${role}, ${dashboard.size.columns}x${dashboard.size.rows}`);
		changed();
		channel.on('close', () => {
			dashboard.end('the connection closed');
		});
		return dashboard;
	}
}
