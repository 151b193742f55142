/**
A frame as the terminal will show it: a grid of cells, each a character and the style it is drawn
in. Frames come from Ink as lines of styled text; they are read with Ink's own tokenizer
(@alcalzone/ansi-tokenize), so the widths and styles here are the ones Ink laid the frame out with.
*/
import {
	ansiCodesToString, reduceAnsiCodesIncremental, tokenize, type AnsiCode,
} from '@alcalzone/ansi-tokenize';

export type Grid = {
	readonly columns: number;
	readonly rows: number;
	/** Row-major, `columns * rows` cells; '' is the right half of a wide character before it. */
	readonly text: string[];
	/** The SGR codes a cell is drawn with, as one string ('' for the terminal's default style). */
	readonly style: string[];
};

/** A grid of blanks in the default style: what the screen holds just after it was cleared. */
export function blankGrid(columns: number, rows: number): Grid {
	const cells = columns * rows;
	return {
		columns, rows, text: Array.from<string>({length: cells}).fill(' '), style: Array.from<string>({length: cells}).fill(''),
	};
}

/** Draws one line of styled text on `row` of `grid`, in place: blanks first, then the characters that fit. */
export function fillRow(grid: Grid, row: number, line: string): void {
	const {columns} = grid;
	const first = row * columns;
	grid.text.fill(' ', first, first + columns);
	grid.style.fill('', first, first + columns);
	let codes: AnsiCode[] = [];
	let style = '';
	let column = 0;
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
			style = ansiCodesToString(codes);
			continue;
		}

		const width = token.fullWidth ? 2 : 1;
		if (column + width > columns) {
			break;
		}

		grid.text[first + column] = token.value;
		grid.style[first + column] = style;
		if (width === 2) {
			grid.text[first + column + 1] = '';
			grid.style[first + column + 1] = style;
		}

		column += width;
	}
}

/**
The grid a frame draws on a screen of this size: lines past the last row and characters past the
last column are cut off (they would scroll or wrap the screen), and the rest is blank.
*/
export function gridOf(frame: string, columns: number, rows: number): Grid {
	const grid = blankGrid(columns, rows);
	for (const [row, line] of frame.split('\n', rows).entries()) {
		fillRow(grid, row, line);
	}

	return grid;
}
