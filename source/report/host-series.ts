/**
Each worker host's monitored utilisation over a run, one sample per monitoring interval, and the
stretches the sustained-overload yardstick flagged (k of the last n intervals over a threshold,
models.md 7.7): what `sandpiper plot`'s timeline draws. Kept only when the report has its events.
*/
import {endsInterval} from '../sim/history.js';
import {latest} from '../sim/series.js';
import type {Thresholds, World} from '../sim/types.js';

export type HostSeries = {
	id: string;
	/** Interval means as utilisations (0..1), the monitor's view (memory: the share allocated). */
	cpu: number[];
	memory: number[];
	network: number[];
	/** Ticks [from, to) in which the yardstick counted the host as over for a sustained period. */
	hot: Array<[number, number]>;
};

export type RunSeries = {
	/** Sample i covers ticks [i * intervalTicks, (i + 1) * intervalTicks). */
	intervalTicks: number;
	/** The detector's thresholds (the lines on the paper's figures); `hot` is the yardstick's k of n. */
	thresholds: Pick<Thresholds, 'cpu' | 'memory' | 'network'>;
	k: number;
	n: number;
	hosts: HostSeries[];
};

/** Four decimals: a plot needs no more, and a day's series stays a few megabytes. */
function short(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}

export type SeriesCollector = {
	onTick(world: World): void;
	series(): RunSeries;
};

export function createSeriesCollector(world: World): SeriesCollector {
	const {monitoring, metrics} = world.config;
	const workers = world.hosts.flatMap((host, index) => host.role === 'worker' ? [index] : []);
	const hosts: HostSeries[] = workers.map(index => ({
		id: world.hosts[index]!.id, cpu: [], memory: [], network: [], hot: [],
	}));
	return {
		onTick(current) {
			// `onTick` sees the world after the tick: the interval closed if the tick before the current one ended it.
			const closed = current.tick - 1;
			if (!endsInterval(closed, monitoring)) {
				return;
			}

			for (const [at, index] of workers.entries()) {
				const host = current.hosts[index]!;
				const series = hosts[at]!;
				const {intervals} = host.history;
				series.cpu.push(short(latest(intervals.cpu)));
				series.memory.push(short(latest(intervals.memory)));
				series.network.push(short(latest(intervals.network)));
				if (host.sustainedOverload) {
					const from = closed + 1 - monitoring.intervalTicks;
					const last = series.hot.at(-1);
					if (last?.[1] === from) {
						last[1] = closed + 1;
					} else {
						series.hot.push([from, closed + 1]);
					}
				}
			}
		},
		series() {
			const {cpu, memory, network} = monitoring.thresholds;
			return {
				intervalTicks: monitoring.intervalTicks, thresholds: {cpu, memory, network}, k: metrics.k, n: metrics.n, hosts,
			};
		},
	};
}
