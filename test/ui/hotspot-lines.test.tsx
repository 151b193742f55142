import test from 'ava';
import {renderToString} from 'ink';
import stringWidth from 'string-width';
import {HotspotLines} from '../../source/ui/components/panels.js';
import {hotspotLines, type HotspotLineModel} from '../../source/ui/hotspot-lines.js';
import type {SimEvent} from '../../source/sim/types.js';
import {episodeLines} from '../../source/ui/episode-lines.js';
import type {EpisodeModel} from '../../source/ui/episode-model.js';
import {episodeHead, storyNote, storyParts} from '../../source/ui/episode-text.js';
import {packStory} from '../../source/ui/format.js';
import {describeEvent} from '../../source/ui/event-descriptions.js';

const story = (head: string, parts: string[], isOpen = true): HotspotLineModel => ({
	seconds: 64, severity: isOpen ? 'warn' : 'info', mark: isOpen ? '>' : ' ', head, story: parts, note: null, isOpen,
});

const long = story('h09 CPU curing: 1 move under way', ['moved vm20>h15', 'cured in 15 s', 'back after 60 s', 'moving vm21>h16']);

function lines(items: HotspotLineModel[], width: number, rows: number): string[] {
	return renderToString(<HotspotLines lines={items} width={width} rows={rows}/>, {columns: width + 1}).split('\n').map(line => line.trimEnd());
}

test('80 columns: an open episode whose story does not fit takes a second line, if no other open episode needs it', t => {
	t.deepEqual(lines([long, story('h07 CPU cured in 65 s', ['moved vm16>h16'], false)], 79, 2), [
		'> 00:01:04 h09 CPU curing: 1 move under way · moved vm20>h15, cured in 15 s',
		'    back after 60 s, moving vm21>h16',
	]);
	const other = story('h12 CPU HOT', []);
	t.deepEqual(lines([long, other], 79, 2), [
		'> 00:01:04 h09 CPU curing: 1 move under way · … moving vm21>h16',
		'> 00:01:04 h12 CPU HOT',
	], 'two open episodes: a line each, the oldest moves left out');
});

test('a narrow panel: a head line with the clock, the story under it, and a line for every open episode', t => {
	t.deepEqual(lines([long, story('h12 CPU HOT', [])], 36, 3), [
		'> h09 CPU curing: 1 move under way',
		'  … back after 60 s, moving vm21>h16',
		'> h12 CPU HOT               00:01:04',
	]);
	const shown = lines([long, story('h07 CPU cured in 65 s', ['moved vm16>h16'], false)], 36, 7);
	t.deepEqual(shown, [
		'> h09 CPU curing: 1 move under way',
		'  moved vm20>h15, cured in 15 s',
		'  back after 60 s, moving vm21>h16',
		'  h07 CPU cured in 65 s     00:01:04',
		'  moved vm16>h16',
		'',
		'',
	]);
	t.true(shown.every(line => stringWidth(line) <= 36));
});

test('nothing to tell', t => {
	t.deepEqual(lines([], 79, 2), ['no hotspots, no alerts', '']);
});

// The lines the panel above is given: each episode's story from the events (ui/episode-lines.ts, ui/hotspot-lines.ts).

/** Ticks of 1 s. */
const tickSeconds = 1;

const detected = (tick: number, hostId: string, resource: 'cpu' | 'network' | 'memory' = 'cpu'): SimEvent => ({
	tick, type: 'hotspotDetected', hostId, resource, samples: [], forecast: 0.9,
});
const started = (tick: number, hostId: string, resource: 'cpu' | 'network' | 'swap' = 'cpu'): SimEvent => ({
	tick, type: 'hotspotEpisodeStarted', hostId, resource,
});
const cured = (tick: number, hostId: string, cureSeconds: number, resource: 'cpu' | 'network' = 'cpu'): SimEvent => ({
	tick, type: 'hotspotEpisodeCured', hostId, resource, cureSeconds, detections: 1,
});
const planned = (tick: number, vmId: string, from: string, to: string): SimEvent => ({
	tick, type: 'migrationPlanned', vmId, from, to, vsr: 0.003, reason: `${from} hot`,
});
const begun = (tick: number, vmId: string, from: string, to: string): SimEvent => ({
	tick, type: 'migrationStarted', migrationId: `m-${vmId}-${tick}`, vmId, from, to, mode: 'precopy', requestedBy: 'sandpiper',
});
const landed = (tick: number, vmId: string, from: string, to: string): SimEvent => ({
	tick, type: 'migrationCompleted', migrationId: `m-${vmId}`, vmId, from, to, mode: 'precopy', durationSeconds: 12, downtimeSeconds: 0.5, movedMiB: 970,
});

/** The story of h09's CPU in the default scenario (seed 1): the policy's events come before the yardstick's in a tick. */
const h09: SimEvent[] = [
	detected(64, 'h09'),
	planned(64, 'vm20', 'h09', 'h15'),
	begun(64, 'vm20', 'h09', 'h15'),
	started(64, 'h09'),
	landed(77, 'vm20', 'h09', 'h15'),
	{
		tick: 79, type: 'hotspotResolved', hostId: 'h09', resource: 'cpu', durationSeconds: 15,
	},
	cured(104, 'h09', 15),
	detected(139, 'h09'),
	{
		tick: 139, type: 'planRejected', hostId: 'h09', reason: 'no host has 512 MiB free',
	},
	started(139, 'h09'),
	{
		tick: 139, type: 'hotspotEpisodeCameBack', hostId: 'h09', resource: 'cpu', afterSeconds: 60,
	},
	cured(164, 'h09', 0),
];

/** The episodes after the events up to and including `tick`. */
function upTo(events: readonly SimEvent[], tick: number): EpisodeModel[] {
	return episodeLines(events.filter(event => event.tick <= tick), tickSeconds).episodes;
}

function line(episode: EpisodeModel): string {
	const story = storyParts(episode);
	return `${episodeHead(episode)}${story.length > 0 ? ` · ${story.join(', ')}` : ''}`;
}

test('detected, a move, cured, came back, cured again: one line, updated in place', t => {
	const stages: Array<[number, string]> = [
		[64, 'h09 CPU curing: 1 move under way · moving vm20>h15'],
		[77, 'h09 CPU HOT · moved vm20>h15'],
		[79, 'h09 CPU HOT · moved vm20>h15'],
		[104, 'h09 CPU cured in 15 s · moved vm20>h15'],
		[139, 'h09 CPU came back after 60 s · moved vm20>h15, cured in 15 s'],
		[164, 'h09 CPU cured in 0 s · moved vm20>h15, cured in 15 s, back after 60 s'],
	];
	for (const [tick, expected] of stages) {
		const episodes = upTo(h09, tick);
		t.is(episodes.length, 1, `one line at tick ${tick}`);
		t.is(line(episodes[0]!), expected, `tick ${tick}`);
		t.is(episodes[0]!.startTick, 64, 'the story starts at the first detection');
	}

	t.is(storyNote(upTo(h09, 139)[0]!), 'no move: no host has 512 MiB free', 'while nothing is under way, why');
	t.is(storyNote(upTo(h09, 77)[0]!), null);
});

test('the world says how far an open episode\'s hold has got, and opens a line whose start has left the memory', t => {
	const open = [{
		hostId: 'h09', resource: 'cpu', startTick: 64, coolIntervals: 2, holdIntervals: 5,
	}, {
		hostId: 'h02', resource: 'network', startTick: 3, coolIntervals: 0, holdIntervals: 5,
	}] as const;
	const {episodes} = episodeLines(h09.filter(event => event.tick <= 90), tickSeconds, open);
	t.deepEqual(episodes.map(episode => episodeHead(episode)), ['h09 CPU cooling 2/5', 'h02 NET HOT']);
	// The move's under way: curing wins over cooling.
	t.is(episodeHead(episodeLines(h09.filter(event => event.tick <= 64), tickSeconds, open).episodes[0]!), 'h09 CPU curing: 1 move under way');
});

test('two hosts\' episodes interleaved stay apart; open ones first, the newest first, then cured ones', t => {
	const events: SimEvent[] = [
		detected(10, 'h03'),
		planned(10, 'vm05', 'h03', 'h12'),
		begun(10, 'vm05', 'h03', 'h12'),
		started(10, 'h03'),
		started(15, 'h07', 'network'),
		detected(20, 'h07', 'network'),
		planned(20, 'vm11', 'h07', 'h02'),
		begun(20, 'vm11', 'h07', 'h02'),
		landed(22, 'vm05', 'h03', 'h12'),
		planned(25, 'vm06', 'h03', 'h14'),
		begun(25, 'vm06', 'h03', 'h14'),
		landed(30, 'vm11', 'h07', 'h02'),
		cured(55, 'h07', 15, 'network'),
		started(60, 'h01'),
	];
	const episodes = upTo(events, 60);
	t.deepEqual(episodes.map(episode => line(episode)), [
		'h01 CPU HOT',
		'h03 CPU curing: 1 move under way · moved vm05>h12, moving vm06>h14',
		'h07 NET cured in 15 s · moved vm11>h02',
	]);
	t.is(episodes[1]!.underWay, 1);
	// A move on a host without an episode belongs to none.
	const other = upTo([...events, begun(61, 'vm30', 'h16', 'h04')], 61);
	t.false(other.some(episode => line(episode).includes('vm30')));
});

test('a swap through the scratch host is under way until every VM is where it goes', t => {
	const events: SimEvent[] = [
		detected(5, 'h05'),
		{
			tick: 5, type: 'swapPlanned', vmId: 'vm10', from: 'h05', to: 'h06', swappedVmIds: ['vm12'], via: 'scratch',
		},
		begun(5, 'vm10', 'h05', 'scratch'),
		started(5, 'h05'),
		landed(9, 'vm10', 'h05', 'scratch'),
		begun(10, 'vm12', 'h06', 'h05'),
		landed(14, 'vm12', 'h06', 'h05'),
		begun(15, 'vm10', 'scratch', 'h06'),
		landed(19, 'vm10', 'scratch', 'h06'),
	];
	t.is(line(upTo(events, 14)[0]!), 'h05 CPU curing: 1 move under way · swapping vm10<>vm12');
	t.is(line(upTo(events, 19)[0]!), 'h05 CPU HOT · swapped vm10<>vm12');
});

test('a failed move, a resize, and the policy\'s memory hotspot adopted by the yardstick\'s swap episode', t => {
	const events: SimEvent[] = [
		detected(5, 'h04', 'memory'),
		planned(5, 'vm08', 'h04', 'h09'),
		begun(5, 'vm08', 'h04', 'h09'),
		started(5, 'h04', 'swap'),
		{
			tick: 8, type: 'migrationFailed', migrationId: 'm1', vmId: 'vm08', from: 'h04', to: 'h09', reason: 'h09 failed',
		},
		{
			tick: 10, type: 'vmResized', vmId: 'vm07', hostId: 'h04', fromMiB: 1024, toMiB: 768, requestedBy: 'sandpiper',
		},
	];
	const episodes = upTo(events, 10);
	t.is(episodes.length, 1);
	t.is(line(episodes[0]!), 'h04 SWAP HOT · vm08>h09 failed, vm07 1024>768 MiB');
});

test('a detection of the policy\'s own that the yardstick never called an episode ends when the policy resolves it', t => {
	const events: SimEvent[] = [
		detected(5, 'h11'),
		{
			tick: 15, type: 'hotspotResolved', hostId: 'h11', resource: 'cpu', durationSeconds: 10,
		},
	];
	t.is(line(upTo(events, 10)[0]!), 'h11 CPU HOT');
	t.is(line(upTo(events, 15)[0]!), 'h11 CPU resolved in 10 s');
});

test('the alerts panel: episodes with their marks, and the alerts no episode tells, the latest first', t => {
	const events: SimEvent[] = [
		...h09.filter(event => event.tick <= 104),
		{
			tick: 110, type: 'planRejected', hostId: 'h02', reason: 'h02 is cooling down after a migration until 140 s',
		},
		{
			tick: 120, type: 'hostFailed', hostId: 'h13', stoppedVmIds: ['vm30'],
		},
		started(130, 'h05'),
	];
	const lines = hotspotLines(events, tickSeconds);
	t.deepEqual(lines.map(entry => [entry.mark, entry.seconds, entry.head, entry.story.join(', ')]), [
		['!', 130, 'h05 CPU HOT', ''],
		['!', 120, 'h13 FAILED, 1 VMs stopped', ''],
		['~', 110, 'h02: h02 is cooling down after a migration until 140 s', ''],
		[' ', 64, 'h09 CPU cured in 15 s', 'moved vm20>h15'],
	]);
	t.deepEqual(lines.map(entry => entry.isOpen), [true, false, false, false]);
});

test('the event log tells the yardstick\'s episode events in a line each', t => {
	t.is(describeEvent(started(64, 'h09'))?.text, 'h09 CPU hotspot episode begins');
	t.is(describeEvent(cured(104, 'h09', 15))?.text, 'h09 CPU hotspot episode cured in 15 s (1 detection)');
	t.is(describeEvent({
		tick: 139, type: 'hotspotEpisodeCameBack', hostId: 'h09', resource: 'swap', afterSeconds: 60,
	})?.text, 'h09 swap (paging) hotspot came back 60 s after its cure');
});

test('packStory: whole parts, the note only when everything fits, the oldest parts dropped first', t => {
	const parts = ['moved vm20>h15', 'cured in 15 s', 'back after 60 s'];
	t.deepEqual(packStory(parts, null, 80), ['moved vm20>h15, cured in 15 s, back after 60 s']);
	t.deepEqual(packStory(parts, null, 35), ['… cured in 15 s, back after 60 s']);
	t.deepEqual(packStory(parts, null, 32, {lines: 2}), ['moved vm20>h15, cured in 15 s', 'back after 60 s']);
	t.deepEqual(packStory(parts, 'no move: no host has 512 MiB free', 64), ['moved vm20>h15, cured in 15 s, back after 60 s, no move: no hos…']);
	t.deepEqual(packStory(parts, 'no move: no host has 512 MiB free', 50), ['moved vm20>h15, cured in 15 s, back after 60 s'], 'no room for the note');
	t.deepEqual(packStory([], 'no move: no host has 512 MiB free', 20), ['no move: no host ha…']);
	t.deepEqual(packStory([], null, 20), []);
});
