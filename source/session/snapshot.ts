/**
What a session publishes to its views: immutable, a new object only when something changed (a tick, a
pause, the speed, a restart), so `useSyncExternalStore` renders on a change and never otherwise.
Everything in it is built from the world when it is published; the world itself is not in it (it is
advanced in place, so a snapshot holding it would change under a view).
*/
import type {SimEvent} from '../sim/types.js';
import type {SharedFrame} from '../ui/screen.js';

/** Where a session is: its clock runs, or is paused, or the session is over. */
export type SessionState
	= | {readonly kind: 'running'}
		| {readonly kind: 'paused'}
	/** A walkthrough reached its last tick. */
		| {readonly kind: 'ended'}
	/** The simulation (or building a frame) threw: the views end with this error. */
		| {readonly kind: 'failed'; readonly error: Error};

export type SessionSnapshot = {
	readonly tick: number;
	readonly state: SessionState;
	/** Ticks a second while running. */
	readonly speed: number;
	/** Restarts so far: tick 0 after a restart is another run than the first tick 0. */
	readonly restarts: number;
	/** The events remembered (../session/event-memory.ts), oldest first: a copy. */
	readonly events: readonly SimEvent[];
	/** The frame's part every view shares (rows, alerts, log), built from the world at this tick. */
	readonly frame: SharedFrame;
	/** A walkthrough's caption at this tick, as written (a view's frame makes it safe). */
	readonly caption: string | undefined;
};

export function isOver(state: SessionState): boolean {
	return state.kind === 'ended' || state.kind === 'failed';
}
