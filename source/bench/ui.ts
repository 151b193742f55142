/**
The dashboard's render time per frame, in process (the figures in a real terminal: ./terminal.ts).
*/
import {createElement} from 'react';
import {renderToString} from 'ink';
import {loadScenario} from '../scenario/load-scenario.js';
import {runTicks} from '../sim/run.js';
import {defaultStrategies} from '../strategies.js';
import {Dashboard} from '../ui/components/dashboard.js';
import {buildScreen} from '../ui/screen.js';
import {initialUiState} from '../ui/ui-state.js';

export type FrameTimes = {compactMs: number; wideMs: number};

function median(values: number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export async function frameTimes(now: () => number, repetitions = 200): Promise<FrameTimes> {
	const {world, timeline} = await loadScenario();
	const {world: after, events} = runTicks(world, defaultStrategies, {ticks: 700, timeline});
	const screen = buildScreen(after, initialUiState, events, defaultStrategies, undefined);
	const time = (columns: number, rows: number) => {
		const samples: number[] = [];
		for (let index = 0; index < repetitions; index++) {
			const start = now();
			renderToString(createElement(Dashboard, {screen, size: {columns, rows}}), {columns});
			samples.push(now() - start);
		}

		return median(samples);
	};

	return {compactMs: time(80, 24), wideMs: time(120, 40)};
}
