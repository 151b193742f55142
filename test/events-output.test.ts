import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {main} from '../source/cli/main.js';
import {temporaryFolder} from './helpers/temporary.js';

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
	// Apart from its events, the report is the same.
	const {events: _events, ...rest} = JSON.parse(withEvents) as Record<string, unknown>;
	t.deepEqual(rest, document);
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
