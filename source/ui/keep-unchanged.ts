/**
Structural sharing between two frames: a row whose fields all equal the last frame's row is that row's
object, so `React.memo` on its component (shallow props) skips it. Fields are compared one level down:
numbers, strings, and arrays or plain objects of them (a host's k-of-n flags, CPU history, labels).
*/

/** Whether `a` and `b` hold the same fields with equal values (arrays compared element by element). */
export function sameFields<T extends object>(a: T, b: T): boolean {
	const keys = Object.keys(a) as Array<keyof T>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the keys of a plain row
	if (keys.length !== Object.keys(b).length) {
		return false;
	}

	return keys.every(key => sameValue(a[key], b[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) {
		return true;
	}

	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
	}

	if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
		const entries = Object.entries(a);
		return entries.length === Object.keys(b).length && entries.every(([key, value]) => Object.hasOwn(b, key) && Object.is(value, Reflect.get(b, key)));
	}

	return false;
}

/** `next` with each row that equals the previous frame's row of the same id replaced by that row. */
export function keepUnchanged<T extends {id: string}>(previous: readonly T[], next: T[]): T[] {
	if (previous.length === 0) {
		return next;
	}

	const before = new Map(previous.map(row => [row.id, row]));
	return next.map(row => {
		const old = before.get(row.id);
		return old !== undefined && sameFields(old, row) ? old : row;
	});
}
