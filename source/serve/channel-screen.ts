/**
An SSH channel as the terminal Ink draws on and reads keys from: a screen of the client's size that
follows its window changes, and an stdin Ink can put in raw mode (the client's pty is raw already:
nothing to switch). Bytes the client sends reach only Ink's key parser, the same as the local
dashboard's; nothing of them is echoed to anyone.
*/
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import type {Screen} from '../cli/cell-stdout.js';

/** The client's terminal size, kept within what a dashboard can draw and a number can hold. */
function bounded(value: number, fallback: number): number {
	return Number.isInteger(value) && value > 0 ? Math.min(value, 1000) : fallback;
}

export class ChannelScreen extends EventEmitter implements Screen { // eslint-disable-line unicorn/prefer-event-target -- Ink and cell-stdout subscribe with `on`
	#columns: number;
	#rows: number;
	readonly #send: (data: string) => void;

	constructor(send: (data: string) => void, columns: number, rows: number) {
		super();
		this.#send = send;
		this.#columns = bounded(columns, 80);
		this.#rows = bounded(rows, 24);
	}

	get columns(): number {
		return this.#columns;
	}

	get rows(): number {
		return this.#rows;
	}

	write(data: string): boolean {
		this.#send(data);
		return true;
	}

	resize(columns: number, rows: number): void {
		const nextColumns = bounded(columns, this.#columns);
		const nextRows = bounded(rows, this.#rows);
		if (nextColumns !== this.#columns || nextRows !== this.#rows) {
			this.#columns = nextColumns;
			this.#rows = nextRows;
			this.emit('resize');
		}
	}
}

/** A readable Ink takes for stdin: what the client types, with the terminal methods Ink calls. */
export function channelStdin(): PassThrough & NodeJS.ReadStream {
	const stdin = new PassThrough();
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- given the members Ink reads of a TTY stream, below
	const tty = stdin as unknown as PassThrough & NodeJS.ReadStream;
	Object.assign(tty, {
		isTTY: true,
		setRawMode: () => tty,
		ref: () => tty,
		unref: () => tty,
	});
	return tty;
}
