import * as z from 'zod';
import {sweepSchema} from './sweep-schema.js';

/** The sweep file format as JSON Schema (draft 2020-12), for editors, as docs/scenario.schema.json is for scenarios. */
export function sweepJsonSchemaText(): string {
	const schema = {
		...z.toJSONSchema(sweepSchema, {io: 'input', target: 'draft-2020-12', unrepresentable: 'any'}),
		$id: 'https://github.com/sandpiper-tui/sandpiper-tui/docs/sweep.schema.json',
		title: 'sandpiper-tui sweep file, version 1',
	};
	return JSON.stringify(schema, undefined, '\t') + '\n';
}
