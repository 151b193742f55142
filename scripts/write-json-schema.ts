/* Writes docs/scenario.schema.json from the zod schema: `npm run schema`. */
import {writeFileSync} from 'node:fs';
import {scenarioJsonSchemaText} from '../source/scenario/json-schema.js';

writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), scenarioJsonSchemaText());
