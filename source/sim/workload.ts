/**
Demand of one VM at one tick: base demand times the factors of its shapes.

The default scenario follows models.md section 7.3: `base x diurnal wave + AR(1) noise + scheduled
flash crowds`. Noise is multiplicative (`1 + x`), so a VM with zero base stays at zero.
A workload without shapes is steady.
*/
import {readStream, type StreamReader} from './rng.js';
import type {
	Resource, ResourceVector, VmRandomState, Workload, WorkloadShape,
} from './types.js';

export type DemandResult = {
	demand: ResourceVector;
	random: VmRandomState;
};

type Factors = Record<Resource, number>;

function multiply(factors: Factors, shape: WorkloadShape, factor: number): void {
	for (const resource of shape.resources) {
		factors[resource] *= factor;
	}
}

/** Linear interpolation of a replayed series at a (fractional) sample position. */
export function replayFactor(values: readonly number[], sampleTicks: number, loop: boolean, tick: number): number {
	if (values.length === 0) {
		return 1;
	}

	let position = tick / sampleTicks;
	if (loop) {
		position %= values.length;
	}

	const index = Math.floor(position);
	if (index >= values.length - 1) {
		return loop && values.length > 1
			? lerp(values.at(-1)!, values[0]!, position - index)
			: values.at(-1)!;
	}

	return lerp(values[index]!, values[index + 1]!, position - index);
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

function isStochastic(shape: WorkloadShape): boolean {
	return shape.kind === 'ar1' || shape.kind === 'bursts';
}

/**
Computes the demand at `tick` and the VM's next random state. Shapes that draw random numbers
(AR(1), bursts) draw from the VM's own stream in shape order, one draw each per tick.
*/
export function computeDemand(workload: Workload, random: VmRandomState, tick: number): DemandResult {
	const factors: Factors = {
		cpu: 1, memory: 1, disk: 1, network: 1,
	};
	let stream: StreamReader | undefined;
	let {noise} = random;
	let {burstOn} = random;
	let noiseIndex = 0;
	let burstIndex = 0;

	for (const shape of workload.shapes) {
		if (isStochastic(shape) && stream === undefined) {
			stream = readStream(random.rng);
			noise = [...random.noise];
			burstOn = [...random.burstOn];
		}

		switch (shape.kind) {
			case 'diurnal': {
				multiply(factors, shape, diurnalFactor(shape, tick));
				break;
			}

			case 'ar1': {
				// X' = phi X + sigma sqrt(1 - phi^2) e keeps the stationary standard deviation at sigma.
				const previous = noise[noiseIndex] ?? 0;
				const next = (shape.phi * previous) + (shape.sigma * Math.sqrt(1 - (shape.phi ** 2)) * stream!.normal());
				noise[noiseIndex] = next;
				noiseIndex++;
				multiply(factors, shape, Math.max(0, 1 + next));
				break;
			}

			case 'bursts': {
				// A two-state Markov chain: leaving a state has probability 1 / mean duration per tick.
				const on = burstOn[burstIndex] ?? false;
				const leave = stream!.uniform() < 1 / (on ? shape.meanOnTicks : shape.meanOffTicks);
				const nowOn = leave ? !on : on;
				burstOn[burstIndex] = nowOn;
				burstIndex++;
				if (nowOn) {
					multiply(factors, shape, shape.factor);
				}

				break;
			}

			case 'ramp': {
				multiply(factors, shape, rampFactor(shape, tick));
				break;
			}

			case 'flashCrowd': {
				multiply(factors, shape, flashCrowdFactor(shape, tick));
				break;
			}

			case 'replay': {
				multiply(factors, shape, replayFactor(shape.values, shape.sampleTicks, shape.loop, tick));
				break;
			}
		}
	}

	const {base} = workload;
	return {
		demand: {
			cpu: Math.max(0, base.cpu * factors.cpu),
			memory: Math.max(0, base.memory * factors.memory),
			disk: Math.max(0, base.disk * factors.disk),
			network: Math.max(0, base.network * factors.network),
		},
		random: stream === undefined ? random : {rng: stream.save(), noise, burstOn},
	};
}

/** The random state a new VM starts with: no noise, bursts off. */
export function initialRandomState(rng: number[], workload: Workload): VmRandomState {
	return {
		rng,
		noise: workload.shapes.filter(shape => shape.kind === 'ar1').map(() => 0),
		burstOn: workload.shapes.filter(shape => shape.kind === 'bursts').map(() => false),
	};
}
