/**
Runs as a fold over `step`: the same world, strategies and timeline give the same events, byte for byte.
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
};

export type RunResult = {
	world: World;
	events: SimEvent[];
};

const noCommands: readonly Command[] = [];

/** Runs `ticks` ticks from a copy of `world`, applying timeline commands at their ticks. */
export function runTicks(world: World, strategies: Strategies, options: RunOptions): RunResult {
	const current = cloneWorld(world);
	const timeline = indexTimeline(options.timeline ?? []);
	const events: SimEvent[] = [];
	for (let index = 0; index < options.ticks; index++) {
		const tickEvents = stepInPlace(current, timeline.get(current.tick) ?? noCommands, strategies, options.onEvent);
		for (const event of tickEvents) {
			events.push(event);
		}

		options.onTick?.(current, tickEvents);
	}

	return {world: current, events};
}
