/* Writes docs/scenario.schema.json and docs/sweep.schema.json from their zod schemas: `npm run schema`. */
import {writeFileSync} from 'node:fs';
import {scenarioJsonSchemaText} from '../source/scenario/json-schema.js';
import {sweepJsonSchemaText} from '../source/sweep/sweep-json-schema.js';

writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), scenarioJsonSchemaText());
writeFileSync(new URL('../docs/sweep.schema.json', import.meta.url), sweepJsonSchemaText());
