/**
Ranges in a VM's workload, drawn once at build time. Each ranged value has a stream of its own, seeded
by the scenario seed, the VM's position in the (expanded) VM list and the value's place: the scale is
place 0, field f of the shape at position s of the VM's final shape list (class shapes first, then its
own) is place 1 + 8s + f, fields counted in `drawShape`'s order (diurnal amplitude, periodTicks,
phase; ar1 phi, sigma; bursts meanOnTicks, meanOffTicks, factor; ramp fromFactor, toFactor;
flashCrowd startTick, durationTicks, factor). One uniform u in [0, 1) from that stream gives
from + u (to - from), or from + floor(u (to - from + 1)) for a whole number. So the same seed gives
the same draws, every VM draws its own, and changing one range never moves another's draw.
*/
import {createStream, readStream, streamSeed} from '../sim/rng.js';
import type {WorkloadShape} from '../sim/types.js';
import type {ScenarioShape} from './shape-schema.js';

export type Ranged = number | {from: number; to: number};

/** Whose draws these are: the scenario seed and the VM's position in the expanded list. */
export type DrawingVm = {seed: number; vmIndex: number};

/** A value for one VM: the number itself, or a draw from the range at `place`. */
export function drawValue(value: Ranged, vm: DrawingVm, place: number, whole = false): number {
	if (typeof value === 'number') {
		return value;
	}

	const u = readStream(createStream(streamSeed(vm.seed, vm.vmIndex), place)).uniform();
	const span = value.to - value.from;
	return whole ? value.from + Math.floor(u * (span + 1)) : value.from + (u * span);
}

/**
The shape at `position` of a VM's list with its ranges drawn, fields numbered in the order written
here. A "per-vm" phase is drawn from the VM's own stream (`ownStream`), as before ranges existed.
*/
export function drawShape(shape: ScenarioShape, position: number, vm: DrawingVm & {ownStream: () => number}): WorkloadShape {
	const draw = (value: Ranged, field: number, whole = false) => drawValue(value, vm, 1 + (8 * position) + field, whole);
	switch (shape.kind) {
		case 'diurnal': {
			return {
				...shape, amplitude: draw(shape.amplitude, 0), periodTicks: draw(shape.periodTicks, 1, true), phase: shape.phase === 'per-vm' ? vm.ownStream() : draw(shape.phase, 2),
			};
		}

		case 'ar1': {
			return {...shape, phi: draw(shape.phi, 0), sigma: draw(shape.sigma, 1)};
		}

		case 'bursts': {
			return {
				...shape, meanOnTicks: draw(shape.meanOnTicks, 0), meanOffTicks: draw(shape.meanOffTicks, 1), factor: draw(shape.factor, 2),
			};
		}

		case 'ramp': {
			return {...shape, fromFactor: draw(shape.fromFactor, 0), toFactor: draw(shape.toFactor, 1)};
		}

		case 'flashCrowd': {
			return {
				...shape, startTick: draw(shape.startTick, 0, true), durationTicks: draw(shape.durationTicks, 1, true), factor: draw(shape.factor, 2),
			};
		}

		case 'replay': {
			return shape;
		}
	}
}
