/**
What an Ink instance of the server draws on: a screen of a given size that hands each whole frame
(Ink's debug mode writes every render whole) to a callback instead of a terminal. A connection's own
view and a frame shared by many connections (./shared-frames.ts) both render to one; the cell writer
of each connection turns the frames into the cells that changed for its client.
*/
import {EventEmitter} from 'node:events';

export class FrameScreen extends EventEmitter { // eslint-disable-line unicorn/prefer-event-target -- Ink subscribes with `on('resize')`
	#columns: number;
	#rows: number;
	readonly #onFrame: (frame: string) => void;

	constructor(columns: number, rows: number, onFrame: (frame: string) => void) {
		super();
		this.#columns = columns;
		this.#rows = rows;
		this.#onFrame = onFrame;
	}

	get isTTY(): boolean {
		return true;
	}

	get columns(): number {
		return this.#columns;
	}

	get rows(): number {
		return this.#rows;
	}

	write(frame: string, callback?: () => void): boolean {
		this.#onFrame(frame);
		callback?.();
		return true;
	}

	resize(columns: number, rows: number): void {
		if (columns !== this.#columns || rows !== this.#rows) {
			this.#columns = columns;
			this.#rows = rows;
			this.emit('resize');
		}
	}

	/** As Ink's stdout (it reads only what this class has). */
	asStdout(): NodeJS.WriteStream {
		return this as unknown as NodeJS.WriteStream; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
	}
}
