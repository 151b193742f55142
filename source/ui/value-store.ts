/**
A value that tells its listeners when it changes, for `useSyncExternalStore`. A view keeps its own state
(selection, pickers, notes) in one: in Ink 6 (react-reconciler 0.33, which has no legacy mode) a
`useState` update from a key renders through React's scheduler, in time slices, so later the busier the
machine; a store's change renders at once, as the session's snapshots do, and a key is drawn before the
next is read.
*/
export class ValueStore<T> {
	#value: T;
	readonly #listeners = new Set<() => void>();

	constructor(value: T) {
		this.#value = value;
	}

	readonly get = (): T => this.#value;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	};

	set(value: T): void {
		if (Object.is(value, this.#value)) {
			return;
		}

		this.#value = value;
		for (const listener of this.#listeners) {
			listener();
		}
	}
}
