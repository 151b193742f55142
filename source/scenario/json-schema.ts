import * as z from 'zod';
import {scenarioSchema} from './schema.js';

/**
The scenario format as JSON Schema (draft 2020-12), for editors: what a scenario file may contain,
with defaults, so fields with defaults are optional.
*/
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(scenarioSchema, {io: 'input', target: 'draft-2020-12', unrepresentable: 'any'}),
		$id: 'https://github.com/sandpiper-tui/sandpiper-tui/docs/scenario.schema.json',
		title: 'sandpiper-tui scenario, version 1',
	};
}

export function scenarioJsonSchemaText(): string {
	return JSON.stringify(scenarioJsonSchema(), undefined, '\t') + '\n';
}
