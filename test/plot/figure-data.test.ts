/**
The figures as data: what each kind draws, checked against the documents it is drawn from (a run's
series and events, an eval's and a sweep's statistics, the migration comparison).
*/
import test from 'ava';
import {buildFigure} from '../../source/plot/build-figure.js';
import type {
	MigrationFigure, PoliciesFigure, TimelineFigure, TradeoffFigure,
} from '../../source/plot/figure.js';
import {PlotInputError} from '../../source/plot/plot-input-error.js';
import {readPlotInput} from '../../source/plot/read-input.js';
import {evalDocument, migrationDocument, runDocument} from './documents.js';

type RunDocument = {
	ticks: number;
	tickSeconds: number;
	series: {intervalTicks: number; hosts: Array<{id: string; cpu: number[]; hot: Array<[number, number]>}>};
	events: Array<{
		tick: number; type: string; hostId?: string; vmId?: string; from?: string; to?: string; downtimeSeconds?: number;
	}>;
};

function figureOf(text: string, request: Parameters<typeof buildFigure>[1] = {}) {
	return buildFigure(readPlotInput(text, 'input.json'), request);
}

test('timeline: by default the hosts that were hot, each with its series, stretches, episodes and migrations from the report', async t => {
	const text = await runDocument(900);
	const run = JSON.parse(text) as RunDocument;
	const figure = figureOf(text) as TimelineFigure;
	t.is(figure.kind, 'timeline');
	const episodeHosts = new Set(run.events.filter(event => event.type === 'hotspotEpisodeStarted').map(event => event.hostId));
	const hot = run.series.hosts.filter(host => host.hot.length > 0 || episodeHosts.has(host.id)).map(host => host.id);
	t.true(hot.length > 0, 'the run had hotspots');
	t.deepEqual(figure.hosts, hot.slice(0, 8), 'the hot hosts, in the run\'s order');
	const perMinute = 60 / run.tickSeconds;
	for (const id of figure.hosts) {
		const host = run.series.hosts.find(item => item.id === id)!;
		const cpu = figure.samples.filter(sample => sample.host === id && sample.resource === 'cpu');
		t.deepEqual(cpu.map(sample => sample.value), host.cpu, `${id}: every interval mean (900 ticks: no bucketing)`);
		t.deepEqual(cpu.map(sample => sample.time), host.cpu.map((_value, index) => (index + 1) * run.series.intervalTicks / perMinute));
		t.deepEqual(figure.hot.filter(span => span.host === id).map(span => [Math.round(span.from * perMinute), Math.round(span.to * perMinute)]), host.hot);
	}

	const started = run.events.filter(event => event.type === 'migrationStarted' && (figure.hosts.includes(event.from!) || figure.hosts.includes(event.to!)));
	t.deepEqual(figure.migrations.map(move => [move.vm, move.from, move.to, Math.round(move.start * perMinute)]), started.map(event => [event.vmId, event.from, event.to, event.tick]));
	for (const move of figure.migrations.filter(item => item.end !== null)) {
		const completed = run.events.find(event => event.type === 'migrationCompleted' && event.vmId === move.vm && event.tick === Math.round(move.end! * perMinute));
		t.is(move.downtimeSeconds, completed?.downtimeSeconds ?? null, `${move.vm}'s downtime is its completion's`);
	}

	const episodes = run.events.filter(event => event.type === 'hotspotEpisodeStarted' && figure.hosts.includes(event.hostId!));
	t.is(figure.episodes.length, episodes.length);
	t.deepEqual(figure.thresholds, [{resource: 'cpu', value: 0.75}, {resource: 'network', value: 0.75}], 'memory\'s threshold of 1 is no line');
});

test('timeline: an episode runs from its start to start + cure time, an open one to the end; --hosts draws those asked for, in that order', t => {
	const document = {
		scenario: 'hand-made',
		seed: 1,
		policy: 'sandpiper',
		ticks: 120,
		tickSeconds: 1,
		summary: {},
		hosts: [],
		series: {
			intervalTicks: 10,
			thresholds: {cpu: 0.75, memory: 1, network: 0.75},
			k: 3,
			n: 5,
			hosts: ['a', 'b', 'c'].map(id => ({
				id, cpu: Array.from({length: 12}, () => 0.5), memory: Array.from({length: 12}, () => 0.1), network: Array.from({length: 12}, () => 0), hot: id === 'a' ? [[30, 60]] : [],
			})),
		},
		events: [
			{
				tick: 20, type: 'hotspotEpisodeStarted', hostId: 'a', resource: 'cpu',
			},
			{
				tick: 90, type: 'hotspotEpisodeCured', hostId: 'a', resource: 'cpu', cureSeconds: 45,
			},
			{
				tick: 100, type: 'hotspotEpisodeStarted', hostId: 'c', resource: 'network',
			},
			{
				tick: 30, type: 'migrationStarted', migrationId: 'm1', vmId: 'v1', from: 'a', to: 'c', mode: 'precopy',
			},
			{
				tick: 42, type: 'migrationCompleted', migrationId: 'm1', vmId: 'v1', from: 'a', to: 'c', mode: 'precopy', downtimeSeconds: 0.3,
			},
		],
	};
	const figure = figureOf(JSON.stringify(document)) as TimelineFigure;
	t.deepEqual(figure.hosts, ['a', 'c'], 'b was never hot');
	t.deepEqual(figure.episodes, [
		{
			host: 'a', resource: 'cpu', from: 20 / 60, to: 65 / 60, cured: true,
		},
		{
			host: 'c', resource: 'network', from: 100 / 60, to: 2, cured: false,
		},
	]);
	t.deepEqual(figure.migrations, [{
		vm: 'v1', from: 'a', to: 'c', mode: 'precopy', start: 0.5, end: 0.7, downtimeSeconds: 0.3,
	}]);
	const chosen = figureOf(JSON.stringify(document), {hosts: ['c', 'b']}) as TimelineFigure;
	t.deepEqual(chosen.hosts, ['c', 'b']);
	const error = t.throws(() => figureOf(JSON.stringify(document), {hosts: ['z']}));
	t.true(error instanceof PlotInputError);
	t.regex(error.message, /no host z; its hosts are a, b, c/v);
});

test('timeline: a long series is drawn as at most 240 points, each its bucket\'s maximum, so no peak is lost', t => {
	const cpu = Array.from({length: 2880}, (_value, index) => index === 1001 ? 0.99 : 0.2);
	const document = {
		scenario: 'day', seed: 1, policy: 'none', ticks: 2880, tickSeconds: 30, summary: {}, hosts: [], events: [],
		series: {
			intervalTicks: 1, thresholds: {cpu: 0.75, memory: 1, network: 0.75}, k: 3, n: 5, hosts: [{
				id: 'h', cpu, memory: cpu, network: cpu, hot: [[1000, 1010]],
			}],
		},
	};
	const figure = figureOf(JSON.stringify(document)) as TimelineFigure;
	const points = figure.samples.filter(sample => sample.resource === 'cpu');
	t.is(points.length, 240);
	t.is(Math.max(...points.map(point => point.value)), 0.99);
	t.is(figure.timeUnit, 'h', 'a day in hours');
	t.is(figure.endTime, 24);
});

test('policies from an eval: a bar per policy and yardstick at the mean, its spread mean ± sd; cure time from each seed\'s own mean', async t => {
	const text = await evalDocument(['none', 'sandpiper'], [1, 2, 3], 600);
	const evaluation = JSON.parse(text) as {policies: Array<{name: string; sustainedOverloadIntervals: {mean: number; sd: number}; perSeed: Array<{cureSecondsMean: number | null}>}>};
	const figure = figureOf(text) as PoliciesFigure;
	t.is(figure.kind, 'policies');
	t.deepEqual(figure.metrics, ['sustained-overload intervals', 'episode cure time (s), per-seed means', 'migrations', 'energy (kWh)']);
	t.regex(figure.spread, /sd over 3 seeds/v);
	for (const policy of evaluation.policies) {
		const bar = figure.bars.find(item => item.policy === policy.name && item.metric === 'sustained-overload intervals')!;
		const {mean, sd} = policy.sustainedOverloadIntervals;
		t.deepEqual([bar.mean, bar.low, bar.high], [mean, mean - sd, mean + sd]);
		const cures = policy.perSeed.map(seed => seed.cureSecondsMean).filter(value => value !== null);
		const cure = figure.bars.find(item => item.policy === policy.name && item.metric === 'episode cure time (s), per-seed means');
		t.is(cure?.mean, cures.length === 0 ? undefined : cures.reduce((sum, value) => sum + value, 0) / cures.length);
	}
});

test('tradeoff: a point per policy, energy against sustained overload; SLATAH x PDM where the eval has it', async t => {
	const text = await evalDocument(['none', 'sandpiper', 'consolidate'], [1, 2], 300);
	const figure = figureOf(text, {kind: 'tradeoff'}) as TradeoffFigure;
	t.deepEqual(figure.points.map(point => point.policy), ['none', 'sandpiper', 'consolidate']);
	t.is(figure.slaLabel, 'sustained-overload intervals');
	const evaluation = JSON.parse(text) as {policies: Array<Record<string, unknown>>};
	evaluation.policies = evaluation.policies.map(policy => ({...policy, slav: {mean: 0.001, sd: 0.0002}}));
	const withSlav = figureOf(JSON.stringify(evaluation), {kind: 'tradeoff'}) as TradeoffFigure;
	t.is(withSlav.slaLabel, 'SLA violation, SLATAH × PDM (%)');
	t.deepEqual(withSlav.points[0]!.sla, {mean: 0.1, low: 0.08, high: 0.120_000_000_000_000_01});
});

test('policies and tradeoff from a sweep merge: the 95 % interval as the spread; a sweep of several sources keeps them apart', t => {
	const cell = (source: string, policy: string, mean: number) => ({
		source, parameters: '', policy, seeds: 3, failed: 0, missing: 0,
		metrics: {
			sustainedOverloadIntervals: {
				n: 3, mean, sd: 1, ci95: [mean - 2, mean + 2], vsBaseline: null,
			}, energyKWh: {
				n: 3, mean: 1, sd: 0, ci95: null, vsBaseline: null,
			},
		},
	});
	const merge = {
		sweep: 's', baseline: 'none', metrics: [], planned: 12, done: 12, failed: [], missing: [],
		cells: [cell('a.json', 'none', 10), cell('a.json', 'sandpiper', 4), cell('dir/b.json', 'none', 20), cell('dir/b.json', 'sandpiper', 8)],
	};
	const figure = figureOf(JSON.stringify(merge)) as PoliciesFigure;
	t.deepEqual(figure.groups, ['a', 'b']);
	t.deepEqual(figure.metrics, ['sustained-overload intervals', 'energy (kWh)']);
	t.deepEqual(figure.bars[0], {
		metric: 'sustained-overload intervals', policy: 'none', group: 'a', mean: 10, low: 8, high: 12,
	});
	const tradeoff = figureOf(JSON.stringify(merge), {kind: 'tradeoff'}) as TradeoffFigure;
	t.is(tradeoff.points.length, 4);
	t.deepEqual(tradeoff.points[3]!.energy, {mean: 1, low: 1, high: 1}, 'one value: no interval');
});

test('migration: pre-copy a segment per round that add up to its data, post-copy and stop-and-copy one each', async t => {
	const text = await migrationDocument();
	const comparison = JSON.parse(text) as {precopy: {rounds: unknown[]; dataMiB: number}; cloudsim: {totalSeconds: number}};
	const figure = figureOf(text) as MigrationFigure;
	const precopy = figure.segments.filter(segment => segment.mode === 'pre-copy');
	t.is(precopy.length, comparison.precopy.rounds.length);
	t.is(precopy.at(-1)!.part, 'last round, paused');
	t.true(Math.abs(precopy.reduce((sum, segment) => sum + segment.dataMiB, 0) - comparison.precopy.dataMiB) < 1e-3);
	t.deepEqual(figure.totals.map(total => total.mode), ['pre-copy', 'post-copy', 'stop-and-copy']);
	t.is(figure.cloudsimSeconds, comparison.cloudsim.totalSeconds);
});
