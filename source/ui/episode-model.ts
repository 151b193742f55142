/** An episode as the alerts panel tells it: its state, its steps, and the world's open episodes. */
import type {MetricResource} from '../sim/episode-state.js';

/** A move made for an episode: under way from its plan (or start) until it lands or fails. */
export type MoveStatus = 'under way' | 'done' | 'failed';

/** What happened in an episode, oldest first. */
export type EpisodeStep
	= | {kind: 'move'; vmId: string; to: string; status: MoveStatus}
	/** A swap through the scratch host: `vmId` goes to `to`, `withVmIds` come to the episode's host. `waiting`: VMs not yet where the swap puts them. */
		| {kind: 'swap'; vmId: string; to: string; withVmIds: readonly string[]; waiting: readonly string[]; status: MoveStatus}
		| {kind: 'resize'; vmId: string; fromMiB: number; toMiB: number}
	/** An earlier cure of this story (before it came back). */
		| {kind: 'cured'; seconds: number}
		| {kind: 'back'; seconds: number};

/**
`hot`: open, nothing under way; `curing`: moves under way; `cooling`: nothing under way and the last
intervals cool, the yardstick counting them toward its hold (known from the world); `back`: came back,
nothing done since; `cured`: the yardstick's cure; `resolved`: a detection of the policy's own that the
yardstick never called an episode, resolved by the policy.
*/
export type EpisodeState = 'hot' | 'curing' | 'cooling' | 'back' | 'cured' | 'resolved';

export type EpisodeModel = {
	hostId: string;
	resource: MetricResource;
	/** Tick of the story's first detection. */
	startTick: number;
	/** Tick of the latest event in the story. */
	lastTick: number;
	/** Tick it was cured (or resolved), null while open. */
	endTick: number | null;
	state: EpisodeState;
	/** Moves and swaps under way. */
	underWay: number;
	/** Seconds to the cure (the yardstick's), or to the policy's resolution; null while open. */
	cureSeconds: number | null;
	/** The yardstick's detections in the last cured episode (a flicker inside it is not a new one). */
	detections: number;
	/** Seconds from the earlier cure to the come-back, null if it never came back. */
	cameBackSeconds: number | null;
	/** Cool intervals in a row so far, and how many cure it (the hold), while open; null when not known or not cooling. */
	cooling: {intervals: number; of: number} | null;
	steps: readonly EpisodeStep[];
	/** The policy's latest reason for not moving anything, while open. */
	blocked: string | null;
	/** Only the policy's detector has seen it (no yardstick episode yet). */
	policyOnly: boolean;
};

/**
An open episode as the world holds it (../sim/episode-state.ts): how far its hold has got, and a line
for one whose events have left the dashboard's memory.
*/
export type OpenEpisode = {hostId: string; resource: MetricResource; startTick: number; coolIntervals: number; holdIntervals: number};
