/**
Text to scenario: JSON syntax errors with line and column, schema errors with the JSON path and what
was expected (`hosts[3].capacity.memoryMiB: expected a positive number, got -5`).
*/
import type * as z from 'zod';
import {ScenarioInvalidError, type ScenarioIssue} from './build-world.js';
import {firstJsonProblem, tooDeep, tooDeepAt} from './json-problem.js';
import {printable, quoted} from './printable.js';
import {scenarioSchema, type Scenario} from './schema.js';
import {ScenarioSyntaxError} from './syntax-error.js';

export {ScenarioSyntaxError} from './syntax-error.js';

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, offset);
	const lines = before.split('\n');
	return {line: lines.length, column: lines.at(-1)!.length + 1};
}

/**
The reason and place when the locator and V8 disagree, which they should not: V8's first line, without
the text it quotes, at its position when it names one.
*/
function fallbackProblem(text: string, error: unknown): {offset: number; reason: string} {
	const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
	const position = /position (\d+)/v.exec(message);
	const reason = message.replace(/\s*in JSON at position \d+.*$/v, '').replace(/, ".*$/v, '').slice(0, 80);
	return {offset: position ? Number(position[1]) : text.length, reason};
}

/** JSON.parse, fast; on failure the first error's line and column, found again by a stricter reading. Refuses deep nesting. */
export function parseJson(text: string): unknown {
	let value: unknown;
	try {
		value = JSON.parse(text) as unknown;
	} catch (error) {
		const {offset, reason} = firstJsonProblem(text) ?? fallbackProblem(text, error);
		const {line, column} = lineAndColumn(text, offset);
		throw new ScenarioSyntaxError(reason, line, column);
	}

	const deep = tooDeepAt(text);
	if (deep >= 0) {
		const {line, column} = lineAndColumn(text, deep);
		throw new ScenarioSyntaxError(tooDeep, line, column);
	}

	return value;
}

const plainName = /^[A-Za-z_$][\w$]{0,39}$/v;

/** A field name from the input: as it is when plain, else quoted, escaped and cut short. */
function fieldName(name: string): string {
	return plainName.test(name) ? name : quoted(name, 40);
}

/** `hosts[3].capacity.memoryMiB`, or `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') {
			text += `[${key}]`;
		} else {
			const name = String(key);
			text += plainName.test(name) ? `${text ? '.' : ''}${name}` : `[${quoted(name, 40)}]`;
		}
	}

	return text || '(root)';
}

function describeValue(value: unknown): string {
	if (value === undefined) {
		return 'nothing';
	}

	// JSON would print 1e400 (read as Infinity) as null.
	return printable(typeof value === 'number' ? String(value) : JSON.stringify(value), 40);
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		// Three at most: a file can hold any number of stray fields.
		const shown = issue.keys.slice(0, 3).map(key => fieldName(key)).join(', ');
		const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown}${more}`;
	}

	if (issue.code === 'invalid_type' && issue.input === undefined) {
		return 'missing; expected a value here';
	}

	const message = issue.message.startsWith('Invalid input: expected ') ? `expected ${issue.message.slice('Invalid input: expected '.length).replace(/, received \w+$/v, '')}` : issue.message;
	return `${message}, got ${describeValue(issue.input)}`;
}

export function schemaIssues(error: z.ZodError): ScenarioIssue[] {
	return error.issues.map(issue => ({path: formatPath(issue.path), message: describeIssue(issue)}));
}

/** Checks a value against a schema (defaults filled in); errors name the path. */
export function parseValueWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
	const result = schema.safeParse(value, {reportInput: true});
	if (!result.success) {
		throw new ScenarioInvalidError(schemaIssues(result.error));
	}

	return result.data;
}

/** Parses JSON text against a schema; errors name the JSON path (or line and column for bad JSON). */
export function parseWith<T extends z.ZodType>(schema: T, text: string): z.output<T> {
	return parseValueWith(schema, parseJson(text));
}

export function parseScenario(text: string): Scenario {
	return parseWith(scenarioSchema, text);
}
