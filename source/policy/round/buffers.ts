/**
A round's arrays, kept per hosts (or VMs) array and handed out again: a BB12 round runs every
scheduling interval over the same world, and new arrays each round were garbage. A view's hosts are a
new array each round, so its rounds get new arrays, as they always did.
*/
type Column = Float64Array | Int32Array | Uint8Array;

const kept = new WeakMap<readonly unknown[], Map<string, Column>>();

function keptFor(owner: readonly unknown[]): Map<string, Column> {
	let named = kept.get(owner);
	if (!named) {
		named = new Map();
		kept.set(owner, named);
	}

	return named;
}

/** The array `name`, one number per item of `owner`, zeroed. */
export function zeroed<T extends Column>(owner: readonly unknown[], name: string, Type: new (length: number) => T): T {
	const named = keptFor(owner);
	const known = named.get(name);
	if (known instanceof Type && known.length === owner.length) {
		known.fill(0);
		return known;
	}

	const created = new Type(owner.length);
	named.set(name, created);
	return created;
}

/** A scratch array `name` of at least `length` numbers, not cleared; `keep` one grown since, for next time. */
export function scratch(owner: readonly unknown[], name: string, length: number): Float64Array {
	const known = keptFor(owner).get(name);
	return known instanceof Float64Array && known.length >= length ? known : keep(owner, name, new Float64Array(length));
}

export function keep(owner: readonly unknown[], name: string, array: Float64Array): Float64Array {
	keptFor(owner).set(name, array);
	return array;
}
