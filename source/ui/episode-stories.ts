/**
Folds events into episode lines, one story per episode (host and resource), updated in place.

Whose episode: the yardstick's (`hotspotEpisodeStarted` / `Cured` / `CameBack`, ../sim/episodes.ts),
whatever the policy. The policy's own detection comes earlier in the same tick (or without one, when its
detector disagrees): it opens a line the yardstick's episode then adopts, so the moves planned with the
detection belong to the episode. A come-back reopens the cured episode's line: one story, not two.
*/
import type {MetricResource} from '../sim/episode-state.js';
import type {Resource, SimEvent} from '../sim/types.js';
import type {OpenEpisode} from './episode-model.js';
import {stepOf, type Line} from './story-line.js';

type EventOf<T extends SimEvent['type']> = Extract<SimEvent, {type: T}>;

/** The policy names memory pressure `memory`; the yardstick watches it as `swap` (paging) and as `memory` (allocation). */
function sameResource(policy: Resource | MetricResource, yardstick: MetricResource): boolean {
	return policy === yardstick || (policy === 'memory' && yardstick === 'swap') || (policy === 'swap' && yardstick === 'memory');
}

/** Folds events into episode lines. */
export class Stories {
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
