import {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {writeHeadless} from '../../source/headless-report.js';
import {EventSpool} from '../../source/report/event-spool.js';
import {formatJson, jsonEventText, jsonFrame} from '../../source/report/format-json.js';
import {runReport} from '../../source/report/run-report.js';
import {defaultScenarioPath, demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import type {SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {main} from '../../source/cli/main.js';
import {temporaryFolder} from '../helpers/temporary.js';

/** What a writer gets, as one text. */
function collector(): {write: (chunk: string | Uint8Array) => Promise<void>; text: () => string} {
	const chunks: Buffer[] = [];
	return {
		async write(chunk) {
			chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
		},
		text: () => Buffer.concat(chunks).toString('utf8'),
	};
}

for (const [name, path, ticks] of [['the default scenario', defaultScenarioPath, 240], ['the demo', demoScenarioPath, 400], ['one quiet tick', defaultScenarioPath, 1]] as const) {
	test(`the json report written through the event spool is formatJson's, byte for byte: ${name}`, async t => {
		const built = await loadScenario({path});
		// A report with its events carries the hosts' series too (what `plot` draws a timeline from).
		const expected = formatJson(runReport(built.world, defaultStrategies, {ticks, timeline: built.timeline, series: true}));
		const output = collector();
		await writeHeadless(built, {
			ticks, format: 'json', write: output.write, events: {kind: 'report'},
		});
		t.is(output.text(), expected);
	});
}

test('the spool reads its file back in pieces that may split a character, and the document is whole', async t => {
	const built = await loadScenario({path: defaultScenarioPath});
	const report = runReport(built.world, defaultStrategies, {ticks: 2, timeline: built.timeline});
	const events: SimEvent[] = ['é → ✓', 'naïve — 日本', 'plain'].map((reason, index) => ({
		tick: index, type: 'commandRejected', command: 'injectLoad', reason,
	}));
	// Pieces of 5 bytes: the two- and three-byte characters above straddle them.
	const spool = new EventSpool(5);
	try {
		for (const event of events) {
			spool.add(event);
		}

		const output = collector();
		const frame = jsonFrame(report);
		await spool.writeDocument(frame, output.write);
		t.is(output.text(), formatJson({...report, events}));
		t.is(output.text(), frame.head + events.map((event, index) => jsonEventText(event, index === 0)).join('') + '\n  ' + frame.tail);
	} finally {
		spool.dispose();
	}
});

/** Runs the command line in-process, the report and any event log to files of a new folder. */
async function run(words: string[]): Promise<{report: string; events: (name: string) => string}> {
	const folder = temporaryFolder('sandpiper-events-test-');
	const output = join(folder, 'report');
	await main([...words.map(word => word.replace('EVENTS', join(folder, 'events.jsonl'))), '--output', output], () => undefined);
	const report = readFileSync(output, 'utf8');
	const events = (name: string) => readFileSync(join(folder, name), 'utf8');
	return {report, events};
}

const runWords = ['--headless', '--ticks', '300', '--seed', '4'];

test('the event log is opt-in: a JSON report has none unless --events asks for it', async t => {
	const {report} = await run([...runWords, '--format', 'json']);
	const document = JSON.parse(report) as Record<string, unknown>;
	t.false('events' in document);
	t.true(typeof document['summary'] === 'object');
	const {report: withEvents} = await run([...runWords, '--format', 'json', '--events']);
	const {events} = (JSON.parse(withEvents) as {events: unknown[]});
	t.true(events.length > 0);
	// Apart from its events and the hosts' series that come with them, the report is the same.
	const {events: _events, series, ...rest} = JSON.parse(withEvents) as Record<string, unknown>;
	t.deepEqual(rest, document);
	t.false('series' in document);
	t.is((series as {hosts: Array<{cpu: unknown[]}>}).hosts[0]!.cpu.length, 300 / 5, 'an interval mean per 5-tick interval');
});

test('--events FILE streams the same events as JSON lines, whatever the report\'s format', async t => {
	const {report} = await run([...runWords, '--format', 'json', '--events']);
	const expected = (JSON.parse(report) as {events: unknown[]}).events;
	for (const format of ['json', 'table', 'csv']) {
		// eslint-disable-next-line no-await-in-loop -- one run at a time
		const {events} = await run([...runWords, '--format', format, '--events', 'EVENTS']);
		const lines = events('events.jsonl').trimEnd().split('\n').map(line => JSON.parse(line) as unknown);
		t.deepEqual(lines, expected, `--format ${format}`);
	}
});
