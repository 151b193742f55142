/**
Properties of reading JSON text: any prefix of a valid scenario or session file parses only when it
is the whole, and otherwise fails with an input error of one line; a stray character between tokens
is reported at its own line and column, whatever V8 says about it.
*/
import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import fc from 'fast-check';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {parseScenario, parseWith, ScenarioSyntaxError} from '../../source/scenario/parse-scenario.js';
import {sessionSchema} from '../../source/scenario/schema.js';

const directory = new URL('../../fixtures/scenarios/', import.meta.url);
const fixtures = readdirSync(directory).filter(name => name.endsWith('.json')).map(name => ({name, text: readFileSync(new URL(name, directory), 'utf8')}));

const sessionText = `${JSON.stringify({
	version: 1,
	scenario: 'sandpiper-16x35',
	seed: 1,
	scenarioHash: 'ab'.repeat(32),
	program: '0.1.0',
	timeline: [
		{
			tick: 12, command: {
				type: 'injectLoad', target: {kind: 'vm', vmId: 'vm01'}, resource: 'cpu', amount: 40, durationTicks: null,
			},
		},
		{tick: 30, command: {type: 'setPolicy', policy: 'threshold'}},
		{
			tick: 31, command: {
				type: 'requestMigration', vmId: 'vm02', destinationHostId: 'h03', mode: null, allocationMiB: null, requestedBy: 'user',
			},
		},
	],
}, null, '\t')}\n`;

const texts = [
	...fixtures.map(({name, text}) => ({name, text, parse: (input: string) => parseScenario(input)})),
	{name: 'a session', text: sessionText, parse: (input: string) => parseWith(sessionSchema, input)},
];

test('any prefix of a scenario or session file parses only whole, else fails with one line', t => {
	for (const {name, text, parse} of texts) {
		t.notThrows(() => parse(text), `${name} parses whole`);
		fc.assert(fc.property(fc.nat({max: text.length}), length => {
			const prefix = text.slice(0, length);
			try {
				parse(prefix);
			} catch (error) {
				if (!(error instanceof ScenarioSyntaxError || error instanceof ScenarioInvalidError)) {
					throw error;
				}

				return !/[\n\r]/v.test(error.message) && error.message.length < 300;
			}

			return prefix.trimEnd() === text.trimEnd();
		}), {numRuns: 200});
	}
});

/** Offsets between tokens, outside strings, where a stray `x` starts a token of its own or the following one. */
function gaps(text: string): number[] {
	const offsets: number[] = [];
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		const previous = text[index - 1] ?? ' ';
		if (!inString && /[\s\{\}\[\],:"]/v.test(previous)) {
			offsets.push(index);
		}

		if (inString && character === '\\') {
			index++;
		} else if (character === '"') {
			inString = !inString;
		}
	}

	return offsets;
}

function lineAndColumn(text: string, offset: number): string {
	const before = text.slice(0, offset).split('\n');
	return `line ${before.length}, column ${before.at(-1)!.length + 1}:`;
}

test('a stray character between tokens is reported at its own line and column, on one line', t => {
	for (const {name, text, parse} of texts) {
		const strayAt = fc.property(fc.constantFrom(...gaps(text)), offset => {
			const broken = `${text.slice(0, offset)}x${text.slice(offset)}`;
			try {
				parse(broken);
			} catch (error) {
				return error instanceof ScenarioSyntaxError && error.message.startsWith(`invalid JSON at ${lineAndColumn(broken, offset)}`) && !/[\n\r]/v.test(error.message);
			}

			return false;
		});
		t.notThrows(() => {
			fc.assert(strayAt, {numRuns: 100});
		}, `${name}`);
	}
});
