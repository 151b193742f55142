/**
What Ink draws on when it does not draw on a terminal itself: a stdout of some size that hands each
whole frame (Ink's debug mode writes every render whole) to a callback, where a cell writer turns it
into the cells that changed. The local dashboard's stdout (../cli/cell-stdout.ts), a served
connection's own view and a frame shared by many connections (../serve/) are each one.
*/
import {EventEmitter} from 'node:events';
import type {ScreenSize} from './cell-writer.js';

export class FrameScreen extends EventEmitter { // eslint-disable-line unicorn/prefer-event-target -- Ink subscribes with `on('resize')`
	readonly #size: () => ScreenSize;
	readonly #onFrame: (frame: string) => void;

	/** `size` is read whenever Ink asks, so it follows the terminal it stands for. */
	constructor(size: () => ScreenSize, onFrame: (frame: string) => void) {
		super();
		this.#size = size;
		this.#onFrame = onFrame;
	}

	get isTTY(): boolean {
		return true;
	}

	get columns(): number {
		return this.#size().columns;
	}

	get rows(): number {
		return this.#size().rows;
	}

	write(frame: string, callback?: () => void): boolean {
		this.#onFrame(frame);
		callback?.();
		return true;
	}

	/** The size changed: Ink draws again at the new one. */
	resized(): void {
		this.emit('resize');
	}

	/** As Ink's stdout (it reads only what this class has). */
	asStdout(): NodeJS.WriteStream {
		return this as unknown as NodeJS.WriteStream; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
	}
}
