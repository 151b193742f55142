/**
Text from outside (a scenario's name and description, a walkthrough's captions) never reaches the
terminal raw, in any report or in the dashboard: arbitrary strings go in, and what would be written
holds no control or format character but the program's own line breaks and colours.
*/
import {readFileSync} from 'node:fs';
import test from 'ava';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {renderToString} from 'ink';
import {App} from '../../source/app.js';
import {evaluate} from '../../source/report/evaluation.js';
import {formatEvaluationJson, formatEvaluationTable} from '../../source/report/format-evaluation.js';
import {formatJson} from '../../source/report/format-json.js';
import {formatNetworkJson, formatNetworkTable} from '../../source/report/format-network.js';
import {formatTable} from '../../source/report/format-table.js';
import {networkPlan} from '../../source/report/network-plan.js';
import {runReport} from '../../source/report/run-report.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';
import {Dashboard} from '../../source/ui/components/dashboard.js';
import {buildScreen} from '../../source/ui/screen.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {terminalHazardInOutput, terminalHazard} from '../helpers/terminal-hazard.js';
import {safeJson, safeStrings, safeText} from '../../source/terminal/safe-text.js';

const teaching = JSON.parse(readFileSync(new URL('../../fixtures/scenarios/teaching-3x6.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/**
The teaching scenario under an outside name, description and caption. The schema refuses control
characters in these fields, so they are put into the built scenario directly: the writers must hold
even for text that reached them some other way (a session, a trace name, a future field).
*/
function scenarioWith(name: string, description: string, caption: string) {
	const built = buildScenario(parseScenario(JSON.stringify({
		...teaching, demo: {endTick: 50, captions: [{tick: 0, text: 'caption', ticks: 50}]},
	})));
	built.world.scenarioName = name;
	return {...built, description, demo: {...built.demo!, captions: [{tick: 0, text: caption, ticks: 50}]}};
}

/** Hostile text as the issue found it, and arbitrary strings of the lengths the schema takes. */
const attacks = ['x\u001B]0;pwned\u0007', 'x\u001B[2J\u001B[H', 'a\r\nb', 'evil\u202Etxt', '\u009B31mred', 'bell\u0007\u007F'];
const outsideText = (maxLength: number) => fc.oneof(fc.constantFrom(...attacks), fc.string({unit: 'binary', minLength: 1, maxLength}));

test('every report keeps outside text inert: table, json, network table and json, eval table and json', t => {
	fc.assert(fc.property(outsideText(100), outsideText(200), outsideText(200), (name, description, caption) => {
		const built = scenarioWith(name, description, caption);
		const report = runReport(built.world, defaultStrategies, {ticks: 20, timeline: built.timeline});
		const plan = networkPlan(built.world);
		const evaluation = evaluate({
			seeds: [1], policies: ['none'], ticks: 10, strategies: defaultStrategies, build: () => built,
		});
		for (const [label, text] of [
			['table', formatTable(report)],
			['json', formatJson(report)],
			['network table', formatNetworkTable(plan)],
			['network json', formatNetworkJson(plan)],
			['eval table', formatEvaluationTable(evaluation)],
			['eval json', formatEvaluationJson(evaluation)],
		] as const) {
			t.is(terminalHazardInOutput(text), undefined, `${label} for name ${JSON.stringify(name)}`);
		}

		t.is((JSON.parse(formatJson(report)) as {scenario: string}).scenario, name, 'json keeps the name exactly');
	}), {numRuns: 25});
});

test('the dashboard\'s frame keeps outside text inert: the status line\'s name, a caption, at 80x24 and 120x40', t => {
	fc.assert(fc.property(outsideText(100), outsideText(200), (name, caption) => {
		const built = scenarioWith(name, '', caption);
		const {world, events} = runTicks(built.world, defaultStrategies, {ticks: 30, timeline: built.timeline});
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			for (const view of ['hosts', 'network'] as const) {
				const screen = buildScreen(world, {...initialUiState, view}, events, defaultStrategies, caption);
				const frame = renderToString(<Dashboard screen={screen} size={{columns, rows}}/>, {columns});
				t.is(terminalHazardInOutput(frame), undefined, `${view} at ${columns}x${rows}`);
			}
		}
	}), {numRuns: 15});
});

test('the running app shows a hostile name and a hostile caption escaped, on one status line', t => {
	const built = scenarioWith('lab\u001B]0;x\u0007\r\nz', '', 'cap\u001B[2J');
	for (const [demo, expected] of [[undefined, String.raw`lab\x1b`], [built.demo, String.raw`cap\x1b[2J`]] as const) {
		const app = render(<App isInteractive world={built.world} timeline={built.timeline} strategies={defaultStrategies} tickSource={createManualTickSource()} demo={demo}/>);
		const frame = app.lastFrame() ?? '';
		app.unmount();
		t.is(terminalHazardInOutput(frame), undefined);
		t.true(frame.split('\n')[0]!.includes(expected), `status line: ${frame.split('\n')[0]!}`);
	}
});

// The function every writer above goes through (terminal/safe-text.ts).
test('the report\'s attack strings come out inert and visible', t => {
	t.is(safeText('pwned\u001B]0;pwned\u0007'), String.raw`pwned\x1b]0;pwned\x07`);
	t.is(safeText('a\u001B[2Jb'), String.raw`a\x1b[2Jb`);
	t.is(safeText('line\r\nnext\tcol'), String.raw`line\r\nnext\tcol`);
	t.is(safeText('evil\u202Etxt.exe\u2066'), String.raw`evil\u202etxt.exe\u2066`);
	t.is(safeText('\u009B31m\u007F'), String.raw`\x9b31m\x7f`);
	t.is(safeText('tag\u{E0001}'), String.raw`tag\u{e0001}`);
	t.is(safeText('h01 · vm07 é 日本 🙂'), 'h01 · vm07 é 日本 🙂', 'printable text, accents, CJK and emoji pass as they are');
});

test('safeText leaves no control, format or separator character, whatever the input', t => {
	fc.assert(fc.property(fc.string({unit: 'binary'}), text => {
		const safe = safeText(text);
		t.is(terminalHazard(safe), undefined);
		t.is(safeText(safe), safe, 'safe text is a fixed point');
	}), {numRuns: 2000});
});

test('safeJson writes a format character above U+FFFF as its surrogate pair, so the text reads back the same', t => {
	t.is(safeJson(JSON.stringify('tag\u{E0077}x')), String.raw`"tag\udb40\udc77x"`);
	t.is(JSON.parse(safeJson(JSON.stringify('tag\u{E0077}x'))), 'tag\u{E0077}x');
});

test('an unassigned code point among the bidi controls (U+2065, which the property below once drew) is escaped, in text and in JSON', t => {
	t.is(safeText('a\u2065b'), String.raw`a\u2065b`);
	t.is(safeJson(JSON.stringify('a\u2065b')), String.raw`"a\u2065b"`);
	t.is(JSON.parse(safeJson(JSON.stringify('a\u2065b'))), 'a\u2065b');
	t.is(safeText('\u{10FFFF}'), String.raw`\u{10ffff}`);
});

test('safeJson keeps the document\'s meaning and leaves no C1, bidi or separator character raw', t => {
	fc.assert(fc.property(fc.jsonValue(), fc.string({unit: 'binary'}), (value, text) => {
		const document = JSON.stringify({value, text}, null, 2);
		const safe = safeJson(document);
		t.deepEqual(JSON.parse(safe), JSON.parse(document));
		t.is(terminalHazard(safe.replaceAll('\n', '')), undefined);
	}), {numRuns: 1000});
});

test('safeStrings escapes every string in plain objects and arrays and copies only what changed', t => {
	const clean = {a: 'x', list: [1, 'y']};
	t.is(safeStrings(clean), clean);
	const dirty = {
		a: 'x', list: [1, 'y\u001B'], nested: {b: '\u202E'}, kept: clean,
	};
	const safe = safeStrings(dirty);
	t.deepEqual(safe, {
		a: 'x', list: [1, String.raw`y\x1b`], nested: {b: String.raw`\u202e`}, kept: clean,
	});
	t.is(safe.kept, clean);
	t.is(dirty.list[1], 'y\u001B', 'the input is not changed');
});
