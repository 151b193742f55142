/**
Where JSON text first goes wrong, and why, in words fit for one line. V8's own messages will not do:
on Node 20 some name no position and quote the text, line breaks and all. Microsoft's jsonc-parser
(VS Code's), in strict JSON mode, finds the first error instead. Its visitor recurses once per level of
nesting, so the visit is stopped at the nesting limit, long before the stack could run out.
*/
import {printParseErrorCode, visit} from 'jsonc-parser';
import {quoted} from './printable.js';

/** Deeper documents are refused before recursive code (zod, JSON.stringify) sees them; scenarios nest 7 deep. */
export const maxJsonDepth = 64;

export const tooDeep = `nested deeper than ${maxJsonDepth} levels`;

export type JsonProblem = {offset: number; reason: string};

/** Thrown by the visitor's callbacks to end the visit at the first problem. */
const stop = new Error('first problem found');

type ErrorName = ReturnType<typeof printParseErrorCode>;

/** By the code's name: the codes are an ambient const enum, which a per-file compiler cannot inline. */
const reasons: ReadonlyMap<ErrorName, string> = new Map<ErrorName, string>([
	['InvalidNumberFormat', 'Invalid number'],
	['PropertyNameExpected', 'Expected double-quoted property name'],
	['ColonExpected', 'Expected \':\' after property name'],
	['EndOfFileExpected', 'Unexpected non-whitespace character after JSON'],
	['InvalidCommentToken', 'Comments are not allowed in JSON'],
	['UnexpectedEndOfComment', 'Unterminated comment'],
	['UnexpectedEndOfNumber', 'Incomplete number'],
]);

const stringErrors: ReadonlySet<ErrorName> = new Set<ErrorName>(['UnexpectedEndOfString', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter']);

/** The first bad character of the string token at `start` (the scanner names the string, not the character). */
function stringProblem(text: string, start: number): JsonProblem {
	for (let index = start + 1; index < text.length; index++) {
		const code = text.codePointAt(index)!;
		if (code === 0x22) {
			break;
		}

		if (code === 0x0A || code === 0x0D) {
			return {offset: start, reason: 'Unterminated string'};
		}

		if (code < 0x20) {
			return {offset: index, reason: 'Bad control character in string literal'};
		}

		if (code === 0x5C) {
			const escaped = text[index + 1] ?? '';
			if (escaped === 'u' && !/^[\da-fA-F]{4}$/v.test(text.slice(index + 2, index + 6))) {
				return {offset: index, reason: 'Bad Unicode escape'};
			}

			if (!String.raw`"\/bfnrtu`.includes(escaped) || escaped === '') {
				return {offset: index, reason: 'Bad escaped character'};
			}

			index++;
		}
	}

	return {offset: start, reason: 'Unterminated string'};
}

function describeError(text: string, name: ErrorName, {offset, length}: {offset: number; length: number}, inObject: boolean): JsonProblem {
	if (stringErrors.has(name) && text.codePointAt(offset) === 0x22) {
		return stringProblem(text, offset);
	}

	if (offset >= text.length) {
		return {offset, reason: 'Unexpected end of JSON input'};
	}

	if (name === 'CommaExpected') {
		return {offset, reason: inObject ? 'Expected \',\' or \'}\' after property value' : 'Expected \',\' or \']\' after array element'};
	}

	return {offset, reason: reasons.get(name) ?? `Unexpected token ${quoted(text.slice(offset, offset + Math.max(1, length)), 20)}`};
}

/** The first syntax error, or the first level nested too deep, whichever comes first; undefined for valid JSON. */
export function firstJsonProblem(text: string): JsonProblem | undefined {
	// The open objects and arrays, `{` or `[` each: at most the limit, as the visit stops past it.
	let open = '';
	let problem: JsonProblem | undefined;
	const begin = (kind: string) => (offset: number) => {
		open += kind;
		if (open.length > maxJsonDepth) {
			problem = {offset, reason: tooDeep};
			throw stop;
		}
	};

	const end = () => {
		open = open.slice(0, -1);
	};

	try {
		visit(text, {
			onObjectBegin: begin('{'),
			onArrayBegin: begin('['),
			onObjectEnd: end,
			onArrayEnd: end,
			onError(code, offset, length) {
				problem = describeError(text, printParseErrorCode(code), {offset, length}, open.endsWith('{'));
				throw stop;
			},
		}, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
	} catch (error) {
		if (error !== stop) {
			throw error;
		}
	}

	return problem;
}

/** Offset of the first object or array nested deeper than the limit in valid JSON text, or -1: a plain count, as it runs on every file read. */
export function tooDeepAt(text: string): number {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.codePointAt(index)!;
		if (inString) {
			if (code === 0x5C) {
				index++;
			} else if (code === 0x22) {
				inString = false;
			}

			continue;
		}

		switch (code) {
			case 0x22: {
				inString = true;
				break;
			}

			case 0x5B:
			case 0x7B: {
				depth++;
				if (depth > maxJsonDepth) {
					return index;
				}

				break;
			}

			case 0x5D:
			case 0x7D: {
				depth--;
				break;
			}

			default:
		}
	}

	return -1;
}
