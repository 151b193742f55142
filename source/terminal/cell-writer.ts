/**
Writes frames to a full-screen terminal, sending only the cells that changed since the frame before
(./frame-diff.ts). The screen is cleared and drawn whole at the start, after a resize, and whenever
what it shows is not known. Each frame goes out in one write inside a synchronized update (DEC mode
2026), so a terminal that knows it never shows half a frame, and one that does not ignores it.
*/
import {blankGrid, fillRow, type Grid} from './cell-grid.js';
import {diffGrids} from './frame-diff.js';

export type ScreenSize = {readonly columns: number; readonly rows: number};

const beginUpdate = '\u001B[?2026h';
const endUpdate = '\u001B[?2026l';
/** Hide the cursor, home it, clear the screen. */
const clearScreen = '\u001B[?25l\u001B[H\u001B[2J';

export class CellWriter {
	readonly #out: (data: string) => void;
	readonly #size: () => ScreenSize;
	#shown: Grid | undefined;
	#lastFrame: string | undefined;
	/** The lines `#shown` was drawn from. */
	#lines: readonly string[] = [];

	constructor(out: (data: string) => void, size: () => ScreenSize) {
		this.#out = out;
		this.#size = size;
	}

	/** Shows `frame` (lines of styled text, as Ink renders them); only lines that changed are read again. */
	write(frame: string): void {
		this.#lastFrame = frame;
		const {columns, rows} = this.#size();
		const lines = frame.split('\n', rows);
		let shown = this.#shown;
		let prefix = '';
		if (shown?.columns !== columns || shown.rows !== rows) {
			prefix = clearScreen;
			shown = blankGrid(columns, rows);
			this.#lines = [];
		}

		const next: Grid = {
			columns, rows, text: [...shown.text], style: [...shown.style],
		};
		const changed: number[] = [];
		for (let row = 0; row < rows; row++) {
			const line = lines[row] ?? '';
			if (line !== (this.#lines[row] ?? '')) {
				fillRow(next, row, line);
				changed.push(row);
			}
		}

		const changes = diffGrids(shown, next, changed);
		this.#shown = next;
		this.#lines = lines;
		if (prefix !== '' || changes !== '') {
			this.#out(beginUpdate + prefix + changes + endUpdate);
		}
	}

	/** The screen's content is no longer known (a resize, something else wrote to it): draw the last frame whole. */
	repaint(): void {
		this.#shown = undefined;
		if (this.#lastFrame !== undefined) {
			this.write(this.#lastFrame);
		}
	}
}
