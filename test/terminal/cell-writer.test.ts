import test from 'ava';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import {CellWriter} from '../../source/terminal/cell-writer.js';
import {gridOf} from '../../source/terminal/cell-grid.js';

type Terminal = InstanceType<typeof xterm.Terminal>;

function terminal(columns: number, rows: number): Terminal {
	return new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
}

async function feed(screen: Terminal, data: string): Promise<void> {
	await new Promise<void>(resolve => {
		screen.write(data, resolve);
	});
}

/** Every cell as the terminal holds it: its characters and everything that styles it. */
function cells(screen: Terminal): string[] {
	const out: string[] = [];
	const buffer = screen.buffer.active;
	for (let row = 0; row < screen.rows; row++) {
		const line = buffer.getLine(row)!;
		for (let column = 0; column < screen.cols; column++) {
			const cell = line.getCell(column)!;
			out.push([
				row,
				column,
				cell.getChars() || ' ',
				cell.getWidth(),
				cell.getFgColorMode(),
				cell.getFgColor(),
				cell.getBgColorMode(),
				cell.getBgColor(),
				cell.isBold(),
				cell.isDim(),
				cell.isInverse(),
				cell.isUnderline(),
				cell.isItalic(),
			].join(','));
		}
	}

	return out;
}

/** The plain way to show a frame: clear the screen and write each line at its row. */
function drawnWhole(frame: string): string {
	return '\u001B[H\u001B[2J' + frame.split('\n').map((line, row) => `\u001B[${row + 1};1H${line}\u001B[0m`).join('');
}

const styles = ['', '\u001B[31m', '\u001B[1m', '\u001B[42m', '\u001B[7m', '\u001B[2m\u001B[36m', '\u001B[38;5;208m'];
const ends = ['\u001B[0m', '\u001B[39m\u001B[49m\u001B[22m\u001B[27m', ''];
const characters = ['a', 'b', ' ', '█', '▒', '│', '漢'];

function widthOf(text: string): number {
	return [...text].reduce((sum, character) => sum + (character === '漢' ? 2 : 1), 0);
}

const segment = fc.record({
	style: fc.constantFrom(...styles), text: fc.array(fc.constantFrom(...characters), {minLength: 1, maxLength: 6}).map(list => list.join('')), end: fc.constantFrom(...ends),
});

/** Frames that fit a screen of this size: the writer must show each exactly as drawing it whole would. */
function frames(columns: number, rows: number) {
	const line = fc.array(segment, {maxLength: 5}).map(parts => {
		let text = '';
		let width = 0;
		for (const part of parts) {
			let fits = '';
			for (const character of part.text) {
				if (width + widthOf(character) <= columns) {
					fits += character;
					width += widthOf(character);
				}
			}

			text += part.style + fits + part.end;
		}

		return text + '\u001B[0m';
	});
	return fc.array(fc.array(line, {minLength: 1, maxLength: rows}).map(lines => lines.join('\n')), {minLength: 1, maxLength: 6});
}

test('each frame leaves the terminal as drawing it whole would, cell for cell and style for style', async t => {
	const sized = fc.tuple(fc.integer({min: 4, max: 14}), fc.integer({min: 2, max: 6}))
		.chain(([columns, rows]) => fc.tuple(fc.constant(columns), fc.constant(rows), frames(columns, rows)));
	await fc.assert(fc.asyncProperty(sized, fc.context(), async ([columns, rows, sequence], context) => {
		const screen = terminal(columns, rows);
		let written = '';
		const writer = new CellWriter(data => {
			written += data;
		}, () => ({columns, rows}));
		for (const frame of sequence) {
			written = '';
			writer.write(frame);
			// eslint-disable-next-line no-await-in-loop -- frames follow one another
			await feed(screen, written);
			const reference = terminal(columns, rows);
			// eslint-disable-next-line no-await-in-loop -- the same
			await feed(reference, drawnWhole(frame));
			context.log(JSON.stringify(frame));
			t.deepEqual(cells(screen), cells(reference));
			reference.dispose();
		}

		screen.dispose();
	}), {numRuns: 60});
});

test('an unchanged frame sends nothing; a one-cell change sends that cell after a cursor move', t => {
	let written = '';
	const writer = new CellWriter(data => {
		written = data;
	}, () => ({columns: 20, rows: 3}));
	writer.write('host h01  42%\nhost h02  17%');
	t.true(written.includes('\u001B[2J'), 'the first frame clears the screen');
	written = '';
	writer.write('host h01  42%\nhost h02  17%');
	t.is(written, '');
	writer.write('host h01  43%\nhost h02  17%');
	t.is(written, '\u001B[?2026h\u001B[1;12H3\u001B[?2026l');
});

test('a resize draws the last frame whole at the new size', t => {
	let size = {columns: 10, rows: 2};
	let written = '';
	const writer = new CellWriter(data => {
		written = data;
	}, () => size);
	writer.write('abc');
	size = {columns: 12, rows: 3};
	written = '';
	writer.repaint();
	t.true(written.includes('\u001B[2J') && written.includes('abc'));
});

test('lines past the screen and characters past its edge are cut off, a wide character whole', t => {
	const grid = gridOf('ab漢c\nsecond\nthird', 3, 2);
	t.deepEqual(grid.text, ['a', 'b', ' ', 's', 'e', 'c']);
	const wide = gridOf('a漢', 3, 1);
	t.deepEqual(wide.text, ['a', '漢', '']);
});
