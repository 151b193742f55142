/**
A table in box-drawing characters, as ink-table draws it (a rule between every row; a test holds the
two to the same text), written as plain text for every report: ink-table lays out each cell through
Ink, which took 8 s and 714 MiB for 3,200 hosts, and loading Ink and React costs a headless command
most of its start. This is linear in the cells.
*/
export function boxedTable(rows: ReadonlyArray<Readonly<Record<string, string | number>>>): string {
	const first = rows[0];
	if (!first) {
		return '';
	}

	const columns = Object.keys(first);
	const widths = columns.map(column => Math.max(column.length, ...rows.map(row => String(row[column]).length)) + 2);
	const rule = (left: string, middle: string, right: string) => `${left}${widths.map(width => '─'.repeat(width)).join(middle)}${right}`;
	const line = (cells: readonly string[]) => `│${cells.map((cell, index) => ` ${cell.padEnd(widths[index]! - 1)}`).join('│')}│`;
	const lines = [rule('┌', '┬', '┐'), line(columns)];
	for (const row of rows) {
		lines.push(rule('├', '┼', '┤'), line(columns.map(column => String(row[column]))));
	}

	lines.push(rule('└', '┴', '┘'));
	return lines.join('\n');
}
