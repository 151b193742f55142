/**
Bad input, in-process: each is refused by one of the input errors (which the CLI turns into exit 2)
with a message of one line that names what is wrong and where.
*/
import {readFileSync} from 'node:fs';
import test from 'ava';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario, parseWith, ScenarioSyntaxError} from '../../source/scenario/parse-scenario.js';
import {sessionSchema, type ScenarioInput} from '../../source/scenario/schema.js';
import {checkBadInputs, type BadInput} from '../helpers/bad-input.js';

const fixture = readFileSync(new URL('../../fixtures/scenarios/sandpiper-16x35.json', import.meta.url), 'utf8');
const lines = fixture.split('\n');

/** The fixture with line `number` (from 1) changed. */
function withLine(number: number, change: (line: string) => string): string {
	return lines.map((line, index) => index === number - 1 ? change(line) : line).join('\n');
}

/** A small valid scenario with changes: JSON text. */
function scenario(changes: Partial<Record<keyof ScenarioInput, unknown>> = {}): string {
	return JSON.stringify({
		version: 1,
		name: 'bad',
		hosts: [{}, {}],
		vmClasses: {
			web: {
				memoryMiB: 256, workload: {
					base: {
						cpu: 10, memory: 100, disk: 1, network: 1,
					},
				},
			},
		},
		vms: [{class: 'web', host: 'h01'}],
		...changes,
	});
}

const build = (text: string) => buildScenario(parseScenario(text));
const session = (changes: Record<string, unknown>) => JSON.stringify({
	version: 1, scenario: 'bad', seed: 1, timeline: [], ...changes,
});

const badInputs: BadInput[] = [
	// JSON syntax: Node 20's V8 names no position for some errors, and quotes the text, line breaks and all.
	{
		name: 'a stray character on line 6 of a long file',
		run: () => parseScenario(withLine(6, line => line.replace(': 1', ': x1'))),
		error: ScenarioSyntaxError,
		words: ['line 6, column 10:', 'Unexpected token "x1"'],
	},
	{
		name: 'a trailing comma in an array on line 6',
		run: () => parseScenario(withLine(6, () => '\t"seed": [1,],')),
		error: ScenarioSyntaxError,
		words: ['line 6, column 13:', 'Unexpected token "]"'],
	},
	{
		name: 'a broken literal',
		run: () => parseScenario('{\n\t"version": 1,\n\t"name": tru\n}'),
		error: ScenarioSyntaxError,
		words: ['line 3, column 10:', 'Unexpected token "tru"'],
	},
	{
		name: 'a comment',
		run: () => parseScenario(withLine(7, line => `${line} // one second`)),
		error: ScenarioSyntaxError,
		words: [`line 7, column ${lines[6]!.length + 2}:`, 'Comments are not allowed in JSON'],
	},
	{
		name: 'a bad escape inside a string',
		run: () => parseScenario('{\n\t"name": "a\\qb"\n}'),
		error: ScenarioSyntaxError,
		words: ['line 2, column 12:', 'Bad escaped character'],
	},
	// Nesting: refused before zod or JSON.stringify recurse into it.
	{
		name: 'arrays nested 100,000 deep',
		run: () => parseScenario('['.repeat(100_000) + ']'.repeat(100_000)),
		error: ScenarioSyntaxError,
		words: ['line 1, column 65:', 'nested deeper than 64 levels'],
	},
	{
		name: 'objects nested 100,000 deep',
		run: () => parseScenario('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)),
		error: ScenarioSyntaxError,
		words: ['line 1, column 321:', 'nested deeper than 64 levels'],
	},
	{
		name: 'arrays nested 100,000 deep and never closed',
		run: () => parseScenario('['.repeat(100_000)),
		error: ScenarioSyntaxError,
		words: ['line 1, column 65:', 'nested deeper than 64 levels'],
	},
	{
		name: 'a session nested 100,000 deep',
		run: () => parseWith(sessionSchema, `{"timeline": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
		error: ScenarioSyntaxError,
		words: ['line 1, column 77:', 'nested deeper than 64 levels'],
	},
	// Names of Object.prototype's members are no entries.
	...['hasOwnProperty', 'constructor', 'toString', '__proto__'].map(name => ({
		name: `a VM of class ${name}`,
		run: () => build(scenario({vms: [{class: name, host: 'h01'}]})),
		error: ScenarioInvalidError,
		words: [`vms[0].class: no VM class ${name} (classes: web)`],
	})),
	// Free text is bounded (a 1 MB name made the table report hang for minutes) and on one line.
	{
		name: 'a name of a million characters',
		run: () => parseScenario(scenario({name: 'n'.repeat(1_000_000)})),
		error: ScenarioInvalidError,
		words: ['name: expected a name of 1 to 100 characters'],
	},
	{
		name: 'a name with a line break',
		run: () => parseScenario(scenario({name: 'two\nlines'})),
		error: ScenarioInvalidError,
		words: [String.raw`name: expected a name on one line, without control characters, got "two\nlines"`],
	},
	{
		name: 'a description of 2,001 characters',
		run: () => parseScenario(scenario({description: 'd'.repeat(2001)})),
		error: ScenarioInvalidError,
		words: ['description: expected a description of at most 2000 characters'],
	},
	{
		name: 'a caption of 201 characters',
		run: () => parseScenario(scenario({demo: {endTick: 10, captions: [{tick: 1, text: 'c'.repeat(201)}]}})),
		error: ScenarioInvalidError,
		words: ['demo.captions[0].text: expected a caption of 1 to 200 characters'],
	},
	{
		name: 'a firewall rule from a 65-character name',
		run: () => parseScenario(scenario({vms: [{class: 'web', host: 'h01', function: {kind: 'firewall', rules: [{from: 'f'.repeat(65), to: 'self'}]}}]})),
		error: ScenarioInvalidError,
		words: ['vms[0].function.rules[0].from: expected a rule source of 1 to 64 characters'],
	},
	{
		name: 'a setPolicy of a 65-character name',
		run: () => parseScenario(scenario({timeline: [{tick: 1, command: {type: 'setPolicy', policy: 'p'.repeat(65)}}]})),
		error: ScenarioInvalidError,
		words: ['timeline[0].command.policy: expected a policy name of 1 to 64 characters'],
	},
	{
		name: 'a session\'s scenario name of 101 characters',
		run: () => parseWith(sessionSchema, session({scenario: 's'.repeat(101)})),
		error: ScenarioInvalidError,
		words: ['scenario: expected a scenario name of 1 to 100 characters'],
	},
	{
		name: 'a session\'s hash that is no SHA-256',
		run: () => parseWith(sessionSchema, session({scenarioHash: 'abc'})),
		error: ScenarioInvalidError,
		words: ['scenarioHash: expected a SHA-256 in hex'],
	},
	{
		name: 'an unknown field whose name has a line break',
		run: () => parseScenario(scenario({'bad\nfield': 1} as Partial<Record<keyof ScenarioInput, unknown>>)),
		error: ScenarioInvalidError,
		words: [String.raw`unknown field "bad\nfield"`],
	},
	// Numbers are bounded, so that results stay finite.
	{
		name: 'a demand of 1e308',
		run: () => parseScenario(scenario({
			vmClasses: {
				web: {
					memoryMiB: 256, workload: {
						base: {
							cpu: 1e308, memory: 100, disk: 1, network: 1,
						},
					},
				},
			},
		})),
		error: ScenarioInvalidError,
		words: ['vmClasses.web.workload.base.cpu: expected a number from 0 to 1e9, got 1e+308'],
	},
	{
		name: 'a demand JSON reads as Infinity',
		run: () => parseScenario(scenario().replace('"cpu":10', '"cpu":1e400')),
		error: ScenarioInvalidError,
		words: ['vmClasses.web.workload.base.cpu: expected a number from 0 to 1e9, got Infinity'],
	},
	{
		name: 'a host of 1e-300 MiB',
		run: () => parseScenario(scenario({hostDefaults: {capacity: {memoryMiB: 1e-300}}})),
		error: ScenarioInvalidError,
		words: ['hostDefaults.capacity.memoryMiB: expected a positive number from 0.000001 to 1e9'],
	},
	{
		name: 'a demo speed of 1e-300 ticks a second',
		run: () => parseScenario(scenario({demo: {endTick: 10, speed: 1e-300}})),
		error: ScenarioInvalidError,
		words: ['demo.speed: expected a speed in ticks per second from 0.25 to 64'],
	},
	{
		name: 'a pre-copy of a million rounds',
		run: () => parseScenario(scenario({migration: {maxRounds: 1_000_000}})),
		error: ScenarioInvalidError,
		words: ['migration.maxRounds: expected a whole number from 1 to 1000'],
	},
	{
		name: 'seventeen shapes',
		run: () => parseScenario(scenario({vms: [{class: 'web', host: 'h01', workload: {shapes: Array.from({length: 17}, () => ({kind: 'ar1', phi: 0.5, sigma: 0.1}))}}]})),
		error: ScenarioInvalidError,
		words: ['vms[0].workload.shapes: expected at most 16 shapes'],
	},
	{
		name: 'a shape on the same resource twice',
		run: () => parseScenario(scenario({
			vms: [{
				class: 'web', host: 'h01', workload: {
					shapes: [{
						kind: 'ar1', phi: 0.5, sigma: 0.1, resources: ['cpu', 'cpu'],
					}],
				},
			}],
		})),
		error: ScenarioInvalidError,
		words: ['vms[0].workload.shapes[0].resources: expected each resource at most once'],
	},
];

checkBadInputs(test, badInputs);
