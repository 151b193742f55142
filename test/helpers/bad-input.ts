/**
A table of bad inputs, each checked the same way: refused by the error class named, in one short line
that holds the words that say where and what is wrong.
*/
import type {TestFn} from 'ava';

export type ErrorClass = abstract new (...arguments_: any[]) => Error;

export type BadInput = {
	name: string;
	run: () => unknown;
	error: ErrorClass;
	/** Words the message must hold: where, and what is wrong. */
	words: string[];
};

/** Declares a test of `test` for each bad input (the test file passes its own `test`: ava runs test files only). */
export function checkBadInputs(test: TestFn, badInputs: readonly BadInput[]): void {
	for (const {
		name, run, error, words,
	} of badInputs) {
		test(`bad input: ${name}`, async t => {
			const thrown = await t.throwsAsync(async () => run());
			t.true(thrown instanceof error, `${thrown.name}: ${thrown.message}`);
			t.notRegex(thrown.message, /[\n\r\u2028\u2029]/v, 'one line');
			t.true(thrown.message.length < 300, `short: ${thrown.message.length} characters`);
			for (const word of words) {
				t.true(thrown.message.includes(word), `"${word}" in: ${thrown.message}`);
			}
		});
	}
}
