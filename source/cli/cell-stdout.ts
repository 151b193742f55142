/**
The stdout Ink renders the dashboard to on a terminal. Ink runs in debug mode against it, in which it
writes each frame whole and nothing else; this passes the frame to a CellWriter, which sends the real
terminal only the cells that changed. Ink's own renderer rewrites every line of the frame each time
(4-8 KB a second at 1x); its line-level `incrementalRendering` lands frames a row low in Ink 6.8
(ink#909). Resizes of the real terminal are passed on, after the screen is drawn whole again.
*/
import {EventEmitter} from 'node:events';
import {CellWriter} from '../terminal/cell-writer.js';

/** Just what Ink reads of a stdout. An EventEmitter, not an EventTarget: Ink subscribes with `on('resize')`. */
class FrameStdout extends EventEmitter { // eslint-disable-line unicorn/prefer-event-target
	readonly #real: NodeJS.WriteStream;
	readonly #writer: CellWriter;

	constructor(real: NodeJS.WriteStream) {
		super();
		this.#real = real;
		this.#writer = new CellWriter(data => {
			real.write(data);
		}, () => ({columns: this.columns, rows: this.rows}));
		real.on('resize', () => {
			this.#writer.repaint();
			this.emit('resize');
		});
	}

	get isTTY(): boolean {
		return true;
	}

	get columns(): number {
		return this.#real.columns || 80;
	}

	get rows(): number {
		return this.#real.rows || 24;
	}

	write(frame: string, callback?: () => void): boolean {
		this.#writer.write(frame);
		callback?.();
		return true;
	}
}

export function cellStdout(real: NodeJS.WriteStream): NodeJS.WriteStream {
	// Ink asks only for what FrameStdout has: a stream's other members are never read.
	return new FrameStdout(real) as unknown as NodeJS.WriteStream; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
}
