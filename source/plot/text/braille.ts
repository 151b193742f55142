/**
A canvas of braille cells for the text figures: each cell is 2 x 4 dots, so 72 columns draw 144 points
across. Written here rather than taken from drawille and its ports: they are unmaintained, and this is
the whole of it (a bit per dot, U+2800 plus the dots' bits).
*/

/** The bit of the dot at (x mod 2, y mod 4) in a braille cell (Unicode's dot numbering). */
const dotBits = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]] as const;

export class BrailleCanvas {
	readonly columns: number;
	readonly rows: number;
	readonly width: number;
	readonly height: number;
	readonly #cells: Uint8Array;

	/** A canvas `columns` cells wide and `rows` high: `columns * 2` by `rows * 4` dots. */
	constructor(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.width = columns * 2;
		this.height = rows * 4;
		this.#cells = new Uint8Array(columns * rows);
	}

	/** Sets the dot at (x, y), y down from the top; a dot off the canvas is ignored. */
	set(x: number, y: number): void {
		const column = Math.round(x);
		const row = Math.round(y);
		if (column < 0 || row < 0 || column >= this.width || row >= this.height) {
			return;
		}

		// eslint-disable-next-line no-bitwise -- a dot is a bit of its cell
		this.#cells[(Math.floor(row / 4) * this.columns) + Math.floor(column / 2)]! |= dotBits[row % 4]![column % 2]!;
	}

	/** A straight line of dots from one point to another; ends off the canvas are drawn at its edge (so the work stays bounded by its size). */
	line(fromX: number, fromY: number, toX: number, toY: number): void {
		const clampX = (x: number) => Math.min(this.width, Math.max(-1, x));
		const clampY = (y: number) => Math.min(this.height, Math.max(-1, y));
		const [x0, y0, x1, y1] = [clampX(fromX), clampY(fromY), clampX(toX), clampY(toY)];
		const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
		for (let step = 0; step <= steps; step++) {
			this.set(x0 + ((x1 - x0) * step / steps), y0 + ((y1 - y0) * step / steps));
		}
	}

	/** The canvas as `rows` strings of `columns` characters (an empty cell is the blank braille pattern's space). */
	lines(): string[] {
		const lines: string[] = [];
		for (let row = 0; row < this.rows; row++) {
			let text = '';
			for (let column = 0; column < this.columns; column++) {
				const bits = this.#cells[(row * this.columns) + column]!;
				text += bits === 0 ? ' ' : String.fromCodePoint(0x28_00 + bits);
			}

			lines.push(text);
		}

		return lines;
	}
}
