/**
The interactive shell: owns the world and the ticker (a `setTimeout` chain re-armed after each step,
several steps per callback at high speed), keeps the dashboard's own state (selection, views,
pickers, pause, speed), turns keys into actions through the keymap and the UI reducer, and renders
the dashboard from a snapshot. Commands from keys join the next tick, like a timeline's.
*/
import {useApp, useInput} from 'ink';
import {
	useCallback, useEffect, useMemo, useRef, useState,
} from 'react';
import {cycledPolicyNames} from './policy/registry.js';
import {indexTimeline, type TimedCommand} from './sim/run.js';
import {cloneWorld, stepInPlace} from './sim/step.js';
import type {Strategies} from './sim/strategies.js';
import type {Command, SimEvent, World} from './sim/types.js';
import {Dashboard} from './ui/components/dashboard.js';
import {ErrorBoundary} from './ui/components/error-boundary.js';
import {actionFor, type KeyInfo} from './ui/keymap.js';
import {periodFor, timerTickSource, type TickSource} from './ui/tick-source.js';
import {initialUiState, type UiState} from './ui/ui-state.js';
import {reduceKey} from './ui/reduce-key.js';
import {useWindowSize} from './ui/use-window-size.js';
import {captionAt, type Demo} from './ui/captions.js';
import {buildScreen} from './ui/screen.js';

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

/** Keys a walkthrough still takes: it must play the same way every time. */
const demoActions = new Set(['quit', 'togglePause', 'help', 'close']);

/** Events kept for the alerts and the log. */
const eventMemory = 300;

/** How long a note stays in the status line (wall-clock). */
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

export function App({
	world: initial, timeline, strategies, isInteractive, tickSource = timerTickSource, initialSpeed = 1, onCommands, onEvents, onRestart, demo,
}: AppProps) {
	const {exit} = useApp();
	const size = useWindowSize();
	// The app owns its copy of the world and advances it in place; renders read only snapshots.
	const [firstWorld] = useState(() => cloneWorld(initial)); // eslint-disable-line react/hook-use-state -- read once, never set
	const world = useRef<World>(firstWorld);
	const events = useRef<SimEvent[]>([]);
	const byTick = useMemo(() => indexTimeline(timeline), [timeline]);
	const pending = useRef<Command[]>([]);
	const owed = useRef(0);
	const [ui, setUi] = useState<UiState>({...initialUiState, speed: initialSpeed});
	// Keys read and write the latest UI state at once; renders follow through `ui`.
	const uiRef = useRef(ui);
	const standingNote = isInteractive ? undefined : 'view only: stdin is not a terminal';
	const noteFor = useCallback((current: World) => (demo ? captionAt(demo, current.tick, events.current) : undefined) ?? standingNote, [demo, standingNote]);
	const [screen, setScreen] = useState(() => buildScreen(firstWorld, ui, [], strategies, (demo ? captionAt(demo, firstWorld.tick, []) : undefined) ?? standingNote));

	const refresh = useCallback(() => {
		setScreen(buildScreen(world.current, uiRef.current, events.current, strategies, noteFor(world.current)));
	}, [strategies, noteFor]);

	/** Advances `steps` ticks; false once a walkthrough has reached its end (the app is exiting). */
	const advance = useCallback((steps: number): boolean => {
		const {current} = world;
		for (let index = 0; index < steps; index++) {
			if (demo && current.tick >= demo.endTick) {
				break;
			}

			const given = pending.current.splice(0);
			if (given.length > 0) {
				onCommands?.(current.tick, given);
			}

			const commands = [...(byTick.get(current.tick) ?? []), ...given];
			const happened = stepInPlace(current, commands, strategies);
			onEvents?.(happened);
			if (happened.length > 0) {
				events.current.push(...happened);
				if (events.current.length > eventMemory) {
					events.current.splice(0, events.current.length - eventMemory);
				}
			}
		}

		if (steps > 0) {
			refresh();
		}

		if (demo && current.tick >= demo.endTick) {
			exit();
			return false;
		}

		return true;
	}, [byTick, strategies, refresh, onCommands, onEvents, demo, exit]);

	useEffect(() => {
		if (ui.paused) {
			return undefined;
		}

		const period = periodFor(ui.speed);
		let cancel: (() => void) | undefined;
		const onTick = () => {
			owed.current += ui.speed * period / 1000;
			const steps = Math.floor(owed.current);
			owed.current -= steps;
			try {
				if (!advance(steps)) {
					return;
				}
			} catch (error) {
				// A failure inside the simulation ends the app cleanly; the shell says it in one line.
				exit(error instanceof Error ? error : new Error(String(error)));
				return;
			}

			cancel = tickSource.schedule(onTick, period);
		};

		cancel = tickSource.schedule(onTick, period);
		return () => {
			cancel?.();
		};
	}, [ui.paused, ui.speed, advance, tickSource, exit]);

	// A note fades after a few seconds.
	useEffect(() => {
		if (ui.note === null) {
			return undefined;
		}

		const cancel = tickSource.schedule(() => {
			setUi(state => ({...state, note: null}));
		}, noteMilliseconds);
		return cancel;
	}, [ui.note, tickSource]);

	useEffect(() => {
		uiRef.current = ui;
		refresh();
	}, [ui, refresh]);

	const onKey = (input: string, key: KeyInfo) => {
		const action = actionFor(input, key, uiRef.current.picker ? 'picker' : 'main');
		if (!action || (demo && !demoActions.has(action.type))) {
			return;
		}

		const result = reduceKey(uiRef.current, action, {world: world.current, strategies, policyNames: cycledPolicyNames});
		if (result.quit) {
			exit();
			return;
		}

		if (result.restart) {
			world.current = cloneWorld(initial);
			events.current = [];
			pending.current = [];
			owed.current = 0;
			onRestart?.();
		}

		pending.current.push(...result.commands);
		uiRef.current = result.state;
		setUi(result.state);
		if (result.step) {
			advance(1);
		}
	};

	useInput((input, key) => {
		try {
			// Ink hands several printable keys typed at once (or pasted) over as one string: take them one by one.
			for (const [single, info] of splitKeys(input, key)) {
				onKey(single, info);
			}
		} catch (error) {
			exit(error instanceof Error ? error : new Error(String(error)));
		}
	}, {isActive: isInteractive});

	return (
		<ErrorBoundary onError={exit}>
			<Dashboard screen={screen} size={size}/>
		</ErrorBoundary>
	);
}
