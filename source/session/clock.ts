/**
A session's clock: a chain of callbacks on a `TickSource`, each handing over the whole steps owed at
the speed. The fractions carry over, so 64x at a 100 ms period runs 6, 6, 7, 6, 7 steps. Ticks batch,
frames do not queue: the period (`periodFor`, ../ui/tick-source.ts) never goes below
`minimumPeriodMs`, so whatever the speed a session publishes at most 10 snapshots a second from it.
*/
import {periodFor, type TickSource} from '../ui/tick-source.js';

export class SessionClock {
	readonly source: TickSource;
	readonly #onSteps: (steps: number) => void;
	#speed: number;
	#owed = 0;
	/** Between `start` and `stop`: someone is watching. */
	#started = false;
	/** Paused, or the session is over. */
	#held = false;
	#cancel: (() => void) | undefined;

	constructor(source: TickSource, speed: number, onSteps: (steps: number) => void) {
		this.source = source;
		this.#speed = speed;
		this.#onSteps = onSteps;
	}

	get speed(): number {
		return this.#speed;
	}

	start(): void {
		this.#started = true;
		this.#arm();
	}

	stop(): void {
		this.#started = false;
		this.#disarm();
	}

	hold(): void {
		this.#held = true;
		this.#disarm();
	}

	release(): void {
		this.#held = false;
		this.#arm();
	}

	/** The next callback comes at the new pace, a whole period from now. */
	setSpeed(speed: number): void {
		this.#speed = speed;
		this.#disarm();
		this.#arm();
	}

	/** A restart: running again, nothing owed, the next callback a whole period away. */
	restart(): void {
		this.#owed = 0;
		this.#held = false;
		this.#disarm();
		this.#arm();
	}

	#arm(): void {
		if (!this.#started || this.#held || this.#cancel) {
			return;
		}

		const period = periodFor(this.#speed);
		this.#cancel = this.source.schedule(() => {
			this.#cancel = undefined;
			this.#owed += this.#speed * period / 1000;
			const steps = Math.floor(this.#owed);
			this.#owed -= steps;
			this.#onSteps(steps);
			this.#arm();
		}, period);
	}

	#disarm(): void {
		this.#cancel?.();
		this.#cancel = undefined;
	}
}
