/**
Seeded randomness over plain state. Each VM owns an independent xoroshiro128+ stream (pure-rand)
whose state lives in the world, so adding a VM does not change the numbers any other VM draws,
and a saved world resumes with the very same numbers.
*/
/* eslint-disable no-bitwise, unicorn/prefer-math-trunc -- 32-bit integer hashing is bit arithmetic. */
import {uniformFloat64} from 'pure-rand/distribution/uniformFloat64';
import {xoroshiro128plus, xoroshiro128plusFromState} from 'pure-rand/generator/xoroshiro128plus';

/**
Mixes the scenario seed with a stream number (the VM's ordinal) into a 32-bit seed.
A murmur3-style finaliser: neighbouring VMs get unrelated streams.
*/
export function streamSeed(seed: number, stream: number): number {
	let h = (seed ^ Math.imul(stream + 1, 0x9E_37_79_B9)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85_EB_CA_6B);
	h = Math.imul(h ^ (h >>> 13), 0xC2_B2_AE_35);
	return (h ^ (h >>> 16)) | 0;
}

export function createStream(seed: number, stream: number): number[] {
	return [...xoroshiro128plus(streamSeed(seed, stream)).getState()];
}

/** A mutable reader over a stream's state; `save()` returns the state to store back. */
export type StreamReader = {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Standard normal, by the Box-Muller transform (pure-rand ships uniform distributions only). */
	normal(): number;
	save(): number[];
};

export function readStream(state: readonly number[]): StreamReader {
	const generator = xoroshiro128plusFromState(state);
	return {
		uniform: () => uniformFloat64(generator),
		normal() {
			const u1 = 1 - uniformFloat64(generator);
			const u2 = uniformFloat64(generator);
			return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
		},
		save: () => [...generator.getState()],
	};
}
