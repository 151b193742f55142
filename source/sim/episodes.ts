/**
Hotspot episodes (docs/metrics.md), the yardstick's view of a hotspot, whatever the policy does: per host
and metric resource, a detection is the metric's k-of-n condition becoming true; an episode runs from its
first detection until the resource stays cool (interval mean not over the threshold) for
`episodeHoldIntervals` in a row, and re-detections inside it belong to it. Its cure time runs from the
first detection to the start of the cool stretch that held. Work happens only at interval closes.
*/
import {metricResources, type EpisodeTrack, type HostEpisodes} from './episode-state.js';
import {emptySeries, latest, pushToSeries} from './series.js';
import type {
	Counters, Host, SimEvent, World,
} from './types.js';

export function emptyEpisodes(): HostEpisodes {
	return {
		open: 0,
		overIntervals: 0,
		tracks: metricResources.map(() => ({
			window: emptySeries(), overIntervals: 0, sustained: false, openedAt: null, detections: 0, coolIntervals: 0, coolFrom: 0, curedAt: null,
		})),
	};
}

/**
Feeds the interval that closes in `world.tick` to the host's tracks, and says whether it was over any
threshold of the metric. A host that is not up is over none, so it cools like any other.
*/
export function trackEpisodes(world: World, host: Host, up: boolean, emit: (event: SimEvent) => void): boolean {
	const {n, thresholds} = world.config.metrics;
	const {intervals} = host.history;
	// All five are read for every host that is up, not only until the first over: the first host over a
	// threshold then meets no code the optimising compiler has never seen run.
	const cpu = up && latest(intervals.cpu) > thresholds.cpu;
	const network = up && latest(intervals.network) > thresholds.network;
	const disk = up && latest(intervals.disk) > thresholds.disk;
	const swap = up && latest(intervals.swapMBps) > thresholds.swapMBps;
	const memory = up && latest(intervals.memory) > thresholds.memory;
	const over = cpu || network || disk || swap || memory;
	const {episodes} = host;
	// A cool interval on a host with nothing over in its windows and no episode open changes nothing that
	// is read (a window of zeros counts the same however long): most hosts, most intervals.
	if (!over && episodes.overIntervals === 0 && episodes.open === 0) {
		return false;
	}

	const {tracks} = episodes;
	// In `metricResources` order.
	episodes.overIntervals = pushOver(tracks[0]!, cpu, n) + pushOver(tracks[1]!, network, n) + pushOver(tracks[2]!, disk, n)
		+ pushOver(tracks[3]!, swap, n) + pushOver(tracks[4]!, memory, n);
	for (let index = 0; index < tracks.length; index++) {
		closeInterval(world, host, index, emit);
	}

	return over;
}

/** Adds an interval to the k-of-n window, reading the one that leaves it before the ring overwrites it; returns the window's count. */
function pushOver(track: EpisodeTrack, over: boolean, n: number): number {
	const {window} = track;
	const leaving = window.values.length >= n ? window.values[window.start]! : 0;
	pushToSeries(window, over ? 1 : 0, n);
	track.overIntervals += (over ? 1 : 0) - leaving;
	return track.overIntervals;
}

/** Boundaries where the interval closing in `world.tick` ends and starts. */
function intervalEnd(world: World): number {
	return world.tick + 1;
}

function intervalStart(world: World): number {
	return intervalEnd(world) - world.config.monitoring.intervalTicks;
}

/** The k-of-n condition and the episode of the host's `index`th track, once the closing interval is in its window. */
function closeInterval(world: World, host: Host, index: number, emit: (event: SimEvent) => void): void {
	const {metrics} = world.config;
	const track = host.episodes.tracks[index]!;
	const over = latest(track.window) === 1;
	const wasSustained = track.sustained;
	track.sustained = track.overIntervals >= metrics.k;
	if (!over && track.openedAt === null) {
		return;
	}

	// Becoming true needs this interval over (a cool one only lowers the count). With no episode open,
	// a condition still true from a cured one (a hold shorter than n - k + 1) detects again on an over interval.
	const detected = track.sustained && over && (!wasSustained || track.openedAt === null);
	if (detected) {
		track.coolIntervals = 0;
		if (track.openedAt === null) {
			open(world, host, index, emit);
		} else {
			track.detections++;
		}

		return;
	}

	if (track.openedAt === null) {
		return;
	}

	if (over) {
		track.coolIntervals = 0;
		return;
	}

	if (track.coolIntervals === 0) {
		track.coolFrom = intervalStart(world);
	}

	track.coolIntervals++;
	if (track.coolIntervals >= metrics.episodeHoldIntervals) {
		cure(world, host, index, emit);
	}
}

function open(world: World, host: Host, index: number, emit: (event: SimEvent) => void): void {
	const {counters, tick} = world;
	const track = host.episodes.tracks[index]!;
	const resource = metricResources[index]!;
	const hostId = host.id;
	const end = intervalEnd(world);
	counters.episodesStarted++;
	host.episodes.open++;
	track.openedAt = end;
	track.detections = 1;
	emit({
		tick, type: 'hotspotEpisodeStarted', hostId, resource,
	});
	if (track.curedAt !== null) {
		const afterSeconds = (end - track.curedAt) * world.config.tickSeconds;
		if (afterSeconds <= world.config.metrics.cameBackSeconds) {
			counters.episodesCameBack++;
			emit({
				tick, type: 'hotspotEpisodeCameBack', hostId, resource, afterSeconds,
			});
		}

		// A cured episode comes back once at most: later detections belong to this new episode.
		track.curedAt = null;
	}
}

function cure(world: World, host: Host, index: number, emit: (event: SimEvent) => void): void {
	const track = host.episodes.tracks[index]!;
	const cureSeconds = (track.coolFrom - (track.openedAt ?? track.coolFrom)) * world.config.tickSeconds;
	addCure(world.counters, cureSeconds);
	emit({
		tick: world.tick, type: 'hotspotEpisodeCured', hostId: host.id, resource: metricResources[index]!, cureSeconds, detections: track.detections,
	});
	host.episodes.open--;
	track.curedAt = track.coolFrom;
	track.openedAt = null;
	track.detections = 0;
	track.coolIntervals = 0;
}

function addCure(counters: Counters, cureSeconds: number): void {
	counters.episodesCured++;
	counters.episodeCureSecondsSum += cureSeconds;
	counters.episodeCureSecondsMax = Math.max(counters.episodeCureSecondsMax, cureSeconds);
}
