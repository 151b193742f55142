import {Buffer} from 'node:buffer';
import test from 'ava';
import {writeHeadless} from '../../source/headless-report.js';
import {EventSpool} from '../../source/report/event-spool.js';
import {formatJson, jsonEventText, jsonFrame} from '../../source/report/format-json.js';
import {runReport} from '../../source/report/run-report.js';
import {defaultScenarioPath, demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import type {SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';

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
		const expected = formatJson(runReport(built.world, defaultStrategies, {ticks, timeline: built.timeline}));
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
