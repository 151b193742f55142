/**
The lecture: one session every connection watches, simulated once, and the forks students branch
from it. A fork copies the lecture's world at the current tick into a session of its own, with the
same timeline and pace, so it goes on as the lecture would until its owner changes something; nothing
done in a fork reaches the lecture. Forks are bounded: each is a datacenter simulated beside it.
*/
import {cloneWorld} from '../sim/step.js';
import type {TimedCommand} from '../sim/run.js';
import type {Strategies} from '../sim/strategies.js';
import type {World} from '../sim/types.js';
import {SessionEngine} from '../session/session-engine.js';
import type {TickSource} from '../ui/tick-source.js';

export type LectureOptions = {
	world: World;
	timeline: readonly TimedCommand[];
	strategies: Strategies;
	maxForks: number;
	speed?: number;
	/** The clock (a manual one in tests). */
	clock?: TickSource;
};

export type Fork = {session: SessionEngine; fromTick: number};

export class Lecture {
	readonly session: SessionEngine;
	readonly #options: LectureOptions;
	readonly #forks = new Set<SessionEngine>();

	constructor(options: LectureOptions) {
		this.#options = options;
		this.session = new SessionEngine({
			world: options.world, timeline: options.timeline, strategies: options.strategies, clock: options.clock, speed: options.speed,
		});
	}

	get forkCount(): number {
		return this.#forks.size;
	}

	start(): void {
		this.session.start();
	}

	/** A new fork at the lecture's current tick, or a note saying why there is none. */
	fork(): Fork | {refused: string} {
		if (this.#forks.size >= this.#options.maxForks) {
			return {refused: `no fork: the server holds ${this.#options.maxForks} already (--max-forks)`};
		}

		const world = this.session.read(current => cloneWorld(current));
		const lecture = this.session.getSnapshot();
		const session = new SessionEngine({
			world, timeline: this.#options.timeline, strategies: this.#options.strategies, clock: this.#options.clock, speed: lecture.speed,
		});
		if (lecture.state.kind === 'paused') {
			session.pause();
		}

		this.#forks.add(session);
		session.start();
		return {session, fromTick: world.tick};
	}

	/** Ends a fork: its clock stops and it is forgotten. */
	drop(fork: SessionEngine): void {
		if (this.#forks.delete(fork)) {
			fork.stop();
		}
	}

	stop(): void {
		for (const fork of this.#forks) {
			fork.stop();
		}

		this.#forks.clear();
		this.session.stop();
	}
}
