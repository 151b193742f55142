/**
The plain-data state of the hotspot-episode tracker (./episodes.ts), kept on each host: JSON-safe like
the rest of the world. Times are tick boundaries: boundary b is the instant tick b starts (tick b - 1 ends).
*/
import type {Series} from './series.js';

/** What the sustained-overload metric watches: the four resources, and memory pressure seen as swap (the black-box signal). */
export type MetricResource = 'cpu' | 'network' | 'disk' | 'swap' | 'memory';

/** The order of a host's tracks. */
export const metricResources: readonly MetricResource[] = ['cpu', 'network', 'disk', 'swap', 'memory'];

/** One host and metric resource: its k-of-n window and the episode it is in, if any. */
export type EpisodeTrack = {
	/** The last n intervals, 1 over the metric's threshold and 0 not (a ring: the one leaving is read before a push). */
	window: Series;
	/** Intervals over the threshold in the window. */
	overIntervals: number;
	/** Whether k of the last n were over at the last interval close. */
	sustained: boolean;
	/** Boundary at which the open episode's first detection was known (its interval's end), or null when none is open. */
	openedAt: number | null;
	/** Detections in the open episode, the first included. */
	detections: number;
	/** Cool intervals in a row in the open episode, and the boundary where that stretch began. */
	coolIntervals: number;
	coolFrom: number;
	/** Boundary where the last cured episode's cool stretch began (its cure), or null: what "came back" is measured from. */
	curedAt: number | null;
};

/** A host's tracks, with sums that let a quiet host be skipped at a glance (most hosts, most intervals). */
export type HostEpisodes = {
	/** Episodes open, over the tracks. */
	open: number;
	/** Intervals over a threshold in the tracks' windows, summed. */
	overIntervals: number;
	/** One per metric resource, in `metricResources` order. */
	tracks: EpisodeTrack[];
};
