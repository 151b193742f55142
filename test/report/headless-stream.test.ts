import {Buffer} from 'node:buffer';
import test from 'ava';
import {writeHeadless} from '../../source/headless-report.js';
import {csvHeader, csvRows} from '../../source/report/format-csv.js';
import {formatJson} from '../../source/report/format-json.js';
import {runReport} from '../../source/report/run-report.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';

function collector() {
	const chunks: string[] = [];
	return {
		chunks,
		async write(chunk: string | Uint8Array) {
			chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		},
	};
}

test('a long CSV report is written in pieces of bounded size as the run goes, and is the whole CSV', async t => {
	const built = await loadScenario();
	const ticks = 6000;
	const output = collector();
	await writeHeadless(built, {ticks, format: 'csv', write: output.write});
	let expected = csvHeader;
	runReport(built.world, defaultStrategies, {
		ticks,
		timeline: built.timeline,
		onTick(world) {
			expected += csvRows(world);
		},
	});
	t.is(output.chunks.join(''), expected);
	const largest = Math.max(...output.chunks.map(chunk => chunk.length));
	// 6,000 ticks of 17 hosts are 4.5 MB; a piece is about 65,536 host- and VM-ticks (1,260 ticks here, under 1 MB).
	t.true(output.chunks.length >= 5, `${output.chunks.length} pieces`);
	t.true(largest < 1_500_000, `largest piece ${largest} characters of ${expected.length}`);
});

for (const format of ['json', 'table', 'csv'] as const) {
	test(`a stop request ends a ${format} run early with a report of the ticks that ran, marked partial`, async t => {
		const built = await loadScenario();
		const output = collector();
		let asked = 0;
		const partial = await writeHeadless(built, {
			ticks: 100_000, format, write: output.write, stopRequested: () => ++asked > 2, events: {kind: 'report'},
		});
		t.truthy(partial);
		t.is(partial!.ticksAsked, 100_000);
		t.true(partial!.ticksRun > 0 && partial!.ticksRun < 100_000);
		const text = output.chunks.join('');
		if (format === 'json') {
			const report = JSON.parse(text) as {ticks: number; partial: unknown};
			t.is(report.ticks, partial!.ticksRun);
			t.deepEqual(report.partial, partial);
			const whole = formatJson(runReport(built.world, defaultStrategies, {ticks: partial!.ticksRun, timeline: built.timeline, series: true}));
			t.is(text, whole.replace('\n  "series": {', `\n  "partial": {\n    "ticksRun": ${partial!.ticksRun},\n    "ticksAsked": 100000\n  },\n  "series": {`), 'the same report as a run of that many ticks, plus the mark');
		} else if (format === 'table') {
			t.true(text.includes(`interrupted: ${partial!.ticksRun} of 100000 ticks ran`), `table: ${text}`);
		} else {
			t.is(text.trimEnd().split('\n').length, 1 + (partial!.ticksRun * 17), 'whole rows of the ticks that ran');
		}
	});
}

test('a run that is not stopped has no partial mark', async t => {
	const built = await loadScenario();
	const output = collector();
	t.is(await writeHeadless(built, {
		ticks: 30, format: 'json', write: output.write, stopRequested: () => false,
	}), undefined);
	t.false(output.chunks.join('').includes('"partial"'));
});
