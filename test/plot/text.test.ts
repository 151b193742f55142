/** The text figures: each kind fits its columns, names from the input included, and nothing in it drives a terminal. */
import test from 'ava';
import stringWidth from 'string-width';
import {buildFigure} from '../../source/plot/build-figure.js';
import {readPlotInput} from '../../source/plot/read-input.js';
import {figureText} from '../../source/plot/text/figure-text.js';
import {evalDocument, migrationDocument, runDocument} from './documents.js';

function textOf(document: string, columns: number, kind?: 'tradeoff'): string {
	return figureText(buildFigure(readPlotInput(document, 'input.json'), kind ? {kind} : {}), columns);
}

function checkFits(t: {true: (value: boolean, message?: string) => void}, text: string, columns: number): void {
	for (const line of text.split('\n')) {
		t.true(stringWidth(line) <= columns, `${stringWidth(line)} columns: ${line}`);
		t.true(!/[\p{Cc}\p{Cf}]/v.test(line), `no control or format character: ${JSON.stringify(line)}`);
	}
}

const hostile = '\u001B]0;owned\u0007 漢字漢字漢字漢字漢字漢字 a-very-long-name-that-goes-on-and-on-and-on-for-ever-and-ever';

test('every kind fits 80 columns, and 60, even with long, wide and hostile names', async t => {
	const [run, evaluation, migration] = await Promise.all([runDocument(900), evalDocument(['none', 'sandpiper', 'threshold'], [1, 2], 300), migrationDocument()]);
	const renamedRun = JSON.stringify({...(JSON.parse(run) as object), scenario: hostile, policy: hostile});
	const renamedEval = JSON.parse(evaluation) as {policies: Array<{name: string}>};
	renamedEval.policies[1]!.name = hostile;
	for (const columns of [80, 60]) {
		for (const [document, kind] of [[run], [renamedRun], [evaluation], [JSON.stringify(renamedEval)], [evaluation, 'tradeoff'], [JSON.stringify(renamedEval), 'tradeoff'], [migration]] as const) {
			checkFits(t, textOf(document, columns, kind), columns);
		}
	}
});

test('the timeline in text: a lane per host with its trace and marks, the time axis, the migrations listed', async t => {
	const text = textOf(await runDocument(900), 80);
	const lines = text.split('\n');
	t.regex(lines[0]!, /^sandpiper-16x35: sandpiper, seed 1$/v);
	t.true(lines.some(line => /^h\d\d +│/v.test(line)), 'a lane starts with its host');
	t.true(lines.some(line => line.includes('━')), 'an episode is marked');
	t.regex(text, /[\u2801-\u28FF]/v, 'braille traces');
	t.regex(text, /└┬─/v);
	t.regex(text, /migrations:\n {2}[\d.]+ min {2}vm\d+ {2}h\d\d → /v);
});

test('the policies in text: a block per yardstick, a line per policy with its mean and spread', async t => {
	const text = textOf(await evalDocument(['none', 'sandpiper'], [1, 2, 3], 300), 80);
	t.regex(text, /sustained-overload intervals\n {2}none +█[█▏▎▍▌▋▊▉─┤ ]* [\d.,]+ ± [\d.]+\n {2}sandpiper /v);
	t.regex(text, /energy \(kWh\)/v);
});

test('numbers a hand-edited file may hold stay inside the figure: a downtime above every total, a mean outside its interval, long axis labels', async t => {
	const migration = JSON.parse(await migrationDocument()) as Record<string, {rounds: Array<{dataMiB: number; seconds: number}>; totalSeconds: number; downtimeSeconds: number}>;
	migration['stopAndCopy']!.downtimeSeconds = 1e6;
	migration['precopy']!.rounds = [{dataMiB: 1e12, seconds: 1}];
	checkFits(t, textOf(JSON.stringify(migration), 80), 80);
	const cell = (policy: string, mean: number, interval: [number, number]) => ({
		source: 'a.json',
		parameters: '',
		policy,
		metrics: {
			sustainedOverloadIntervals: {
				n: 3, mean, sd: 1, ci95: interval,
			}, energyKWh: {
				n: 3, mean: mean / 1000, sd: 0, ci95: [0.1, 0.2],
			},
		},
	});
	const merge = {
		sweep: 's', planned: 6, cells: [cell('a', -1_234_567, [10, 20]), cell('b', 1e9, [1e9, 1e9])],
	};
	checkFits(t, textOf(JSON.stringify(merge), 80, 'tradeoff'), 80);
});
