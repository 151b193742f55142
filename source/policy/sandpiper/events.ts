/**
What Sandpiper tells the log: a hotspot when it starts and when it ends, a refusal when it is new,
not the same again every interval a standing condition lasts.
*/
import type {PlanRejection} from '../../sim/strategies.js';
import type {Resource, SimEvent, World} from '../../sim/types.js';
import type {Hotspot} from '../detect/k-of-n.js';
import type {ManagerState} from './state.js';

/** Hotspot events for what started and ended since the last interval; updates `state.hot`. */
export function hotspotEvents(world: World, hotspots: ReadonlyMap<string, readonly Hotspot[]>, state: ManagerState): SimEvent[] {
	const events: SimEvent[] = [];
	const {tick} = world;
	for (const host of world.hosts) {
		const now = new Map((hotspots.get(host.id) ?? []).map(hotspot => [hotspot.resource, hotspot]));
		const before = state.hot[host.id] ?? {};
		for (const [resource, hotspot] of now) {
			if (before[resource] === undefined) {
				events.push({
					tick, type: 'hotspotDetected', hostId: host.id, resource, samples: hotspot.samples, forecast: hotspot.forecast,
				});
				before[resource] = tick;
			}
		}

		for (const resource of Object.keys(before) as Resource[]) { // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- keys written above
			if (!now.has(resource)) {
				events.push({
					tick, type: 'hotspotResolved', hostId: host.id, resource, durationSeconds: (tick - before[resource]!) * world.config.tickSeconds,
				});
				delete before[resource]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
			}
		}

		if (Object.keys(before).length > 0) {
			state.hot[host.id] = before;
		} else {
			delete state.hot[host.id]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
		}
	}

	return events;
}

/** A planRejected event for each refusal not given last time for its host; forgets hosts refused no more. */
export function rejectionEvents(world: World, rejections: readonly PlanRejection[], state: ManagerState, events: SimEvent[]): void {
	const rejected = new Set<string>();
	for (const rejection of rejections) {
		rejected.add(rejection.hostId);
		if (state.lastRejection[rejection.hostId] !== rejection.reason) {
			events.push({
				tick: world.tick, type: 'planRejected', hostId: rejection.hostId, reason: rejection.reason,
			});
			state.lastRejection[rejection.hostId] = rejection.reason;
		}
	}

	for (const hostId of Object.keys(state.lastRejection)) {
		if (!rejected.has(hostId)) {
			delete state.lastRejection[hostId]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
		}
	}
}
