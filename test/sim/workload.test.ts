import test from 'ava';
import fc from 'fast-check';
import {uniformFloat64} from 'pure-rand/distribution/uniformFloat64';
import {
	createStream, readStream, referenceGenerator, StateStream, streamSeed,
} from '../../source/sim/rng.js';
import type {Resource, Workload, WorkloadShape} from '../../source/sim/types.js';
import {
	computeDemand, diurnalFactor, flashCrowdFactor, initialRandomState, rampFactor, replayFactor,
} from '../../source/sim/workload.js';

const base = {
	cpu: 20, memory: 300, disk: 10, network: 100,
};
const all: Resource[] = ['cpu', 'memory', 'disk', 'network'];

function series(workload: Workload, ticks: number, seed = 1): Array<typeof base> {
	let random = initialRandomState(createStream(seed, 0), workload);
	const demands = [];
	for (let tick = 0; tick < ticks; tick++) {
		const result = computeDemand(workload, random, tick);
		random = result.random;
		demands.push(result.demand);
	}

	return demands;
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

test('a workload without shapes is steady at its base', t => {
	for (const demand of series({base, shapes: []}, 50)) {
		t.deepEqual(demand, base);
	}
});

test('the diurnal wave swings between 1 - a and 1 + a around base, with its phase', t => {
	const shape: Extract<WorkloadShape, {kind: 'diurnal'}> = {
		kind: 'diurnal', amplitude: 0.4, periodTicks: 100, phase: 0, resources: ['cpu'],
	};
	t.is(diurnalFactor(shape, 0), 1);
	t.true(Math.abs(diurnalFactor(shape, 25) - 1.4) < 1e-12);
	t.true(Math.abs(diurnalFactor(shape, 75) - 0.6) < 1e-12);
	t.true(Math.abs(diurnalFactor({...shape, phase: 0.25}, 0) - 1.4) < 1e-12);
	const demands = series({base, shapes: [shape]}, 100);
	t.true(Math.abs(mean(demands.map(d => d.cpu)) - base.cpu) < 1e-9, 'a whole period averages to base');
	t.true(demands.every(d => d.network === base.network), 'resources not listed stay at base');
});

test('a flash crowd climbs over its ramp, holds its factor, and ends on time', t => {
	const shape: Extract<WorkloadShape, {kind: 'flashCrowd'}> = {
		kind: 'flashCrowd', startTick: 10, durationTicks: 20, factor: 3, rampTicks: 4, resources: ['cpu'],
	};
	t.is(flashCrowdFactor(shape, 9), 1);
	t.is(flashCrowdFactor(shape, 10), 1.5);
	t.is(flashCrowdFactor(shape, 13), 3);
	t.is(flashCrowdFactor(shape, 20), 3);
	t.is(flashCrowdFactor(shape, 29), 1.5);
	t.is(flashCrowdFactor(shape, 30), 1);
});

test('a ramp interpolates and then holds its final factor', t => {
	const shape: Extract<WorkloadShape, {kind: 'ramp'}> = {
		kind: 'ramp', startTick: 10, endTick: 20, fromFactor: 1, toFactor: 2, resources: ['cpu'],
	};
	t.is(rampFactor(shape, 0), 1);
	t.is(rampFactor(shape, 15), 1.5);
	t.is(rampFactor(shape, 100), 2);
});

test('replay interpolates linearly between samples, as CloudSim does, and holds or loops at the end', t => {
	t.is(replayFactor([0.1, 0.5], 300, false, 0), 0.1);
	t.true(Math.abs(replayFactor([0.1, 0.5], 300, false, 150) - 0.3) < 1e-12);
	t.is(replayFactor([0.1, 0.5], 300, false, 900), 0.5);
	t.true(Math.abs(replayFactor([0, 1], 10, true, 15) - 0.5) < 1e-12, 'loops back towards the first value');
	t.is(replayFactor([0, 1], 10, true, 20), 0);
});

/** Replay as it was first written, with a branch for the end of the series: what `replayFactor` must still give, bit for bit. */
function replayWithBranches(values: readonly number[], sampleTicks: number, loop: boolean, tick: number): number {
	if (values.length === 0) {
		return 1;
	}

	let position = tick / sampleTicks;
	if (loop) {
		position %= values.length;
	}

	const index = Math.floor(position);
	const lerp = (from: number, to: number, fraction: number) => from + ((to - from) * fraction);
	if (index >= values.length - 1) {
		return loop && values.length > 1 ? lerp(values.at(-1)!, values[0]!, position - index) : values.at(-1)!;
	}

	return lerp(values[index]!, values[index + 1]!, position - index);
}

test('property: replay gives what the branching version gives, inside the series, at its end and past it', t => {
	fc.assert(fc.property(
		fc.array(fc.integer({min: 0, max: 100}).map(percent => percent / 100), {maxLength: 6}),
		fc.integer({min: 1, max: 7}),
		fc.boolean(),
		fc.nat(60),
		(values, sampleTicks, loop, tick) => {
			t.is(replayFactor(values, sampleTicks, loop, tick), replayWithBranches(values, sampleTicks, loop, tick));
		},
	), {seed: 24, numRuns: 500});
});

test('AR(1) noise keeps its stationary standard deviation and lag-1 autocorrelation', t => {
	const shape: WorkloadShape = {
		kind: 'ar1', phi: 0.8, sigma: 0.1, resources: all,
	};
	const values = series({base, shapes: [shape]}, 20_000).map(d => (d.cpu / base.cpu) - 1);
	const m = mean(values);
	const variance = mean(values.map(value => (value - m) ** 2));
	const lag1 = mean(values.slice(1).map((value, index) => (value - m) * (values[index]! - m))) / variance;
	t.true(Math.abs(Math.sqrt(variance) - 0.1) < 0.01, `sd ${Math.sqrt(variance)}`);
	t.true(Math.abs(lag1 - 0.8) < 0.03, `lag-1 ${lag1}`);
	t.true(Math.abs(m) < 0.02, `mean ${m}`);
});

test('on/off bursts are on for about on / (on + off) of the time', t => {
	const shape: WorkloadShape = {
		kind: 'bursts', meanOnTicks: 10, meanOffTicks: 30, factor: 3, resources: ['cpu'],
	};
	const demands = series({base, shapes: [shape]}, 40_000);
	const onShare = demands.filter(d => d.cpu > base.cpu).length / demands.length;
	t.true(Math.abs(onShare - 0.25) < 0.03, `on ${onShare}`);
	t.true(demands.every(d => d.cpu === base.cpu || d.cpu === base.cpu * 3));
});

test('demand is never negative, even with large noise', t => {
	const shape: WorkloadShape = {
		kind: 'ar1', phi: 0.5, sigma: 3, resources: all,
	};
	t.true(series({base, shapes: [shape]}, 2000).every(d => all.every(resource => d[resource] >= 0)));
});

test('the same seed gives the same series and another seed a different one', t => {
	const workload: Workload = {
		base, shapes: [{
			kind: 'ar1', phi: 0.8, sigma: 0.1, resources: ['cpu'],
		}],
	};
	t.deepEqual(series(workload, 100, 5), series(workload, 100, 5));
	t.notDeepEqual(series(workload, 100, 5), series(workload, 100, 6));
});

test('computeDemand leaves the random state it was given untouched', t => {
	const workload: Workload = {
		base, shapes: [{
			kind: 'ar1', phi: 0.8, sigma: 0.1, resources: ['cpu'],
		}, {
			kind: 'bursts', meanOnTicks: 2, meanOffTicks: 2, factor: 2, resources: ['cpu'],
		}],
	};
	const random = initialRandomState(createStream(1, 0), workload);
	const copy = structuredClone(random);
	computeDemand(workload, random, 0);
	t.deepEqual(random, copy);
});

// The random streams the workloads draw from (sim/rng.ts).
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
