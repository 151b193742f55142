/**
A dashboard session outside React: it owns its copy of the world, advanced in place through the one
step loop (`Run`, ../sim/run.ts, which headless runs and replays use too), the clock, the commands given
for the next tick, the events remembered, speed and pause, a walkthrough's end and the recording hooks.
It publishes immutable snapshots (`subscribe`, `getSnapshot`: the shape `useSyncExternalStore` takes),
so several views can share one session, each with its own selection.
*/
import {Run, type TimedCommand} from '../sim/run.js';
import type {Strategies} from '../sim/strategies.js';
import type {Command, SimEvent, World} from '../sim/types.js';
import {captionAt, type Demo} from '../ui/captions.js';
import {sharedFrame} from '../ui/screen.js';
import {timerTickSource, type TickSource} from '../ui/tick-source.js';
import {SessionClock} from './clock.js';
import {EventMemory} from './event-memory.js';
import {isOver, type SessionSnapshot, type SessionState} from './snapshot.js';

export type SessionHooks = {
	/** The commands given, at the tick they took effect (for --record). */
	readonly onCommands?: (tick: number, commands: readonly Command[]) => void;
	/** Every tick's events (tests compare a replay's log with these). */
	readonly onEvents?: (events: readonly SimEvent[]) => void;
	/** The session restarted: a recording starts over. */
	readonly onRestart?: () => void;
};

export type SessionOptions = {
	/** Where the session starts: it runs a copy, and a fresh copy at each restart. */
	readonly world: World;
	readonly timeline: readonly TimedCommand[];
	readonly strategies: Strategies;
	/** Where ticks come from: the timer source unless given (a manual one in tests). */
	readonly clock?: TickSource;
	/** Ticks a second (1 unless given). */
	readonly speed?: number;
	/** A walkthrough: its captions, and a last tick at which the session is over. */
	readonly demo?: Demo;
	readonly hooks?: SessionHooks;
};

const running: SessionState = {kind: 'running'};
const paused: SessionState = {kind: 'paused'};
const ended: SessionState = {kind: 'ended'};

export class SessionEngine {
	readonly strategies: Strategies;
	readonly demo: Demo | undefined;
	readonly #options: SessionOptions;
	readonly #listeners = new Set<() => void>();
	readonly #memory = new EventMemory();
	readonly #clock: SessionClock;
	#run: Run;
	/** The events of the tick being run: the run hands them over one by one, so it keeps none itself. */
	#tickEvents: SimEvent[] = [];
	/** Commands given since the last tick: they join the next, after the timeline's. */
	#given: Command[] = [];
	#state: SessionState = running;
	#restarts = 0;
	#snapshot: SessionSnapshot;

	constructor(options: SessionOptions) {
		this.#options = options;
		this.strategies = options.strategies;
		this.demo = options.demo;
		this.#clock = new SessionClock(options.clock ?? timerTickSource, options.speed ?? 1, steps => {
			this.#onClock(steps);
		});
		this.#run = this.#newRun();
		this.#snapshot = Object.freeze(this.#build(undefined));
	}

	/** Hears every new snapshot; returns what stops it. An arrow, so a view may pass it as it is. */
	readonly subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	};

	/** The latest snapshot: the same object until something changes. */
	readonly getSnapshot = (): SessionSnapshot => this.#snapshot;

	/** The session's clock, for a view's own timers (a note that fades). */
	get tickSource(): TickSource {
		return this.#clock.source;
	}

	/** Runs the clock: what the session's owner calls once a view is there to show it. */
	start(): void {
		this.#clock.start();
	}

	/** Stops the clock (the view went away); the session keeps its world and may start again. */
	stop(): void {
		this.#clock.stop();
	}

	/** Commands for the next tick (keys at the dashboard), after the timeline's of that tick. */
	give(commands: readonly Command[]): void {
		this.#given.push(...commands);
	}

	pause(): void {
		if (this.#state.kind === 'running') {
			this.#state = paused;
			this.#clock.hold();
			this.#publish(false);
		}
	}

	resume(): void {
		if (this.#state.kind === 'paused') {
			this.#state = running;
			this.#clock.release();
			this.#publish(false);
		}
	}

	setSpeed(speed: number): void {
		if (speed === this.#clock.speed || !(speed > 0) || !Number.isFinite(speed)) {
			return;
		}

		this.#clock.setSpeed(speed);
		this.#publish(false);
	}

	/** One tick now, clock or not (`.` steps while paused). */
	step(): void {
		if (!isOver(this.#state)) {
			this.#advance(1);
			this.#publish(true);
		}
	}

	/** Starts over from a fresh copy of the world, running, at the same speed. */
	restart(): void {
		this.#run = this.#newRun();
		this.#tickEvents = [];
		this.#given = [];
		this.#memory.clear();
		this.#restarts++;
		this.#state = running;
		this.#options.hooks?.onRestart?.();
		this.#clock.restart();
		this.#publish(true);
	}

	/**
	Reads the world as it is now, for what a snapshot does not carry (a view's selected VM and picker, what
	a key may do). Safe: the world changes only inside this session's own calls, each of which publishes
	before it returns, so a reader, synchronous between them, sees the world of the current snapshot. It
	must build what it needs and neither keep nor change the world.
	*/
	read<T>(reader: (world: World) => T): T {
		return reader(this.#run.world);
	}

	#newRun(): Run {
		return new Run(this.#options.world, this.strategies, {
			timeline: this.#options.timeline,
			onEvent: event => {
				this.#tickEvents.push(event);
			},
		});
	}

	/** A clock callback: every step owed at once, then one snapshot (frames never queue behind ticks). */
	#onClock(steps: number): void {
		const before = this.#run.world.tick;
		this.#advance(steps);
		const ticked = this.#run.world.tick !== before;
		if (ticked || this.#state.kind !== 'running') {
			this.#publish(ticked);
		}
	}

	/** Runs up to `steps` ticks, fewer at a walkthrough's end; a throw leaves the session failed. */
	#advance(steps: number): void {
		const {demo} = this;
		const {hooks} = this.#options;
		try {
			for (let index = 0; index < steps; index++) {
				const {tick} = this.#run.world;
				if (demo && tick >= demo.endTick) {
					break;
				}

				const given = this.#given;
				if (given.length > 0) {
					this.#given = [];
					hooks?.onCommands?.(tick, given);
				}

				this.#run.step(given);
				const happened = this.#tickEvents;
				this.#tickEvents = [];
				hooks?.onEvents?.(happened);
				this.#memory.add(happened);
			}
		} catch (error) {
			this.#fail(error);
			return;
		}

		if (demo && this.#run.world.tick >= demo.endTick) {
			this.#state = ended;
			this.#clock.hold();
		}
	}

	#fail(error: unknown): void {
		this.#state = {kind: 'failed', error: error instanceof Error ? error : new Error(String(error))};
		this.#clock.hold();
	}

	/** A new snapshot, to every listener. A failed session's world may be half a tick on: its frame is not built again. */
	#publish(worldChanged: boolean): void {
		const previous = this.#snapshot;
		let next: SessionSnapshot | undefined;
		if (worldChanged && this.#state.kind !== 'failed') {
			try {
				next = this.#build(previous);
			} catch (error) {
				this.#fail(error);
			}
		}

		next ??= {
			...previous, state: this.#state, speed: this.#clock.speed, restarts: this.#restarts,
		};
		this.#snapshot = Object.freeze(next);
		for (const listener of this.#listeners) {
			listener();
		}
	}

	#build(previous: SessionSnapshot | undefined): SessionSnapshot {
		const {world} = this.#run;
		const events = this.#memory.copy();
		return {
			tick: world.tick,
			state: this.#state,
			speed: this.#clock.speed,
			restarts: this.#restarts,
			events,
			frame: sharedFrame(world, events, previous?.frame),
			caption: this.demo ? captionAt(this.demo, world.tick, events) : undefined,
		};
	}
}
