/**
One SSH client's dashboard: its own Ink instance on the channel (its size, its keys, its selection),
drawn through the cell writer so only changed cells cross the network, on the alternate screen. A
slow client never holds up the others: while its channel is full, frames for it are dropped, and once
it drains it gets the latest frame whole. It ends with a line saying why (q, idle, shutdown).
*/
import type {Buffer} from 'node:buffer';
import {render} from 'ink';
import {createElement} from 'react';
import type {ServerChannel} from 'ssh2';
import {cellStdout} from '../cli/cell-stdout.js';
import {ChannelScreen, channelStdin} from './channel-screen.js';
import type {Lecture} from './lecture.js';
import type {Role} from './roles.js';
import {ServedView} from './served-view.js';

export type ConnectionOptions = {
	channel: ServerChannel;
	columns: number;
	rows: number;
	lecture: Lecture;
	role: Role;
	idleTimeoutSeconds: number;
	log: (line: string) => void;
	/** The connection is over, for whatever reason (after its last line is sent). */
	onEnd: () => void;
};

const enterScreen = '\u001B[?1049h\u001B[H';
const leaveScreen = '\u001B[?25h\u001B[?1049l';

export class Connection {
	readonly #options: ConnectionOptions;
	readonly #screen: ChannelScreen;
	readonly #instance: ReturnType<typeof render>;
	#congested = false;
	#idleTimer: NodeJS.Timeout | undefined;
	#ended = false;

	constructor(options: ConnectionOptions) {
		this.#options = options;
		const {channel} = options;
		this.#screen = new ChannelScreen(data => {
			this.#send(data);
		}, options.columns, options.rows);
		channel.on('drain', () => {
			if (this.#congested) {
				this.#congested = false;
				// The writer's idea of the client's screen is stale: draw the latest frame whole.
				this.#screen.emit('resize');
			}
		});
		const stdin = channelStdin();
		channel.on('data', (chunk: Buffer) => {
			this.#restartIdle();
			stdin.write(chunk);
		});
		channel.write(enterScreen);
		this.#instance = render(createElement(ServedView, {lecture: options.lecture, role: options.role, onLog: options.log}), {
			stdout: cellStdout(this.#screen), stdin, debug: true, exitOnCtrlC: true, patchConsole: false,
		});
		this.#restartIdle();
		void this.#instance.waitUntilExit().then(() => {
			this.end('you left the lecture (q)');
		}, (error: unknown) => {
			this.end(`the dashboard failed: ${error instanceof Error ? error.message : String(error)}`);
		});
	}

	resize(columns: number, rows: number): void {
		this.#screen.resize(columns, rows);
	}

	/** Leaves the client's alternate screen, says why, and closes the channel. Safe twice. */
	end(reason: string): void {
		if (this.#ended) {
			return;
		}

		this.#ended = true;
		clearTimeout(this.#idleTimer);
		this.#instance.unmount();
		const {channel} = this.#options;
		channel.write(`${leaveScreen}sandpiper: ${reason}\r\n`);
		channel.exit(0);
		channel.end();
		this.#options.onEnd();
	}

	#send(data: string): void {
		if (this.#ended || this.#congested) {
			return;
		}

		if (!this.#options.channel.write(data)) {
			this.#congested = true;
		}
	}

	#restartIdle(): void {
		const seconds = this.#options.idleTimeoutSeconds;
		if (seconds <= 0 || this.#ended) {
			return;
		}

		clearTimeout(this.#idleTimer);
		this.#idleTimer = setTimeout(() => {
			this.end(`closed after ${seconds} s without a key (--idle-timeout)`);
		}, seconds * 1000);
		this.#idleTimer.unref();
	}
}
