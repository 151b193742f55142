import test from 'ava';
import {episodeSummary} from '../../source/report/run-report.js';
import {accountOverload} from '../../source/sim/overload-metric.js';
import {pushToSeries} from '../../source/sim/series.js';
import type {SimEvent, World} from '../../source/sim/types.js';
import {build, scenarioInput} from '../helpers/scenarios.js';

/** One host, 5-tick intervals of 1 s, the metric at 3 of 5 over 75 % CPU; the episode settings under test. */
function world(metrics: {episodeHoldIntervals?: number; cameBackSeconds?: number} = {}): World {
	return build(scenarioInput({
		hosts: [{}],
		monitoring: {intervalTicks: 5, k: 3, n: 5},
		metrics: {episodeHoldIntervals: 5, cameBackSeconds: 120, ...metrics},
	})).world;
}

const hot = 0.9;
const cool = 0.1;

/**
Feeds interval means of CPU, one per character (`H` over the threshold, `c` under it, `x` the host is
down), to the metric as interval closes, after those already fed; returns the events.
*/
function feed(target: World, means: string): SimEvent[] {
	const events: SimEvent[] = [];
	const host = target.hosts[0]!;
	const {intervalTicks} = target.config.monitoring;
	for (const mean of means.replaceAll(' ', '')) {
		const closed = Math.floor((target.tick + 1) / intervalTicks);
		target.tick = ((closed + 1) * intervalTicks) - 1;
		host.state = mean === 'x' ? 'failed' : 'up';
		pushToSeries(host.history.intervals.cpu, mean === 'H' ? hot : cool, 60);
		accountOverload(target, true, event => {
			events.push(event);
		});
		target.tick++;
	}

	return events;
}

type EpisodeEvent = Extract<SimEvent, {type: 'hotspotEpisodeStarted' | 'hotspotEpisodeCured' | 'hotspotEpisodeCameBack'}>;

const isEpisodeEvent = (event: SimEvent): event is EpisodeEvent => event.type.startsWith('hotspotEpisode');

/** Episode events as `type@interval resource` (the interval that closed), with their figures; other events are left out. */
function brief(events: readonly SimEvent[]): string[] {
	return events.filter(event => isEpisodeEvent(event)).map(event => {
		const at = `@${Math.floor(event.tick / 5)} ${event.resource}`;
		if (event.type === 'hotspotEpisodeCured') {
			return `cured${at} ${event.cureSeconds} s, ${event.detections} detections`;
		}

		return event.type === 'hotspotEpisodeCameBack' ? `cameBack${at} after ${event.afterSeconds} s` : `started${at}`;
	});
}

test('a flicker inside an episode (k-of-n false, then true again before the hold) is one episode with two detections', t => {
	const current = world();
	// Detected at interval 2 (3 of 5), false at 5, true again at 8: a second detection, not a second episode.
	const events = feed(current, 'HHH ccc HHH ccccc');
	t.deepEqual(brief(events), [
		'started@2 cpu',
		// First detection known at boundary 15 (end of interval 2); the cool stretch that held starts at interval 9 (boundary 45).
		'cured@13 cpu 30 s, 2 detections',
	]);
	t.deepEqual(episodeSummary(current.counters), {
		count: 1, cured: 1, open: 0, cureSecondsMean: 30, cureSecondsMax: 30, cameBackShare: 0,
	});
});

test('the hold is respected: a cool stretch shorter than it does not cure, and the cure time runs to the stretch that held', t => {
	const current = world();
	const events = feed(current, 'HHH cccc H ccccc');
	t.deepEqual(brief(events), ['started@2 cpu', 'cured@12 cpu 25 s, 1 detections']);

	const short = world({episodeHoldIntervals: 2});
	// Cool from the interval right after the detection: cured with a cure time of 0 s (interval granularity).
	t.deepEqual(brief(feed(short, 'HHH cc')), ['started@2 cpu', 'cured@4 cpu 0 s, 1 detections']);
});

test('a hold shorter than n - k + 1: the condition still true after a cure detects again on the next over interval', t => {
	const current = world({episodeHoldIntervals: 1});
	t.deepEqual(brief(feed(current, 'HHHH c H')), ['started@2 cpu', 'cured@4 cpu 5 s, 1 detections', 'started@5 cpu', 'cameBack@5 cpu after 10 s']);
});

test('a cured episode detected again within cameBackSeconds of its cure came back; later, it did not', t => {
	const soon = world();
	// Cured at boundary 15 (interval 3 starts the stretch); detected again at the end of interval 10 (boundary 55): 40 s.
	t.deepEqual(brief(feed(soon, 'HHH ccccc HHH')), [
		'started@2 cpu', 'cured@7 cpu 0 s, 1 detections', 'started@10 cpu', 'cameBack@10 cpu after 40 s',
	]);
	t.is(episodeSummary(soon.counters).cameBackShare, 1);

	const late = world();
	// 24 cool intervals: detected again at the end of interval 29 (boundary 150), 135 s after the cure.
	t.deepEqual(brief(feed(late, `HHH ${'c'.repeat(24)} HHH`)), ['started@2 cpu', 'cured@7 cpu 0 s, 1 detections', 'started@29 cpu']);
	t.is(episodeSummary(late.counters).cameBackShare, 0);

	const edge = world({cameBackSeconds: 40});
	t.is(brief(feed(edge, 'HHH ccccc HHH')).at(-1), 'cameBack@10 cpu after 40 s', 'within is inclusive');
});

test('an episode still open at the end of a run is counted open, not cured', t => {
	const current = world();
	t.deepEqual(brief(feed(current, 'HHH cc HHHH ccc')), ['started@2 cpu']);
	t.deepEqual(episodeSummary(current.counters), {
		count: 1, cured: 0, open: 1, cureSecondsMean: null, cureSecondsMax: null, cameBackShare: null,
	});
	t.deepEqual(JSON.parse(JSON.stringify(current)), current, 'the tracker\'s state is plain JSON'); // eslint-disable-line unicorn/prefer-structured-clone -- the JSON round trip is the point
});

test('a host that goes down cools: its open episode is cured after the hold, even once the host is skipped as all cool', t => {
	// A hold longer than n: the last cool intervals come after the metric skips the host (n intervals all cool).
	const current = world({episodeHoldIntervals: 8});
	t.deepEqual(brief(feed(current, 'HHH xxxxxxxx')), ['started@2 cpu', 'cured@10 cpu 0 s, 1 detections']);
});

test('each resource has its own episodes, swap standing for memory pressure', t => {
	const current = world();
	const host = current.hosts[0]!;
	const events: SimEvent[] = [];
	for (let interval = 0; interval < 4; interval++) {
		current.tick = (interval * 5) + 4;
		pushToSeries(host.history.intervals.network, 0.9, 60);
		pushToSeries(host.history.intervals.swapMBps, interval === 3 ? 0 : 5, 60);
		accountOverload(current, true, event => {
			events.push(event);
		});
	}

	t.deepEqual(brief(events), ['started@2 network', 'started@2 swap']);
	t.is(current.counters.episodesStarted, 2);
	t.is(current.counters.pagingHostIntervals, 3, 'paging counts host-intervals with swap traffic');
});
