/**
Runs as a fold over `step`: the same world, strategies and timeline give the same events, byte for byte.
`Run` is the one step loop: headless runs, replays and the dashboard's session (../session/) all tick through it.
*/
import {cloneWorld, stepInPlace} from './step.js';
import type {Strategies} from './strategies.js';
import type {Command, SimEvent, World} from './types.js';

/** A command to apply at the start of a tick: scenario timelines and recorded sessions. */
export type TimedCommand = {tick: number; command: Command};

/** Groups a timeline by tick, keeping the order of entries within a tick. */
export function indexTimeline(timeline: readonly TimedCommand[]): Map<number, Command[]> {
	const byTick = new Map<number, Command[]>();
	for (const entry of timeline) {
		const list = byTick.get(entry.tick) ?? [];
		list.push(entry.command);
		byTick.set(entry.tick, list);
	}

	return byTick;
}

export type RunOptions = {
	ticks: number;
	timeline?: readonly TimedCommand[];
	/** Called after each tick with the world as it is then; it must not keep or change the world. */
	onTick?: (world: World, events: readonly SimEvent[]) => void;
	/**
	Each event as it happens. With it the run holds no events: the result's list and those `onTick`
	gets are empty (a parity day has 280,057, too many to keep for a report that only writes them out).
	*/
	onEvent?: (event: SimEvent) => void;
	/** The caller hands `world` over: the run advances it itself instead of a copy (a parity datacenter's copy took 0.1 s). */
	adopt?: boolean;
};

export type RunResult = {
	world: World;
	events: SimEvent[];
};

const noCommands: readonly Command[] = [];

/**
A run from a copy of `world`, advanced some ticks at a time: a headless run stops between pieces to
write what it has and to hear a signal. Timeline commands apply at their ticks.
*/
export class Run {
	readonly world: World;
	/** Every event so far, unless `onEvent` takes them. */
	readonly events: SimEvent[] = [];
	ticksRun = 0;
	readonly #strategies: Strategies;
	readonly #timeline: Map<number, Command[]>;
	readonly #options: Omit<RunOptions, 'ticks'>;

	constructor(world: World, strategies: Strategies, options: Omit<RunOptions, 'ticks'> = {}) {
		this.world = options.adopt ? world : cloneWorld(world);
		this.#strategies = strategies;
		this.#timeline = indexTimeline(options.timeline ?? []);
		this.#options = options;
	}

	advance(ticks: number): void {
		for (let index = 0; index < ticks; index++) {
			this.#tick(this.#timeline.get(this.world.tick) ?? noCommands);
		}

		this.ticksRun += ticks;
	}

	/**
	One tick with `given` after the timeline's commands of that tick: the dashboard's keys, in the order
	a replayed session (../scenario/session.ts) puts them, so a replay runs the same ticks.
	*/
	step(given: readonly Command[]): void {
		const scheduled = this.#timeline.get(this.world.tick) ?? noCommands;
		this.#tick(given.length === 0 ? scheduled : [...scheduled, ...given]);
		this.ticksRun++;
	}

	#tick(commands: readonly Command[]): void {
		const tickEvents = stepInPlace(this.world, commands, this.#strategies, this.#options.onEvent);
		for (const event of tickEvents) {
			this.events.push(event);
		}

		this.#options.onTick?.(this.world, tickEvents);
	}
}

/** Runs `ticks` ticks from a copy of `world`, applying timeline commands at their ticks. */
export function runTicks(world: World, strategies: Strategies, options: RunOptions): RunResult {
	const run = new Run(world, strategies, options);
	run.advance(options.ticks);
	return {world: run.world, events: run.events};
}
