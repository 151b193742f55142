/**
Hotspot episodes as the alerts panel tells them: one line per episode (host and resource) that keeps
its whole story, from the detection through the moves made for it to the cure and a come-back, and
updates in place as events arrive. A pure fold over the events the dashboard keeps, so it is tested on
hand-made sequences.

Whose episode: the yardstick's (`hotspotEpisodeStarted` / `Cured` / `CameBack`, ../sim/episodes.ts),
whatever the policy. The policy's own detection comes earlier in the same tick (or without one, when its
detector disagrees): it opens a line the yardstick's episode then adopts, so the moves planned with the
detection belong to the episode. A come-back reopens the cured episode's line: one story, not two.
*/
import {metricResources, type MetricResource} from '../sim/episode-state.js';
import type {Resource, SimEvent, World} from '../sim/types.js';

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

type EventOf<T extends SimEvent['type']> = Extract<SimEvent, {type: T}>;

type Line = {
	hostId: string;
	resource: MetricResource;
	startTick: number;
	lastTick: number;
	endTick: number | null;
	cureSeconds: number | null;
	detections: number;
	cameBackSeconds: number | null;
	cooling: {intervals: number; of: number} | null;
	steps: EpisodeStep[];
	blocked: string | null;
	policyOnly: boolean;
};

/** The policy names memory pressure `memory`; the yardstick watches it as `swap` (paging) and as `memory` (allocation). */
function sameResource(policy: Resource | MetricResource, yardstick: MetricResource): boolean {
	return policy === yardstick || (policy === 'memory' && yardstick === 'swap') || (policy === 'swap' && yardstick === 'memory');
}

function isUnderWay(step: EpisodeStep): step is Extract<EpisodeStep, {kind: 'move' | 'swap'}> {
	return (step.kind === 'move' || step.kind === 'swap') && step.status === 'under way';
}

/** The move or swap under way that `vmId` takes part in. */
function stepOf(line: Line, vmId: string): Extract<EpisodeStep, {kind: 'move' | 'swap'}> | undefined {
	return line.steps.find((step): step is Extract<EpisodeStep, {kind: 'move' | 'swap'}> => isUnderWay(step)
		&& (step.kind === 'move' ? step.vmId === vmId : step.vmId === vmId || step.withVmIds.includes(vmId)));
}

function stateOf(line: Line): EpisodeState {
	if (line.endTick !== null) {
		return line.policyOnly ? 'resolved' : 'cured';
	}

	if (line.steps.some(step => isUnderWay(step))) {
		return 'curing';
	}

	if (line.cooling !== null && line.cooling.intervals > 0) {
		return 'cooling';
	}

	return line.steps.at(-1)?.kind === 'back' ? 'back' : 'hot';
}

function modelOf(line: Line): EpisodeModel {
	return {
		...line,
		steps: line.steps.map(step => ({...step})),
		state: stateOf(line),
		underWay: line.steps.filter(step => isUnderWay(step)).length,
		blocked: line.endTick === null ? line.blocked : null,
	};
}

/** Folds events into episode lines. */
class Stories {
	readonly lines: Line[] = [];
	/** Alert-worthy events told by no line (a refusal on a host with no open episode). */
	readonly untold = new Set<SimEvent>();

	/** What each event type does to the lines; types not here tell nothing of an episode. */
	private readonly handlers: {[T in SimEvent['type']]?: (event: EventOf<T>) => void} = {
		hotspotEpisodeStarted: event => {
			this.started(event);
		},
		hotspotEpisodeCameBack: event => {
			this.cameBack(event);
		},
		hotspotEpisodeCured: event => {
			this.cured(event);
		},
		hotspotDetected: event => {
			const line = this.open(event.hostId).find(candidate => sameResource(event.resource, candidate.resource));
			if (line) {
				line.lastTick = event.tick;
			} else {
				this.lines.push(this.line(event.hostId, event.resource, event.tick, true));
			}
		},
		hotspotResolved: event => {
			// The yardstick's episode runs on until its hold; only a line of the policy's own ends here.
			for (const line of this.open(event.hostId).filter(candidate => candidate.policyOnly && sameResource(event.resource, candidate.resource))) {
				line.lastTick = event.tick;
				line.endTick = event.tick;
				line.cureSeconds = event.durationSeconds;
			}
		},
		migrationPlanned: event => {
			this.moved(event);
		},
		migrationStarted: event => {
			this.moved(event);
		},
		swapPlanned: event => {
			for (const line of this.open(event.from)) {
				line.steps.push({
					kind: 'swap', vmId: event.vmId, to: event.to, withVmIds: [...event.swappedVmIds], waiting: [event.vmId, ...event.swappedVmIds], status: 'under way',
				});
				line.lastTick = event.tick;
			}
		},
		migrationCompleted: event => {
			this.landed(event);
		},
		migrationAborted: event => {
			this.failed(event);
		},
		migrationFailed: event => {
			this.failed(event);
		},
		migrationRefused: event => {
			this.failed(event);
		},
		vmResized: event => {
			for (const line of this.open(event.hostId)) {
				line.steps.push({
					kind: 'resize', vmId: event.vmId, fromMiB: event.fromMiB, toMiB: event.toMiB,
				});
				line.lastTick = event.tick;
			}
		},
		planRejected: event => {
			const lines = this.open(event.hostId);
			for (const line of lines) {
				line.blocked = event.reason;
				line.lastTick = event.tick;
			}

			if (lines.length === 0) {
				this.untold.add(event);
			}
		},
	};

	private readonly tickSeconds: number;

	constructor(tickSeconds: number) {
		this.tickSeconds = tickSeconds;
	}

	add(event: SimEvent): void {
		// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the handler under a type takes that type's events
		(this.handlers[event.type] as ((event: SimEvent) => void) | undefined)?.(event);
	}

	/** The world's open episodes: how far their holds have got, and lines for those no event in memory started. */
	reconcile(open: readonly OpenEpisode[]): void {
		for (const episode of open) {
			let line = this.open(episode.hostId).find(candidate => candidate.resource === episode.resource && !candidate.policyOnly);
			if (!line) {
				line = this.line(episode.hostId, episode.resource, episode.startTick, false);
				this.lines.push(line);
			}

			line.cooling = {intervals: episode.coolIntervals, of: episode.holdIntervals};
		}
	}

	private started({tick, hostId, resource}: EventOf<'hotspotEpisodeStarted'>): void {
		const adopted = this.open(hostId).find(line => line.policyOnly && sameResource(line.resource, resource));
		if (adopted) {
			adopted.policyOnly = false;
			adopted.resource = resource;
			adopted.lastTick = tick;
		} else if (!this.open(hostId).some(line => line.resource === resource)) {
			this.lines.push(this.line(hostId, resource, tick, false));
		}
	}

	/** Merges the episode that just started into the cured one it came back from: one story. */
	private cameBack({
		tick, hostId, resource, afterSeconds,
	}: EventOf<'hotspotEpisodeCameBack'>): void {
		const now = this.open(hostId).find(line => line.resource === resource && !line.policyOnly);
		const before = this.lines.findLast(line => line.hostId === hostId && line.resource === resource && line.endTick !== null && !line.policyOnly);
		if (!now) {
			return;
		}

		if (!before) {
			now.steps.unshift({kind: 'back', seconds: afterSeconds});
			now.cameBackSeconds = afterSeconds;
			return;
		}

		before.steps.push({kind: 'cured', seconds: before.cureSeconds ?? 0}, {kind: 'back', seconds: afterSeconds}, ...now.steps);
		before.endTick = null;
		before.cureSeconds = null;
		before.cameBackSeconds = afterSeconds;
		before.lastTick = tick;
		before.blocked = now.blocked;
		this.lines.splice(this.lines.indexOf(now), 1);
	}

	private cured({
		tick, hostId, resource, cureSeconds, detections,
	}: EventOf<'hotspotEpisodeCured'>): void {
		let line = this.open(hostId).find(candidate => candidate.resource === resource && !candidate.policyOnly);
		if (!line) {
			// Its start has left the memory: the line begins at its cure.
			line = this.line(hostId, resource, tick - Math.round(cureSeconds / this.tickSeconds), false);
			this.lines.push(line);
		}

		line.endTick = tick;
		line.lastTick = tick;
		line.cureSeconds = cureSeconds;
		line.detections = detections;
		line.cooling = null;
	}

	/** A plan or a start: a move of a VM already in a story goes on in it; otherwise it joins the stories open on its source. */
	private moved(event: EventOf<'migrationPlanned' | 'migrationStarted'>): void {
		const owners = this.owners(event.vmId);
		for (const owner of owners) {
			const step = stepOf(owner, event.vmId)!;
			if (step.kind === 'move') {
				step.to = event.to;
			}

			owner.lastTick = event.tick;
		}

		if (owners.length > 0) {
			return;
		}

		for (const line of this.open(event.from)) {
			line.steps.push({
				kind: 'move', vmId: event.vmId, to: event.to, status: 'under way',
			});
			line.lastTick = event.tick;
		}
	}

	private landed(event: EventOf<'migrationCompleted'>): void {
		for (const line of this.owners(event.vmId)) {
			const step = stepOf(line, event.vmId)!;
			line.lastTick = event.tick;
			if (step.kind === 'move') {
				step.status = 'done';
				continue;
			}

			// A swap's VM is where it belongs once on the partner's host (the VM that left) or on the episode's host (those that came).
			const home = event.vmId === step.vmId ? step.to : line.hostId;
			if (event.to === home) {
				step.waiting = step.waiting.filter(vmId => vmId !== event.vmId);
				if (step.waiting.length === 0) {
					step.status = 'done';
				}
			}
		}
	}

	private failed(event: EventOf<'migrationAborted' | 'migrationFailed' | 'migrationRefused'>): void {
		for (const line of this.owners(event.vmId)) {
			stepOf(line, event.vmId)!.status = 'failed';
			line.lastTick = event.tick;
		}
	}

	private line(hostId: string, resource: MetricResource, tick: number, policyOnly: boolean): Line {
		return {
			hostId, resource, startTick: tick, lastTick: tick, endTick: null, cureSeconds: null, detections: 1, cameBackSeconds: null, cooling: null, steps: [], blocked: null, policyOnly,
		};
	}

	private open(hostId: string): Line[] {
		return this.lines.filter(line => line.hostId === hostId && line.endTick === null);
	}

	/** Lines with a move or swap under way that `vmId` takes part in (a line cured meanwhile still follows its moves). */
	private owners(vmId: string): Line[] {
		return this.lines.filter(line => stepOf(line, vmId) !== undefined);
	}
}

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

export const resourceLabels: Readonly<Record<MetricResource, string>> = {
	cpu: 'CPU', network: 'NET', disk: 'DSK', swap: 'SWAP', memory: 'MEM',
};

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `HOT`, `curing: 2 moves under way`, `cured in 15 s`, ... */
export function stateText(episode: EpisodeModel): string {
	switch (episode.state) {
		case 'hot': {
			return 'HOT';
		}

		case 'curing': {
			return `curing: ${plural(episode.underWay, 'move')} under way`;
		}

		case 'cooling': {
			return `cooling ${episode.cooling?.intervals ?? 0}/${episode.cooling?.of ?? 0}`;
		}

		case 'back': {
			return `came back after ${episode.cameBackSeconds ?? 0} s`;
		}

		case 'cured': {
			return `cured in ${episode.cureSeconds ?? 0} s${episode.detections > 1 ? ` (${episode.detections} detections)` : ''}`;
		}

		case 'resolved': {
			return `resolved in ${episode.cureSeconds ?? 0} s`;
		}
	}
}

function stepText(step: EpisodeStep): string {
	switch (step.kind) {
		case 'move': {
			const move = `${step.vmId}>${step.to}`;
			return step.status === 'done' ? `moved ${move}` : (step.status === 'failed' ? `${move} failed` : `moving ${move}`);
		}

		case 'swap': {
			const swap = `${step.vmId}<>${step.withVmIds.join('+')}`;
			return step.status === 'done' ? `swapped ${swap}` : (step.status === 'failed' ? `swap ${swap} failed` : `swapping ${swap}`);
		}

		case 'resize': {
			return `${step.vmId} ${Math.round(step.fromMiB)}>${Math.round(step.toMiB)} MiB`;
		}

		case 'cured': {
			return `cured in ${step.seconds} s`;
		}

		case 'back': {
			return `back after ${step.seconds} s`;
		}
	}
}

/**
What happened, oldest first, to show after the state: `moved vm20>h15`, `cured in 15 s`, `back after 60 s`.
A come-back the state already says is not repeated.
*/
export function storyParts(episode: EpisodeModel): string[] {
	const steps = episode.state === 'back' ? episode.steps.slice(0, -1) : episode.steps;
	return steps.map(step => stepText(step));
}

/** While nothing is under way, the policy's reason for doing nothing: `no move: no host has 512 MiB free`. */
export function storyNote(episode: EpisodeModel): string | null {
	return episode.blocked !== null && (episode.state === 'hot' || episode.state === 'back') ? `no move: ${episode.blocked}` : null;
}

/** `h09 CPU curing: 1 move under way`. */
export function episodeHead(episode: EpisodeModel): string {
	return `${episode.hostId} ${resourceLabels[episode.resource]} ${stateText(episode)}`;
}
