/**
The interactive shell: owns the world and the ticker (a `setTimeout` chain re-armed after each step,
several steps per callback at high speed), keeps pause and speed as UI state, turns keys into actions
and renders the dashboard from a snapshot.
*/
import {useApp, useInput} from 'ink';
import {
	useCallback, useEffect, useMemo, useRef, useState,
} from 'react';
import {indexTimeline, type TimedCommand} from './sim/run.js';
import {cloneWorld, stepInPlace} from './sim/step.js';
import type {Strategies} from './sim/strategies.js';
import type {Command, World} from './sim/types.js';
import {Dashboard} from './ui/components/dashboard.js';
import {actionFor, nextSpeed} from './ui/keymap.js';
import {periodFor, timerTickSource, type TickSource} from './ui/tick-source.js';
import {useWindowSize} from './ui/use-window-size.js';
import {dashboardModel} from './ui/view-model.js';

export type AppProps = {
	readonly world: World;
	readonly timeline: readonly TimedCommand[];
	readonly strategies: Strategies;
	/** False when stdin is not a terminal: the view runs without keys. */
	readonly isInteractive: boolean;
	readonly tickSource?: TickSource;
	readonly initialSpeed?: number;
};

export function App({
	world: initial, timeline, strategies, isInteractive, tickSource = timerTickSource, initialSpeed = 1,
}: AppProps) {
	const {exit} = useApp();
	const size = useWindowSize();
	// The app owns its copy of the world and advances it in place; renders read only the snapshot model.
	const world = useRef<World>(undefined);
	world.current ??= cloneWorld(initial);
	const byTick = useMemo(() => indexTimeline(timeline), [timeline]);
	const pending = useRef<Command[]>([]);
	const owed = useRef(0);
	const [model, setModel] = useState(() => dashboardModel(initial));
	const [isPaused, setIsPaused] = useState(false);
	const [speed, setSpeed] = useState(initialSpeed);

	const advance = useCallback((steps: number) => {
		const current = world.current!;
		for (let index = 0; index < steps; index++) {
			const commands = [...(byTick.get(current.tick) ?? []), ...pending.current.splice(0)];
			stepInPlace(current, commands, strategies);
		}

		if (steps > 0) {
			setModel(dashboardModel(current));
		}
	}, [byTick, strategies]);

	useEffect(() => {
		if (isPaused) {
			return undefined;
		}

		const period = periodFor(speed);
		let cancel: (() => void) | undefined;
		const onTick = () => {
			owed.current += speed * period / 1000;
			const steps = Math.floor(owed.current);
			owed.current -= steps;
			advance(steps);
			cancel = tickSource.schedule(onTick, period);
		};

		cancel = tickSource.schedule(onTick, period);
		return () => {
			cancel?.();
		};
	}, [isPaused, speed, advance, tickSource]);

	useInput((input, key) => {
		const action = actionFor(input, key);
		switch (action?.type) {
			case 'quit': {
				exit();
				break;
			}

			case 'togglePause': {
				setIsPaused(value => !value);
				break;
			}

			case 'step': {
				if (isPaused) {
					advance(1);
				}

				break;
			}

			case 'faster':
			case 'slower': {
				setSpeed(value => nextSpeed(value, action.type === 'faster' ? 1 : -1));
				break;
			}

			case undefined: {
				break;
			}
		}
	}, {isActive: isInteractive});

	return (
		<Dashboard
			model={model}
			size={size}
			isPaused={isPaused}
			speed={speed}
			note={isInteractive ? undefined : 'view only: stdin is not a terminal'}
		/>
	);
}
