/** The hosts' kinds and the two readings of a power curve that the bands' bounds are made of. */
import {interpolate} from '../../sim/power-curve.js';

/** Hosts alike for pricing: the same MIPS, cores and power curve. */
export type BucketKind = {
	/** MIPS of every host of this kind. */
	capacity: number;
	/** Watts at equal steps of utilisation from 0 to 1: a SPECpower table, or two points for a linear model. */
	table: readonly number[];
	/** The most MIPS one core of this kind has: a VM that asks for more fits no host of the kind. */
	coreMips: number;
};

/** A bound a hair lower than `value`, so that rounding never hides the best host. */
export function below(value: number): number {
	return value - (Math.abs(value) * 1e-9) - 1e-9;
}

/** F(u) = W(u + d) - W(u). */
export function rise(table: readonly number[], utilisation: number, share: number): number {
	return interpolate(table, utilisation + share) - interpolate(table, utilisation);
}
