/**
One SSH client's dashboard, on the alternate screen of its terminal. Its frames come from the lecture's
shared view for its role and size until its first key, then from an Ink instance of its own on the
channel (its size, its keys through Ink's parser, as at the local dashboard, its selection); either
way its own cell writer sends only the cells that changed for this client. A slow client never holds
up the others: while its channel is full, frames for it are dropped, and once it drains it gets the
latest frame whole. It ends with a line saying why (q, idle, shutdown).
*/
import type {Buffer} from 'node:buffer';
import {render} from 'ink';
import {createElement} from 'react';
import type {ServerChannel} from 'ssh2';
import {CellWriter} from '../terminal/cell-writer.js';
import {FrameScreen} from '../terminal/frame-screen.js';
import {channelStdin} from './channel-stdin.js';
import type {Lecture} from './lecture.js';
import {standingFor, type Role} from './roles.js';
import {ServedView} from './served-view.js';
import type {SharedFrames} from './shared-frames.js';

export type ConnectionOptions = {
	channel: ServerChannel;
	columns: number;
	rows: number;
	lecture: Lecture;
	shared: SharedFrames;
	role: Role;
	idleTimeoutSeconds: number;
	log: (line: string) => void;
	/** The connection is over, for whatever reason (after its last line is sent). */
	onEnd: () => void;
};

const enterScreen = '\u001B[?1049h\u001B[H';
const leaveScreen = '\u001B[?25h\u001B[?1049l';

/** A client's terminal size, kept within what a dashboard can draw. */
function bounded(value: number, fallback: number): number {
	return Number.isInteger(value) && value > 0 ? Math.min(value, 1000) : fallback;
}

export class Connection {
	readonly #options: ConnectionOptions;
	readonly #screen: FrameScreen;
	/** The client's terminal size, as its pty request and window changes give it. */
	#columns: number;
	#rows: number;
	readonly #writer: CellWriter;
	readonly #instance: ReturnType<typeof render>;
	/** Stops following the shared view; undefined while the connection shows its own. */
	#unfollow: (() => void) | undefined;
	#congested = false;
	#idleTimer: NodeJS.Timeout | undefined;
	#ended = false;

	constructor(options: ConnectionOptions) {
		this.#options = options;
		const {channel} = options;
		this.#columns = bounded(options.columns, 80);
		this.#rows = bounded(options.rows, 24);
		const size = () => ({columns: this.#columns, rows: this.#rows});
		this.#screen = new FrameScreen(size, frame => {
			if (!this.#unfollow) {
				this.#writer.write(frame);
			}
		});
		this.#writer = new CellWriter(data => {
			this.#send(data);
		}, size);
		channel.on('drain', () => {
			if (this.#congested) {
				this.#congested = false;
				// The writer's idea of the client's screen is stale: draw the latest frame whole.
				this.#writer.repaint();
			}
		});
		const stdin = channelStdin();
		channel.on('data', (chunk: Buffer) => {
			this.#restartIdle();
			stdin.write(chunk);
		});
		channel.write(enterScreen);
		this.#follow();
		this.#instance = render(createElement(ServedView, {
			lecture: options.lecture,
			role: options.role,
			onLog: options.log,
			onShared: (shared: boolean) => {
				if (shared) {
					this.#follow();
				} else {
					this.#unfollow?.();
					this.#unfollow = undefined;
				}
			},
		}), {
			stdout: this.#screen.asStdout(), stdin, debug: true, exitOnCtrlC: true, patchConsole: false,
		});
		this.#restartIdle();
		void this.#instance.waitUntilExit().then(() => {
			this.end('you left the lecture (q)');
		}, (error: unknown) => {
			this.end(`the dashboard failed: ${error instanceof Error ? error.message : String(error)}`);
		});
	}

	/** The size drawn at (a client that gave none is drawn at 80x24). */
	get size(): {columns: number; rows: number} {
		return {columns: this.#columns, rows: this.#rows};
	}

	resize(columns: number, rows: number): void {
		const nextColumns = bounded(columns, this.#columns);
		const nextRows = bounded(rows, this.#rows);
		if (nextColumns === this.#columns && nextRows === this.#rows) {
			return;
		}

		this.#columns = nextColumns;
		this.#rows = nextRows;
		this.#screen.resized();
		if (this.#unfollow) {
			this.#unfollow();
			this.#unfollow = undefined;
			this.#follow();
		}
	}

	/** Leaves the client's alternate screen, says why, and closes the channel. Safe twice. */
	end(reason: string): void {
		if (this.#ended) {
			return;
		}

		this.#ended = true;
		clearTimeout(this.#idleTimer);
		this.#unfollow?.();
		this.#unfollow = undefined;
		this.#instance.unmount();
		const {channel} = this.#options;
		try {
			channel.write(`${leaveScreen}sandpiper: ${reason}\r\n`);
			channel.exit(0);
			channel.end();
		} catch {
			// The client went away first: there is nobody to tell.
		}

		this.#options.onEnd();
	}

	/** Shows the lecture's shared view for this role and size. */
	#follow(): void {
		if (this.#unfollow !== undefined || this.#ended) {
			return;
		}

		const {shared, lecture, role} = this.#options;
		const view = {
			session: lecture.session, columns: this.#columns, rows: this.#rows, standing: standingFor(role, {kind: 'lecture'}),
		};
		this.#unfollow = shared.follow(view, frame => {
			this.#writer.write(frame);
		});
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
