/**
Workloads in a scenario: a base demand and the shapes that move it over time. Most of a shape's numbers
may be a range instead, drawn once per VM at build time (./draw-ranges.ts says how and which).
*/
import * as z from 'zod';
import {
	between, factor, maxFactor, maxShapes, maxTicks, nonNegative, nonNegativeInt, positive, positiveInt, rangeOf, ranged, shapeResources,
} from './schema-values.js';

const phi = z.number({error: 'expected phi in [0, 1)'}).min(0, {error: 'expected phi in [0, 1)'}).lt(1, {error: 'expected phi in [0, 1)'});

export const shapeSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('diurnal'),
		amplitude: ranged(between(0, 1, 'an amplitude'), 'an amplitude from 0 to 1'),
		periodTicks: ranged(positiveInt(), 'a positive whole number'),
		phase: z.union([between(0, 1), z.literal('per-vm'), rangeOf(between(0, 1))], {error: 'expected a phase between 0 and 1, "per-vm", or a range {"from": a, "to": b}'})
			.default(0)
			.describe('Fraction of a period; "per-vm" draws one from each VM\'s own stream; a range draws one per VM at build time.'),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('ar1'),
		phi: ranged(phi, 'phi in [0, 1)'),
		sigma: ranged(factor('a standard deviation >= 0'), 'a standard deviation >= 0').describe('Relative to the demand (0.1 = 10 %).'),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('bursts'),
		meanOnTicks: ranged(between(1, maxTicks, 'a mean duration in ticks'), 'a mean duration in ticks'),
		meanOffTicks: ranged(between(1, maxTicks, 'a mean duration in ticks'), 'a mean duration in ticks'),
		factor: ranged(factor(), 'a factor >= 0'),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('ramp'),
		startTick: nonNegativeInt(),
		endTick: nonNegativeInt(),
		fromFactor: ranged(factor(), 'a factor >= 0'),
		toFactor: ranged(factor(), 'a factor >= 0'),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('flashCrowd'),
		startTick: ranged(nonNegativeInt(), 'a whole number >= 0'),
		durationTicks: ranged(positiveInt(), 'a positive whole number'),
		factor: ranged(factor(), 'a factor >= 0'),
		rampTicks: nonNegativeInt().default(10),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('replay'),
		values: z.array(factor()).min(1, {error: 'expected at least one value'}).describe('Factors of the base demand, one per sample.'),
		sampleTicks: between(0.001, maxTicks, 'ticks per sample'),
		loop: z.boolean().default(false),
		resources: shapeResources,
	}).strict(),
], {error: 'expected a shape with kind diurnal, ar1, bursts, ramp, flashCrowd or replay'})
	// Named, so the JSON Schema holds it once (under $defs) for the three lists that take shapes.
	.meta({id: 'shape'});

const shapeList = z.array(shapeSchema).max(maxShapes, {error: `expected at most ${maxShapes} shapes`});

const baseSchema = z.object({
	cpu: nonNegative().describe('CPU units (100 = one server)'),
	memory: nonNegative().describe('working set, MiB'),
	disk: nonNegative().describe('disk I/O, MB/s'),
	network: nonNegative().describe('network, Mbit/s'),
}).strict();

export const workloadSchema = z.object({
	base: baseSchema,
	shapes: shapeList.default([]),
}).strict();

// Two fields, not a flag beside one list: which one a VM gives says what happens to its class's shapes.
export const workloadOverrideSchema = z.object({
	base: baseSchema.partial().optional().describe('Overrides fields of the class\'s base demand.'),
	scale: ranged(positive('a positive scale', maxFactor), 'a positive scale').optional().describe('Multiplies the whole base demand.'),
	shapes: shapeList.optional().describe('Added after the class\'s shapes.'),
	replaceShapes: shapeList.optional().describe('Instead of the class\'s shapes (its own diurnal phase, its own noise).'),
	noiseSeed: nonNegativeInt('a whole number >= 0', Number.MAX_SAFE_INTEGER).optional()
		.describe('Seeds the VM\'s own stream (noise, bursts, "per-vm" phases) instead of the scenario seed and its position: VMs with one noiseSeed share their noise, whatever --seed says.'),
}).strict().refine(override => override.shapes === undefined || override.replaceShapes === undefined, {
	error: 'expected shapes (added to the class\'s) or replaceShapes (instead of them), not both', path: ['replaceShapes'],
});

export type ScenarioShape = z.output<typeof shapeSchema>;
