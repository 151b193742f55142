/**
Text to scenario: JSON syntax errors with line and column, schema errors with the JSON path and what
was expected (`hosts[3].capacity.memoryMiB: expected a positive number, got -5`).
*/
import type {z} from 'zod';
import {ScenarioInvalidError, type ScenarioIssue} from './build-world.js';
import {scenarioSchema, type Scenario} from './schema.js';

export class ScenarioSyntaxError extends Error {
	readonly line: number;
	readonly column: number;

	constructor(message: string, line: number, column: number) {
		super(`invalid JSON at line ${line}, column ${column}: ${message}`);
		this.name = 'ScenarioSyntaxError';
		this.line = line;
		this.column = column;
	}
}

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, offset);
	const lines = before.split('\n');
	return {line: lines.length, column: lines.at(-1)!.length + 1};
}

export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /position (\d+)/v.exec(message);
		const offset = position ? Number(position[1]) : text.length;
		const {line, column} = lineAndColumn(text, offset);
		const reason = message.replace(/\s*in JSON at position \d+.*$/v, '').replace(/^JSON\.parse: /v, '');
		throw new ScenarioSyntaxError(reason, line, column);
	}
}

/** `hosts[3].capacity.memoryMiB`, or `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') {
			text += `[${key}]`;
		} else {
			const name = String(key);
			text += /^[A-Za-z_$][\w$]*$/v.test(name) ? `${text ? '.' : ''}${name}` : `[${JSON.stringify(name)}]`;
		}
	}

	return text || '(root)';
}

function describeValue(value: unknown): string {
	if (value === undefined) {
		return 'nothing';
	}

	const text = JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
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
