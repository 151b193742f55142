/* eslint-disable no-bitwise, unicorn/prefer-math-trunc -- a PRNG and a hash are 32-bit integer arithmetic. */
/**
Seeded randomness over plain state. Each VM owns an independent xoroshiro128+ stream whose four 32-bit
words live in the world, so adding a VM does not change the numbers any other VM draws, and a saved
world resumes with the very same numbers.

The streams are pure-rand's xoroshiro128+ (`pure-rand/generator/xoroshiro128plus`), and draws go
through pure-rand's distributions. On the per-tick path the generator is stepped in place on the
stored words (`StateStream`) instead of being rebuilt from them for every VM on every tick, which
cost more than the draws; a test checks that both give the same numbers, bit for bit.
*/
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

/**
Xoroshiro128+ stepped in place on a state stored as pure-rand's `getState()` words
(`[s01, s00, s11, s10]`); `next()` is pure-rand's own step. Point `state` at a VM's words, draw, move on.
*/
export class StateStream {
	state: number[] = [0, 0, 0, 0];
	spare: number | null = null;

	next(): number {
		const {state} = this;
		const s01 = state[0]!;
		const s00 = state[1]!;
		const s11 = state[2]!;
		const s10 = state[3]!;
		const out = (s00 + s10) | 0;
		const a0 = s10 ^ s00;
		const a1 = s11 ^ s01;
		state[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
		state[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
		state[3] = (a1 << 5) ^ (a0 >>> 27);
		state[2] = (a0 << 5) ^ (a1 >>> 27);
		return out;
	}

	clone(): StateStream {
		const copy = new StateStream();
		copy.state = [...this.state];
		copy.spare = this.spare;
		return copy;
	}

	getState(): readonly number[] {
		return [...this.state];
	}

	/** Uniform in [0, 1), by pure-rand's distribution. */
	uniform(): number {
		return uniformFloat64(this);
	}

	/**
	Standard normal by the Box-Muller transform (pure-rand ships uniform distributions only). A pair of
	uniforms gives two independent normals; the second waits in `spare` (stored with the stream's
	state) for the next call.
	*/
	normal(): number {
		if (this.spare !== null) {
			const value = this.spare;
			this.spare = null;
			return value;
		}

		const u1 = 1 - uniformFloat64(this);
		const u2 = uniformFloat64(this);
		const radius = Math.sqrt(-2 * Math.log(u1));
		const angle = 2 * Math.PI * u2;
		this.spare = radius * Math.sin(angle);
		return radius * Math.cos(angle);
	}
}

/** A reader over a copy of a stream's state, for set-up code; `save()` returns the advanced state. */
export type StreamReader = {
	uniform(): number;
	normal(): number;
	save(): number[];
};

export function readStream(state: readonly number[]): StreamReader {
	const stream = new StateStream();
	stream.state = [...state];
	return {
		uniform: () => stream.uniform(),
		normal: () => stream.normal(),
		save: () => [...stream.state],
	};
}

/** Pure-rand's own generator over a state, as the reference `StateStream` must match. */
export function referenceGenerator(state: readonly number[]) {
	return xoroshiro128plusFromState(state);
}
