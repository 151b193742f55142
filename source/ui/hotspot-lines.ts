/** The alerts panel's lines: the hotspot episodes' stories, then the alerts no episode tells. */
import type {SimEvent} from '../sim/types.js';
import type {EpisodeModel, OpenEpisode} from './episode-model.js';
import {episodeLines} from './episode-lines.js';
import {episodeHead, storyNote, storyParts} from './episode-text.js';
import {describeEvent, isAlert, type AlertModel} from './event-descriptions.js';

/** A line of the alerts panel: an episode's story, or an alert no episode tells (a failure, a loss, a refusal elsewhere). */
export type HotspotLineModel = {
	/** When the story began, or when the alert happened. */
	seconds: number;
	severity: AlertModel['severity'];
	/** `!` hot, `>` curing, `~` cooling or a warning, ` ` cured or information. */
	mark: '!' | '>' | '~' | ' ';
	/** `h09 CPU curing: 1 move under way`, or the alert's text. */
	head: string;
	/** What happened, oldest first (`moved vm20>h15`, `cured in 15 s`, `back after 60 s`); none for an alert. */
	story: readonly string[];
	/** Said after the story when there is room (the policy's reason for not moving anything); null for none. */
	note: string | null;
	/** An episode still open. */
	isOpen: boolean;
};

const episodeSeverity: Record<EpisodeModel['state'], HotspotLineModel['severity']> = {
	hot: 'hot', back: 'hot', curing: 'warn', cooling: 'warn', cured: 'info', resolved: 'info',
};

const episodeMark: Record<EpisodeModel['state'], HotspotLineModel['mark']> = {
	hot: '!', back: '!', curing: '>', cooling: '~', cured: ' ', resolved: ' ',
};

const alertMark: Record<AlertModel['severity'], HotspotLineModel['mark']> = {hot: '!', warn: '~', info: ' '};

/** What the episode lines tell already: the policy's detections and resolutions, and refusals on a host with an episode open. */
const toldByEpisodes = new Set<SimEvent['type']>(['hotspotDetected', 'hotspotResolved', 'planRejected']);

/**
The alerts panel: one line per hotspot episode, updated in place (open ones first, the newest first),
then cured episodes and the other alerts, the latest first.
*/
export function hotspotLines(events: readonly SimEvent[], tickSeconds: number, open: readonly OpenEpisode[] = []): HotspotLineModel[] {
	const {episodes, untold} = episodeLines(events, tickSeconds, open);
	const stories = episodes.map(episode => ({
		tick: episode.endTick ?? episode.startTick,
		line: {
			seconds: episode.startTick * tickSeconds,
			severity: episodeSeverity[episode.state],
			mark: episodeMark[episode.state],
			head: episodeHead(episode),
			story: storyParts(episode),
			note: storyNote(episode),
			isOpen: episode.endTick === null,
		} satisfies HotspotLineModel,
	}));
	const others = [...events.filter(event => isAlert(event) && !toldByEpisodes.has(event.type)), ...untold].flatMap(event => {
		const described = describeEvent(event);
		return described
			? [{
				tick: event.tick,
				line: {
					seconds: event.tick * tickSeconds, severity: described.severity, mark: alertMark[described.severity], head: described.text, story: [], note: null, isOpen: false,
				} satisfies HotspotLineModel,
			}]
			: [];
	});
	const openStories = stories.filter(story => story.line.isOpen);
	const rest = [...stories.filter(story => !story.line.isOpen), ...others].toSorted((a, b) => b.tick - a.tick);
	return [...openStories, ...rest].map(story => story.line);
}
