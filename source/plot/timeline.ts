/**
The timeline of one run, as the Sandpiper paper draws its hotspots (WSVY07 figures 6 to 9): per host,
CPU, memory and network against the detector's thresholds, the yardstick's sustained-overload stretches,
each hotspot episode from detection to cure, and the migrations between hosts with mode and downtime.
*/
import {safeText} from '../terminal/safe-text.js';
import type {Resource, TimelineFigure} from './figure.js';
import type {RunInput} from './input-schema.js';
import {PlotInputError} from './plot-input-error.js';
import {eventText, eventNumber} from './event-fields.js';
import {maxOf} from './extent.js';

/** Hosts drawn when none are named: the ones that were hot, at most this many (the hottest). */
export const defaultHostLimit = 8;
/**
Samples per series at most, about one per 3.5 pixels of the default width: longer series are bucketed
to this many, each bucket drawn as its maximum (peaks are the point). Vega's cost is per point drawn,
and this keeps an hour of the default scenario within the half second a plot may take.
*/
const maxSamples = 240;
const resources: readonly Resource[] = ['cpu', 'memory', 'network'];

type HostSeries = RunInput['series']['hosts'][number];

export function timelineFigure(run: RunInput, chosen: readonly string[] | undefined): TimelineFigure {
	const {series, tickSeconds} = run;
	const runSeconds = run.ticks * tickSeconds;
	const timeUnit = runSeconds <= 7200 ? 'min' : 'h';
	const perUnit = timeUnit === 'min' ? 60 : 3600;
	const time = (tick: number) => tick * tickSeconds / perUnit;
	const byId = new Map(series.hosts.map(host => [host.id, host]));
	const episodes = episodeSpans(run.events);
	const {hosts, note} = chosen === undefined ? defaultHosts(series.hosts, episodes) : namedHosts(chosen, byId);
	const drawn = new Set(hosts.map(host => host.id));
	const {intervalTicks} = series;
	return {
		kind: 'timeline',
		title: `${safeText(run.scenario)}: ${safeText(run.policy)}, seed ${run.seed}`,
		subtitle: [
			`${note}; shaded: ${series.k} of ${series.n} monitoring intervals over a threshold`,
			'red bars: hotspot episodes, detection to cure; arrows: migrations, labelled VM and downtime',
		],
		timeUnit,
		endTime: time(run.ticks),
		hosts: hosts.map(host => safeText(host.id)),
		thresholds: resources.filter(resource => series.thresholds[resource] < 1).map(resource => ({resource, value: series.thresholds[resource]})),
		samples: hosts.flatMap(host => resources.flatMap(resource => bucketed(host[resource]).map(({index, value}) => ({
			host: safeText(host.id), resource, time: time((index + 1) * intervalTicks), value,
		})))),
		hot: hosts.flatMap(host => host.hot.map(([from, to]) => ({host: safeText(host.id), from: time(from), to: time(to)}))),
		episodes: episodes.filter(episode => drawn.has(episode.host)).map(episode => ({
			host: safeText(episode.host), resource: safeText(episode.resource), from: time(episode.from), to: time(episode.to ?? run.ticks), cured: episode.to !== null,
		})),
		migrations: migrations(run.events).filter(move => drawn.has(move.from) || drawn.has(move.to)).map(move => ({
			vm: safeText(move.vm),
			from: safeText(move.from),
			to: safeText(move.to),
			mode: safeText(move.mode),
			start: time(move.start),
			end: move.end === null ? null : time(move.end),
			downtimeSeconds: move.downtimeSeconds,
		})),
	};

	function episodeSpans(events: RunInput['events']) {
		const open = new Map<string, number>();
		const spans: Array<{host: string; resource: string; from: number; to: number | null}> = [];
		for (const event of events) {
			const host = eventText(event, 'hostId');
			const resource = eventText(event, 'resource');
			const key = `${host}\u0000${resource}`;
			if (event.type === 'hotspotEpisodeStarted') {
				open.set(key, event.tick);
			} else if (event.type === 'hotspotEpisodeCured' && open.has(key)) {
				const from = open.get(key)!;
				open.delete(key);
				spans.push({
					host, resource, from, to: Math.min(run.ticks, from + (eventNumber(event, 'cureSeconds') / tickSeconds)),
				});
			}
		}

		for (const [key, from] of open) {
			const [host = '', resource = ''] = key.split('\u0000');
			spans.push({
				host, resource, from, to: null,
			});
		}

		return spans.toSorted((a, b) => a.from - b.from);
	}
}

/** The hosts that were hot, the hottest first when there are more than the limit, drawn in the run's order. */
function defaultHosts(hosts: readonly HostSeries[], episodes: ReadonlyArray<{host: string; from: number; to: number | null}>): {hosts: HostSeries[]; note: string} {
	const withEpisodes = new Set(episodes.map(episode => episode.host));
	const hotTicks = (host: HostSeries) => host.hot.reduce((sum, [from, to]) => sum + to - from, 0) + (withEpisodes.has(host.id) ? 1 : 0);
	const hot = hosts.filter(host => hotTicks(host) > 0);
	if (hot.length === 0) {
		const busiest = hosts.toSorted((a, b) => mean(b.cpu) - mean(a.cpu)).slice(0, 4);
		return {hosts: hosts.filter(host => busiest.includes(host)), note: `no host was hot: the ${busiest.length} busiest`};
	}

	const kept = new Set(hot.toSorted((a, b) => hotTicks(b) - hotTicks(a)).slice(0, defaultHostLimit));
	const note = kept.size < hot.length ? `the ${kept.size} hottest of ${hot.length} hosts that were hot (--hosts to choose)` : 'the hosts that were hot';
	return {hosts: hosts.filter(host => kept.has(host)), note};
}

function namedHosts(chosen: readonly string[], byId: ReadonlyMap<string, HostSeries>): {hosts: HostSeries[]; note: string} {
	const hosts = chosen.map(id => {
		const host = byId.get(id);
		if (!host) {
			const known = [...byId.keys()];
			const listed = known.slice(0, 6).map(name => safeText(name)).join(', ') + (known.length > 6 ? `, … (${known.length})` : '');
			throw new PlotInputError(`--hosts: the run has no host ${safeText(id)}; its hosts are ${listed}`);
		}

		return host;
	});
	return {hosts, note: 'the hosts asked for'};
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** The series, or its buckets' maxima at the bucket's last index when it is longer than `maxSamples`. */
function bucketed(values: readonly number[]): Array<{index: number; value: number}> {
	const size = Math.ceil(values.length / maxSamples);
	const points: Array<{index: number; value: number}> = [];
	for (let start = 0; start < values.length; start += size) {
		const bucket = values.slice(start, start + size);
		points.push({index: start + bucket.length - 1, value: maxOf(bucket)});
	}

	return points;
}

type Move = {vm: string; from: string; to: string; mode: string; start: number; end: number | null; downtimeSeconds: number | null};

/** Each migration from its start to its completion (with its downtime), abort or failure; null: still running at the end. */
function migrations(events: RunInput['events']): Move[] {
	const moves = new Map<string, Move>();
	for (const event of events) {
		const id = eventText(event, 'migrationId');
		if (event.type === 'migrationStarted') {
			moves.set(id, {
				vm: eventText(event, 'vmId'), from: eventText(event, 'from'), to: eventText(event, 'to'), mode: eventText(event, 'mode'), start: event.tick, end: null, downtimeSeconds: null,
			});
		} else if (event.type === 'migrationCompleted' || event.type === 'migrationAborted' || event.type === 'migrationFailed') {
			const move = moves.get(id);
			if (move) {
				move.end = event.tick;
				move.downtimeSeconds = event.type === 'migrationCompleted' ? eventNumber(event, 'downtimeSeconds') : null;
			}
		}
	}

	return [...moves.values()];
}
