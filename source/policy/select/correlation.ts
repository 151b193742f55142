/**
The multiple correlation BB12's MC selector ranks VMs by (Beloglazov and Buyya, CCPE 2012, section
6.2): R² of an ordinary least-squares fit, with an intercept, of one VM's utilisation history on the
others'. Solved by Householder QR, as commons-math's OLS (which CloudSim calls) solves it; a fit with
fewer observations than coefficients, or a singular one, has no answer (undefined), and CloudSim's
selector then falls back to minimum migration time.
*/

/** R² of y on the columns of `x` (each column one regressor, as long as y) with an intercept; undefined when the fit has no answer. */
export function rSquared(y: readonly number[], columns: ReadonlyArray<readonly number[]>): number | undefined {
	const rows = y.length;
	const width = columns.length + 1;
	if (columns.length === 0 || rows < width) {
		return undefined;
	}

	// The design matrix, row-major: a column of ones, then the regressors.
	const a = Array.from({length: rows}, (_, row) => [1, ...columns.map(column => column[row]!)]);
	const b = [...y];
	for (let column = 0; column < width; column++) {
		let norm = 0;
		for (let row = column; row < rows; row++) {
			norm += a[row]![column]! * a[row]![column]!;
		}

		norm = Math.sqrt(norm);
		if (norm === 0) {
			return undefined;
		}

		const diagonal = a[column]![column]! > 0 ? -norm : norm;
		a[column]![column]! -= diagonal;
		// Reflect the columns to the right and the response by v = a[column..][column].
		for (let other = column + 1; other < width; other++) {
			reflect(a, column, rows, row => a[row]![other]!, (row, value) => {
				a[row]![other] = value;
			}, diagonal);
		}

		reflect(a, column, rows, row => b[row]!, (row, value) => {
			b[row] = value;
		}, diagonal);
		a[column]![column] = diagonal;
	}

	// Residual sum of squares: what the reflections left below the coefficients.
	let residual = 0;
	for (let row = width; row < rows; row++) {
		residual += b[row]! * b[row]!;
	}

	const mean = y.reduce((sum, value) => sum + value, 0) / rows;
	let total = 0;
	for (const value of y) {
		total += (value - mean) * (value - mean);
	}

	return 1 - (residual / total);
}

/** Applies the Householder reflection of column `column` (v = a[column..rows][column], with a[column][column] - diagonal in front). */
function reflect(a: number[][], column: number, rows: number, get: (row: number) => number, set: (row: number, value: number) => void, diagonal: number): void {
	let dot = 0;
	for (let row = column; row < rows; row++) {
		dot += a[row]![column]! * get(row);
	}

	// V'v = -2 x diagonal x v0 for a Householder vector built so.
	const scale = dot / (diagonal * a[column]![column]!);
	for (let row = column; row < rows; row++) {
		set(row, get(row) + (scale * a[row]![column]!));
	}
}
