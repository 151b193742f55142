/** A VM's demand over time: base demand and the shapes that multiply it. */
import type {Resource, ResourceVector} from './resources.js';

/** Shapes multiply a VM's base demand (AR(1) noise multiplies by `1 + x`). */
export type WorkloadShape
	= | {
		kind: 'diurnal';
		/** Relative swing: demand moves between `1 - amplitude` and `1 + amplitude` times base. */
		amplitude: number;
		periodTicks: number;
		/** Fraction of a period, 0..1. */
		phase: number;
		resources: Resource[];
	}
	| {
		kind: 'ar1';
		/** Lag-1 autocorrelation, 0..1. */
		phi: number;
		/** Stationary standard deviation of the noise, as a fraction of base. */
		sigma: number;
		resources: Resource[];
	}
	| {
		kind: 'bursts';
		/** Mean length of an on period and an off period (geometric durations). */
		meanOnTicks: number;
		meanOffTicks: number;
		factor: number;
		resources: Resource[];
	}
	| {
		kind: 'ramp';
		startTick: number;
		endTick: number;
		fromFactor: number;
		toFactor: number;
		resources: Resource[];
	}
	| {
		kind: 'flashCrowd';
		startTick: number;
		durationTicks: number;
		factor: number;
		/** Ticks to climb to `factor` and to fall back, within the duration. */
		rampTicks: number;
		resources: Resource[];
	}
	| {
		kind: 'replay';
		/** Factors of base, one per sample. */
		values: number[];
		/** Ticks between two samples; values in between are interpolated linearly (as CloudSim does). */
		sampleTicks: number;
		/** After the last sample: repeat from the start, or hold the last value. */
		loop: boolean;
		resources: Resource[];
	};

export type Workload = {
	/** Base demand: CPU units, working set in MiB, disk MB/s, network Mbit/s. */
	base: ResourceVector;
	shapes: WorkloadShape[];
};
