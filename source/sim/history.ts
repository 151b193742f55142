/**
Phase 5 of a tick: bounded history. Tick samples feed sparklines; monitoring-interval means feed the
monitor's profiles (models.md 7.4: a distribution over the last W samples and a time series).
*/
import type {IntervalAccumulator, IntervalSamples, MonitoringConfig} from './types.js';

export function emptyAccumulator(): IntervalAccumulator {
	return {
		ticks: 0, cpu: 0, memory: 0, disk: 0, network: 0, swapMBps: 0,
	};
}

export function emptySamples(): IntervalSamples {
	return {
		cpu: [], memory: [], disk: [], network: [], swapMBps: [],
	};
}

/** Appends and keeps the newest `limit` values. */
export function pushBounded<T>(values: T[], value: T, limit: number): void {
	values.push(value);
	while (values.length > limit) {
		values.shift();
	}
}

export function accumulate(accumulator: IntervalAccumulator, cpu: number, memory: number, disk: number, network: number, swapMBps: number): void {
	accumulator.ticks++;
	accumulator.cpu += cpu;
	accumulator.memory += memory;
	accumulator.disk += disk;
	accumulator.network += network;
	accumulator.swapMBps += swapMBps;
}

/** Closes an interval: its means become the newest samples and the accumulator starts over. */
export function closeInterval(accumulator: IntervalAccumulator, samples: IntervalSamples, limit: number): void {
	const ticks = Math.max(1, accumulator.ticks);
	pushBounded(samples.cpu, accumulator.cpu / ticks, limit);
	pushBounded(samples.memory, accumulator.memory / ticks, limit);
	pushBounded(samples.disk, accumulator.disk / ticks, limit);
	pushBounded(samples.network, accumulator.network / ticks, limit);
	pushBounded(samples.swapMBps, accumulator.swapMBps / ticks, limit);
	Object.assign(accumulator, emptyAccumulator());
}

/** Whether the tick that just ran (`tick`, zero-based) ends a monitoring interval. */
export function endsInterval(tick: number, monitoring: MonitoringConfig): boolean {
	return (tick + 1) % monitoring.intervalTicks === 0;
}

/** The newest value of a sample series, or 0. */
export function newest(values: readonly number[]): number {
	return values.at(-1) ?? 0;
}
