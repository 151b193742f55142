/**
Sizes for the host grid, as pure arithmetic of the terminal size. The frame never uses more than
`rows - 1` lines: Ink 6 clears the whole screen and the scrollback on every update otherwise.
*/

export type Size = {columns: number; rows: number};

/** Below this, the dashboard shows a message naming the size it needs. */
export const minimumSize: Size = {columns: 60, rows: 8};

/** Lines besides host rows: status, column header, hint line. */
export const chromeLines = 3;

export function isTooSmall(size: Size): boolean {
	return size.columns < minimumSize.columns || size.rows < minimumSize.rows;
}

/** Columns of a host row outside its three bars: id, marker, labels, percentages, VM count, k-of-n history. */
export function fixedRowWidth(idWidth: number, n: number): number {
	return idWidth + 1 + 4 + 1 + (3 * (4 + 1 + 4)) + 2 + 1 + 5 + 1 + n;
}

export function barWidth(columns: number, idWidth: number, n: number): number {
	return Math.max(3, Math.min(24, Math.floor((columns - 1 - fixedRowWidth(idWidth, n)) / 3)));
}

/** How many host rows fit, keeping one line free (the rows - 1 rule). */
export function visibleHostRows(rows: number, hostCount: number): number {
	const room = rows - 1 - chromeLines;
	return hostCount <= room ? hostCount : Math.max(0, room - 1);
}
