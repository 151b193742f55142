/**
Sizes for the dashboard, as pure arithmetic of the terminal size. The frame never uses more than
`rows - 1` lines (Ink 6 clears the whole screen and the scrollback on every update otherwise) and no
line is wider than the terminal.
*/

export type Size = {columns: number; rows: number};

/** Below this, the dashboard shows a message naming the size it needs. */
export const minimumSize: Size = {columns: 80, rows: 24};

/** From this size on, the wide layout: sparklines, side panels, the event log. */
export const wideSize: Size = {columns: 110, rows: 32};

export type LayoutKind = 'too-small' | 'compact' | 'wide';

export function layoutFor(size: Size): LayoutKind {
	if (size.columns < minimumSize.columns || size.rows < minimumSize.rows) {
		return 'too-small';
	}

	return size.columns >= wideSize.columns && size.rows >= wideSize.rows ? 'wide' : 'compact';
}

/** Lines around the host rows: compact has status, header, two lines of hotspot episodes and alerts, migrations, hints. */
export const compactChrome = 6;

/** Wide: status, header, a panel row of 8, the cluster line, a log of 5, hints. */
export const widePanelRows = 8;
/** Rows the panels may take from those the hosts leave (half of them; the event log gets the rest). */
export const widePanelExtraRows = 8;
export const wideLogRows = 5;
export const wideChrome = 1 + 1 + widePanelRows + 1 + wideLogRows + 1;

/** Bars of a host row: CPU, memory, disk, network. */
export const meterCount = 4;

/** Columns of a host row besides its bars and sparkline: id, marker, each meter's percentage (the header names them), VM count, k-of-n. */
export function fixedRowWidth(idWidth: number, n: number): number {
	return idWidth + 1 + 4 + 1 + (meterCount * (1 + 4)) + (meterCount - 1) + 1 + 5 + 1 + n;
}

export function barWidth(columns: number, idWidth: number, n: number, sparkWidth = 0): number {
	const room = columns - 1 - fixedRowWidth(idWidth, n) - (sparkWidth > 0 ? sparkWidth + 1 : 0);
	return Math.max(3, Math.min(24, Math.floor(room / meterCount)));
}

/** The window of host rows to show: as many as fit, keeping the selected one in view. */
export function hostWindow(hostCount: number, room: number, selected: number): {start: number; count: number; hidden: number} {
	if (hostCount <= room) {
		return {start: 0, count: hostCount, hidden: 0};
	}

	const count = Math.max(1, room - 1);
	const start = Math.max(0, Math.min(selected - Math.floor(count / 2), hostCount - count));
	return {start, count, hidden: hostCount - count};
}
