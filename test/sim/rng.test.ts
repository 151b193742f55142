import test from 'ava';
import fc from 'fast-check';
import {uniformFloat64} from 'pure-rand/distribution/uniformFloat64';
import {
	createStream, readStream, referenceGenerator, StateStream, streamSeed,
} from '../../source/sim/rng.js';

test('StateStream steps exactly as pure-rand\'s xoroshiro128+ does, bit for bit', t => {
	fc.assert(fc.property(fc.nat(), fc.nat({max: 100_000}), (seed, streamNumber) => {
		const state = createStream(seed, streamNumber);
		const reference = referenceGenerator(state);
		const stream = new StateStream();
		stream.state = [...state];
		for (let index = 0; index < 50; index++) {
			t.is(stream.next(), reference.next());
		}

		t.deepEqual(stream.state, [...reference.getState()]);
	}), {numRuns: 50});
});

test('uniform draws match pure-rand\'s distribution over the reference generator', t => {
	const state = createStream(42, 7);
	const reference = referenceGenerator(state);
	const reader = readStream(state);
	for (let index = 0; index < 100; index++) {
		const value = reader.uniform();
		t.is(value, uniformFloat64(reference));
		t.true(value >= 0 && value < 1);
	}
});

test('neighbouring streams and seeds get unrelated seeds', t => {
	const seeds = new Set<number>();
	for (let seed = 0; seed < 20; seed++) {
		for (let stream = 0; stream < 50; stream++) {
			seeds.add(streamSeed(seed, stream));
		}
	}

	t.is(seeds.size, 1000);
});

test('reading a stream never changes the state it was given', t => {
	const state = createStream(1, 2);
	const copy = [...state];
	const reader = readStream(state);
	reader.normal();
	reader.uniform();
	t.deepEqual(state, copy);
	t.notDeepEqual(reader.save(), copy);
});
