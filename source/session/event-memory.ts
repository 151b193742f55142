/**
The events a session remembers for the alerts, the log and the captions: the latest few hundred, so a
dashboard left running for days holds no more than one that just started.
*/
import type {SimEvent} from '../sim/types.js';

/** Events kept for the alerts and the log. */
export const eventMemory = 300;

export class EventMemory {
	readonly limit: number;
	#events: SimEvent[] = [];

	constructor(limit = eventMemory) {
		this.limit = limit;
	}

	add(events: readonly SimEvent[]): void {
		if (events.length === 0) {
			return;
		}

		this.#events.push(...events);
		if (this.#events.length > this.limit) {
			this.#events.splice(0, this.#events.length - this.limit);
		}
	}

	clear(): void {
		this.#events = [];
	}

	/** A copy for a snapshot: the memory goes on changing, a snapshot must not. */
	copy(): readonly SimEvent[] {
		return [...this.#events];
	}
}
