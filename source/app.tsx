/**
The interactive shell: a view of a session (./session/session-engine.ts, which owns the world, the
clock, pause and speed). The view renders the session's snapshots, keeps the dashboard's own state
(selection, views, pickers, notes), and turns keys into actions through the keymap and the UI reducer:
commands go to the session for the next tick, pause, speed, a step and a restart to the session itself.
*/
import {useApp, useInput} from 'ink';
import {
	useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore,
} from 'react';
import {cycledPolicyNames} from './policy/registry.js';
import type {TimedCommand} from './sim/run.js';
import type {Strategies} from './sim/strategies.js';
import type {Command, SimEvent, World} from './sim/types.js';
import {SessionEngine} from './session/session-engine.js';
import type {SessionSnapshot} from './session/snapshot.js';
import type {Demo} from './ui/captions.js';
import {Dashboard} from './ui/components/dashboard.js';
import {ErrorBoundary} from './ui/components/error-boundary.js';
import {actionFor, type KeyInfo, type UiAction} from './ui/keymap.js';
import {reduceKey} from './ui/reduce-key.js';
import {viewFrame} from './ui/screen.js';
import type {TickSource} from './ui/tick-source.js';
import {initialUiState, type KeyEffect, type UiState} from './ui/ui-state.js';
import {useWindowSize} from './ui/use-window-size.js';
import {ValueStore} from './ui/value-store.js';

export type AppProps = {
	readonly world: World;
	readonly timeline: readonly TimedCommand[];
	readonly strategies: Strategies;
	/** False when stdin is not a terminal: the view runs without keys. */
	readonly isInteractive: boolean;
	readonly tickSource?: TickSource;
	readonly initialSpeed?: number;
	/** Hears the commands the user gave, at the tick they took effect (for --record). */
	readonly onCommands?: (tick: number, commands: readonly Command[]) => void;
	/** Hears every tick's events (tests compare a replay's log with these). */
	readonly onEvents?: (events: readonly SimEvent[]) => void;
	/** The session restarted (r): a recording starts over. */
	readonly onRestart?: () => void;
	/** A walkthrough: captions, a fixed pace, and an end at which the app exits. */
	readonly demo?: Demo;
};

export type SessionViewProps = {
	readonly session: SessionEngine;
	/** False when stdin is not a terminal: the view runs without keys. */
	readonly isInteractive: boolean;
	/** A served connection's rules (../serve/roles.ts): a note refusing an action, or undefined to take it. */
	readonly refuse?: (action: UiAction) => string | undefined;
	/** Keys a served connection takes before the keymap (fork, rejoin): true when it took the key, or a note to show. */
	readonly onOwnKey?: (input: string, key: KeyInfo) => boolean | string;
	/** The status line's words when no note is shown (a served connection's role). */
	readonly standing?: string;
	/** Keys taken as if typed once the view is up (a served connection's first key, which made it a view of its own). */
	readonly firstKeys?: ReadonlyArray<readonly [string, KeyInfo]>;
};

/** Keys a walkthrough still takes: it must play the same way every time. */
const demoActions = new Set(['quit', 'togglePause', 'help', 'close']);

/** How long a note stays in the status line (on the session's clock). */
const noteMilliseconds = 4000;

/** One key per entry: a chunk of printable text becomes its characters; Enter and Tab in it become keys. */
export function splitKeys(input: string, key: KeyInfo): Array<[string, KeyInfo]> {
	const chars = [...input];
	if (chars.length <= 1 || key.ctrl === true || key.meta === true || key.escape === true) {
		return [[input, key]];
	}

	return chars.map((char): [string, KeyInfo] => {
		if (char === '\r' || char === '\n') {
			return ['', {return: true}];
		}

		return char === '\t' ? ['', {tab: true}] : [char, {}];
	});
}

/** The view's state with the session's pause and speed, which the session owns. */
function seen(ui: UiState, snapshot: SessionSnapshot): UiState {
	const paused = snapshot.state.kind === 'paused';
	return ui.paused === paused && ui.speed === snapshot.speed ? ui : {...ui, paused, speed: snapshot.speed};
}

/** Asks the session (or the view, to quit) for what a key's effect says. */
function perform(session: SessionEngine, effect: KeyEffect, exit: () => void): void {
	switch (effect.kind) {
		case 'quit': {
			exit();
			break;
		}

		case 'pause': {
			session.pause();
			break;
		}

		case 'resume': {
			session.resume();
			break;
		}

		case 'speed': {
			session.setSpeed(effect.speed);
			break;
		}

		case 'step': {
			session.step();
			break;
		}

		case 'restart': {
			session.restart();
			break;
		}
	}
}

/** A view of a session: whoever made the session runs its clock (`start`, `stop`). */
export function SessionView({
	session, isInteractive, refuse, onOwnKey, standing, firstKeys,
}: SessionViewProps) {
	const {exit} = useApp();
	const size = useWindowSize();
	// Renders when the session publishes, and only then (besides the view's own keys and a resize).
	const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
	// The view's own state, in a store (./ui/value-store.ts says why): keys read and write the latest at once.
	const [store] = useState(() => new ValueStore<UiState>(initialUiState)); // eslint-disable-line react/hook-use-state -- made once, never set
	const ui = useSyncExternalStore(store.subscribe, store.get);
	const fading = useRef<(() => void) | undefined>(undefined);
	const standingNote = standing ?? (isInteractive ? undefined : 'view only: stdin is not a terminal');
	// Read by the key handler, which is made once (see below); keys come after the render that set them.
	const served = useRef({refuse, onOwnKey});
	useEffect(() => {
		served.current = {refuse, onOwnKey};
	});
	// The snapshot rendered is the session's current one, so the world read is the one it was built from.
	const screen = useMemo(() => session.read(world => viewFrame(world, snapshot.frame, {
		ui: seen(ui, snapshot), strategies: session.strategies, standingNote: snapshot.caption ?? standingNote,
	})), [session, snapshot, ui, standingNote]);

	// A walkthrough's end, or a failure inside the simulation, ends the view (the shell says the error in one line).
	const {state} = snapshot;
	useEffect(() => {
		if (state.kind === 'ended') {
			exit();
		} else if (state.kind === 'failed') {
			exit(state.error);
		}
	}, [state, exit]);

	useEffect(() => () => {
		fading.current?.();
	}, []);

	// One handler for the view's life: Ink re-subscribes its input listener whenever the handler changes,
	// which a handler made anew at every render (every snapshot) would make it do 20 times a second.
	const onInput = useCallback((input: string, key: KeyInfo) => {
		/** A new note fades after a few seconds, on the session's clock. */
		const fade = (note: string | null) => {
			fading.current?.();
			fading.current = note === null
				? undefined
				: session.tickSource.schedule(() => {
					fading.current = undefined;
					store.set({...store.get(), note: null});
				}, noteMilliseconds);
		};

		const onKey = (single: string, info: KeyInfo) => {
			const own = served.current.onOwnKey?.(single, info) ?? false;
			if (own !== false) {
				if (typeof own === 'string') {
					fade(own);
					store.set({...store.get(), note: own});
				}

				return;
			}

			const action = actionFor(single, info, store.get().picker ? 'picker' : 'main');
			if (!action || (session.demo && !demoActions.has(action.type))) {
				return;
			}

			const refusal = served.current.refuse?.(action);
			if (refusal !== undefined) {
				fade(refusal);
				store.set({...store.get(), note: refusal});
				return;
			}

			const before = seen(store.get(), session.getSnapshot());
			const result = session.read(world => reduceKey(before, action, {world, strategies: session.strategies, policyNames: cycledPolicyNames}));
			if (result.state.note !== before.note) {
				fade(result.state.note);
			}

			store.set(result.state);
			session.give(result.commands);
			if (result.effect) {
				perform(session, result.effect, exit);
			}
		};

		try {
			// Ink hands several printable keys typed at once (or pasted) over as one string: take them one by one.
			for (const [single, info] of splitKeys(input, key)) {
				onKey(single, info);
			}
		} catch (error) {
			exit(error instanceof Error ? error : new Error(String(error)));
		}
	}, [session, store, exit]);

	useInput(onInput, {isActive: isInteractive});
	const [typedFirst] = useState(firstKeys); // eslint-disable-line react/hook-use-state -- read once, at mount
	useEffect(() => {
		for (const [input, key] of typedFirst ?? []) {
			onInput(input, key);
		}
	}, [typedFirst, onInput]);

	return (
		<ErrorBoundary onError={exit}>
			<Dashboard screen={screen} size={size}/>
		</ErrorBoundary>
	);
}

/**
The dashboard with a session of its own, made from the props when it mounts (they are read once), its
clock running while it is mounted.
*/
export function App({
	world, timeline, strategies, isInteractive, tickSource, initialSpeed, onCommands, onEvents, onRestart, demo,
}: AppProps) {
	const [session] = useState(() => new SessionEngine({ // eslint-disable-line react/hook-use-state -- made once, never set
		world, timeline, strategies, clock: tickSource, speed: initialSpeed, demo, hooks: {onCommands, onEvents, onRestart},
	}));
	useEffect(() => {
		session.start();
		return () => {
			session.stop();
		};
	}, [session]);
	return <SessionView session={session} isInteractive={isInteractive}/>;
}
