/**
Hotspot episodes as the alerts panel tells them: one line per episode (host and resource) that keeps
its whole story, from the detection through the moves made for it to the cure and a come-back, and
updates in place as events arrive. A pure fold over the events the dashboard keeps, so it is tested on
hand-made sequences.
*/
import {metricResources} from '../sim/episode-state.js';
import type {SimEvent, World} from '../sim/types.js';
import type {EpisodeModel, OpenEpisode} from './episode-model.js';
import {Stories} from './episode-stories.js';
import {modelOf} from './story-line.js';

/** Open episodes first (the newest first), then the others by when they ended (the newest first). */
function byRecency(a: EpisodeModel, b: EpisodeModel): number {
	if ((a.endTick === null) !== (b.endTick === null)) {
		return a.endTick === null ? -1 : 1;
	}

	return a.endTick === null ? b.startTick - a.startTick : b.endTick! - a.endTick;
}

export type Episodes = {
	/** Open episodes first, the newest first; then the cured ones, the latest cure first. */
	episodes: EpisodeModel[];
	/** Refusals told by no episode line (no episode open on their host), oldest first. */
	untold: SimEvent[];
};

/** The episodes told by `events` (oldest first), plus those `open` in the world that the events no longer start. */
export function episodeLines(events: readonly SimEvent[], tickSeconds: number, open: readonly OpenEpisode[] = []): Episodes {
	const stories = new Stories(tickSeconds);
	for (const event of events) {
		stories.add(event);
	}

	stories.reconcile(open);
	return {
		episodes: stories.lines.map(line => modelOf(line)).toSorted(byRecency),
		untold: events.filter(event => stories.untold.has(event)),
	};
}

/** The world's open episodes (a detection is known at its interval's end, the boundary after its tick). */
export function openEpisodes(world: World): OpenEpisode[] {
	const holdIntervals = world.config.metrics.episodeHoldIntervals;
	return world.hosts.flatMap(host => (host.episodes.open === 0
		? []
		: host.episodes.tracks.flatMap((track, index) => (track.openedAt === null
			? []
			: [{
				hostId: host.id, resource: metricResources[index]!, startTick: track.openedAt - 1, coolIntervals: track.coolIntervals, holdIntervals,
			}]))));
}
