/**
Demand of one VM at one tick: base demand times the factors of its shapes.

The default scenario follows models.md section 7.3: `base x diurnal wave + AR(1) noise + scheduled
flash crowds`. Noise is multiplicative (`1 + x`), so a VM with zero base stays at zero.
A workload without shapes is steady.
*/
import {StateStream} from './rng.js';
import type {
	ResourceVector, VmRandomState, Workload, WorkloadShape,
} from './types.js';

export type DemandResult = {
	demand: ResourceVector;
	random: VmRandomState;
};

/** Linear interpolation of a replayed series at a (fractional) sample position. */
export function replayFactor(values: readonly number[], sampleTicks: number, loop: boolean, tick: number): number {
	if (values.length === 0) {
		return 1;
	}

	let position = tick / sampleTicks;
	if (loop) {
		position %= values.length;
	}

	// Past the last sample: hold it, or (looping) run on to the first. One formula for the end and the
	// rest (the last sample held is itself and nothing more), so that a trace's end meets no code the
	// optimising compiler has never seen run.
	const last = values.length - 1;
	const index = Math.floor(position);
	const next = index + 1 > last ? (loop ? 0 : last) : index + 1;
	return lerp(values[Math.min(index, last)]!, values[next]!, position - index);
}

function lerp(from: number, to: number, fraction: number): number {
	return from + ((to - from) * fraction);
}

/** Factor of a flash crowd: climbs over `rampTicks`, holds, falls over `rampTicks`. */
export function flashCrowdFactor(shape: Extract<WorkloadShape, {kind: 'flashCrowd'}>, tick: number): number {
	const offset = tick - shape.startTick;
	if (offset < 0 || offset >= shape.durationTicks) {
		return 1;
	}

	const ramp = Math.max(1, Math.min(shape.rampTicks, shape.durationTicks / 2));
	const edge = Math.min(offset + 1, shape.durationTicks - offset);
	const share = Math.min(1, edge / ramp);
	return 1 + ((shape.factor - 1) * share);
}

export function rampFactor(shape: Extract<WorkloadShape, {kind: 'ramp'}>, tick: number): number {
	if (tick <= shape.startTick) {
		return shape.fromFactor;
	}

	if (tick >= shape.endTick) {
		return shape.toFactor;
	}

	return lerp(shape.fromFactor, shape.toFactor, (tick - shape.startTick) / (shape.endTick - shape.startTick));
}

export function diurnalFactor(shape: Extract<WorkloadShape, {kind: 'diurnal'}>, tick: number): number {
	return 1 + (shape.amplitude * Math.sin(2 * Math.PI * ((tick / shape.periodTicks) + shape.phase)));
}

/**
Writes the demand at `tick` into `out` and moves the VM's random state on, in place: the hot path of
a tick, free of allocation but for the PRNG. Shapes that draw random numbers (AR(1), bursts) draw from
the VM's own stream in shape order, one draw each per tick.
*/
const stream = new StateStream();

/** Reads a replayed series at the tick being sampled: the default interpolates at `tick`; a semantics may read it its own way. */
export type ReplayReader = (values: readonly number[], sampleTicks: number, loop: boolean, tick: number) => number;

export function sampleDemand(workload: Workload, random: VmRandomState, tick: number, out: ResourceVector, replay: ReplayReader = replayFactor): void {
	let cpu = 1;
	let memory = 1;
	let disk = 1;
	let network = 1;
	stream.state = random.rng;
	stream.spare = random.spareNormal;
	let noiseIndex = 0;
	let burstIndex = 0;

	for (const shape of workload.shapes) {
		let factor: number;
		switch (shape.kind) {
			case 'diurnal': {
				factor = diurnalFactor(shape, tick);
				break;
			}

			case 'ar1': {
				// X' = phi X + sigma sqrt(1 - phi^2) e keeps the stationary standard deviation at sigma.
				const next = (shape.phi * (random.noise[noiseIndex] ?? 0)) + (shape.sigma * Math.sqrt(1 - (shape.phi ** 2)) * stream.normal());
				// `+ 0` turns -0 (sigma 0 times a negative draw) into 0: the world must survive a JSON round trip.
				random.noise[noiseIndex++] = next + 0;
				factor = Math.max(0, 1 + next);
				break;
			}

			case 'bursts': {
				// A two-state Markov chain: leaving a state has probability 1 / mean duration per tick.
				const on = random.burstOn[burstIndex] ?? false;
				const nowOn = stream.uniform() < 1 / (on ? shape.meanOnTicks : shape.meanOffTicks) ? !on : on;
				random.burstOn[burstIndex++] = nowOn;
				factor = nowOn ? shape.factor : 1;
				break;
			}

			case 'ramp': {
				factor = rampFactor(shape, tick);
				break;
			}

			case 'flashCrowd': {
				factor = flashCrowdFactor(shape, tick);
				break;
			}

			case 'replay': {
				factor = replay(shape.values, shape.sampleTicks, shape.loop, tick);
				break;
			}
		}

		for (const resource of shape.resources) {
			switch (resource) {
				case 'cpu': {
					cpu *= factor;
					break;
				}

				case 'memory': {
					memory *= factor;
					break;
				}

				case 'disk': {
					disk *= factor;
					break;
				}

				case 'network': {
					network *= factor;
					break;
				}
			}
		}
	}

	random.spareNormal = stream.spare;
	const {base} = workload;
	out.cpu = Math.max(0, base.cpu * cpu);
	out.memory = Math.max(0, base.memory * memory);
	out.disk = Math.max(0, base.disk * disk);
	out.network = Math.max(0, base.network * network);
}

/** The demand at `tick` and the VM's next random state, leaving `random` as it was. */
export function computeDemand(workload: Workload, random: VmRandomState, tick: number): DemandResult {
	const next = structuredClone(random);
	const demand = {
		cpu: 0, memory: 0, disk: 0, network: 0,
	};
	sampleDemand(workload, next, tick, demand);
	return {demand, random: next};
}

/** The random state a new VM starts with: no noise, bursts off. */
export function initialRandomState(rng: number[], workload: Workload): VmRandomState {
	return {
		rng,
		noise: workload.shapes.filter(shape => shape.kind === 'ar1').map(() => 0),
		burstOn: workload.shapes.filter(shape => shape.kind === 'bursts').map(() => false),
		spareNormal: null,
	};
}
