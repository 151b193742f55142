/**
Phase 5 of a tick: bounded history. Tick samples feed sparklines; monitoring-interval means feed the
monitor's profiles (models.md 7.4: a distribution over the last W samples and a time series).
*/
import {emptySeries, pushToSeries} from './series.js';
import type {IntervalAccumulator, IntervalSamples, MonitoringConfig} from './types.js';

export function emptyAccumulator(): IntervalAccumulator {
	return {
		ticks: 0, cpu: 0, memory: 0, disk: 0, network: 0, swapMBps: 0,
	};
}

export function emptySamples(): IntervalSamples {
	return {
		cpu: emptySeries(), memory: emptySeries(), disk: emptySeries(), network: emptySeries(), swapMBps: emptySeries(),
	};
}

/**
Appends and keeps the newest `limit` flags (k-of-n windows are a handful long, so shifting is cheap).
The same operations run whether the window is full or not, only with other counts: a window that first
fills (n intervals into a run) meets no code the optimising compiler has never seen run.
*/
export function pushFlag(values: boolean[], value: boolean, limit: number): void {
	const keep = Math.min(values.length, limit - 1);
	const drop = values.length - keep;
	for (let index = 0; index < keep; index++) {
		values[index] = values[index + drop]!;
	}

	values[keep] = value;
	// Only when the limit shrank: setting the length anyway is a call into the runtime.
	if (values.length !== keep + 1) {
		values.length = keep + 1;
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

/**
Adds a tick and, when `closing`, closes the interval. An interval of one tick (CloudSim parity runs)
pushes the tick's figures as they are, the same numbers accumulate-then-close gives (0 + x and x / 1
are x), without writing the accumulator twice.
*/
export function recordTick(
	accumulator: IntervalAccumulator, samples: IntervalSamples, limit: number, closing: boolean,
	cpu: number, memory: number, disk: number, network: number, swapMBps: number,
): void {
	if (closing && accumulator.ticks === 0) {
		pushToSeries(samples.cpu, cpu, limit);
		pushToSeries(samples.memory, memory, limit);
		pushToSeries(samples.disk, disk, limit);
		pushToSeries(samples.network, network, limit);
		pushToSeries(samples.swapMBps, swapMBps, limit);
		return;
	}

	accumulate(accumulator, cpu, memory, disk, network, swapMBps);
	if (closing) {
		closeInterval(accumulator, samples, limit);
	}
}

/** Closes an interval: its means become the newest samples and the accumulator starts over. */
export function closeInterval(accumulator: IntervalAccumulator, samples: IntervalSamples, limit: number): void {
	const ticks = Math.max(1, accumulator.ticks);
	pushToSeries(samples.cpu, accumulator.cpu / ticks, limit);
	pushToSeries(samples.memory, accumulator.memory / ticks, limit);
	pushToSeries(samples.disk, accumulator.disk / ticks, limit);
	pushToSeries(samples.network, accumulator.network / ticks, limit);
	pushToSeries(samples.swapMBps, accumulator.swapMBps / ticks, limit);
	accumulator.ticks = 0;
	accumulator.cpu = 0;
	accumulator.memory = 0;
	accumulator.disk = 0;
	accumulator.network = 0;
	accumulator.swapMBps = 0;
}

/** Whether the tick that just ran (`tick`, zero-based) ends a monitoring interval. */
export function endsInterval(tick: number, monitoring: MonitoringConfig): boolean {
	return (tick + 1) % monitoring.intervalTicks === 0;
}

