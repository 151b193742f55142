/**
What to send a terminal that shows one grid so that it shows the next: only the runs of cells that
changed, each after a cursor move, as ncurses, btop and ratatui do. A dashboard frame differs from
the last in a few numbers and bars, so this is a small fraction of repainting the frame.
*/
import type {Grid} from './cell-grid.js';

const escape = '\u001B[';
const reset = `${escape}0m`;

/** Unchanged cells between two changes are rewritten rather than skipped below this: a move costs about as much. */
const gapWorthAMove = 6;

function moveTo(row: number, column: number): string {
	return `${escape}${row + 1};${column + 1}H`;
}

function differs(previous: Grid, next: Grid, at: number): boolean {
	return previous.text[at] !== next.text[at] || previous.style[at] !== next.style[at];
}

function everyRow(grid: Grid): number[] {
	return Array.from({length: grid.rows}, (_, row) => row);
}

/**
The bytes that turn `previous` into `next` (grids of one size), leaving the default style; '' when
nothing changed. Only `rows` are looked at (by default all, in order: the caller knows which lines
changed). A changed cell that is the right half of a wide character starts its run one cell earlier,
at the character itself.
*/
export function diffGrids(previous: Grid, next: Grid, rows: readonly number[] = everyRow(next)): string {
	const {columns} = next;
	let out = '';
	let style = '';
	for (const row of rows) {
		const first = row * columns;
		let column = 0;
		while (column < columns) {
			if (!differs(previous, next, first + column)) {
				column++;
				continue;
			}

			let start = column;
			if (next.text[first + start] === '' && start > 0) {
				start--;
			}

			// The run ends where `gapWorthAMove` cells in a row are the same.
			let end = column + 1;
			let same = 0;
			while (end + same < columns && same < gapWorthAMove) {
				if (differs(previous, next, first + end + same)) {
					end += same + 1;
					same = 0;
				} else {
					same++;
				}
			}

			out += moveTo(row, start);
			for (let cell = first + start; cell < first + end; cell++) {
				const text = next.text[cell]!;
				if (text === '') {
					continue;
				}

				if (next.style[cell] !== style) {
					out += (style === '' ? '' : reset) + next.style[cell]!;
					style = next.style[cell]!;
				}

				out += text;
			}

			column = end;
		}
	}

	return style === '' ? out : out + reset;
}
