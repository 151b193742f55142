/** Freezes plain data (objects and arrays, as the world is) and all it holds, so that a shared fixture cannot be changed by the tests that read it. */
export function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) {
			deepFreeze(inner);
		}
	}

	return value;
}
