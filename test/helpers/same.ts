import {isDeepStrictEqual} from 'node:util';
import type {ExecutionContext} from 'ava';

/**
`t.deepEqual` (or `t.is`) for a check made thousands of times in one test: Node's strict comparison
first, and ava's, which describes both values and shows where they differ, only when they differ.
*/
export function same(t: ExecutionContext, actual: unknown, expected: unknown, message?: string): void {
	if (!isDeepStrictEqual(actual, expected)) {
		t.deepEqual(actual, expected, message);
	}
}
