import test from 'ava';
import fc from 'fast-check';
import {runTicks, indexTimeline} from '../../source/sim/run.js';
import {step, stepInPlace, cloneWorld} from '../../source/sim/step.js';
import type {Command, SimEvent, World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {runArbitrary} from '../helpers/arbitraries.js';
import {invariantViolations} from '../helpers/invariants.js';
import {build} from '../helpers/scenarios.js';
import {demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {RefilledLists} from '../../source/sim/lists.js';

const runs = {numRuns: 60};

function play(world: World, commands: readonly Command[][]) {
	return runTicks(world, defaultStrategies, {
		ticks: commands.length + 10,
		timeline: commands.flatMap((list, tick) => list.map(command => ({tick, command}))),
	});
}

test('determinism: the same scenario, seed and commands give deep-equal worlds and event logs', t => {
	t.notThrows(() => {
		fc.assert(fc.property(runArbitrary, ({input, commands}) => {
			const first = play(build(input).world, commands);
			const second = play(build(input).world, commands);
			return JSON.stringify(first) === JSON.stringify(second);
		}), runs);
	});
});

/** Problems found in any tick of a run, for the invariant property. */
function violationsDuring(input: Parameters<typeof build>[0], commands: readonly Command[][]): string[] {
	const timeline = commands.flatMap((list, tick) => list.map(command => ({tick, command})));
	const problems: string[] = [];
	runTicks(build(input).world, defaultStrategies, {
		ticks: commands.length + 10,
		timeline,
		onTick(world) {
			problems.push(...invariantViolations(world));
		},
	});
	return problems;
}

test('after every tick, every VM is on exactly one host or in exactly one migration, and no host hands out more than it has', t => {
	t.notThrows(() => {
		fc.assert(fc.property(runArbitrary, ({input, commands}) => {
			const problems = violationsDuring(input, commands);
			if (problems.length > 0) {
				throw new Error(problems.slice(0, 3).join('; '));
			}
		}), runs);
	});
});

test('the world is plain data: a JSON round trip deep-equals it, at any tick', t => {
	fc.assert(fc.property(runArbitrary, ({input, commands}) => {
		const {world} = play(build(input).world, commands);
		t.deepEqual(JSON.parse(JSON.stringify(world)), world); // eslint-disable-line unicorn/prefer-structured-clone -- the JSON round trip is the point
	}), runs);
});

test('step leaves its input untouched and agrees with stepInPlace on a copy', t => {
	fc.assert(fc.property(runArbitrary, ({input, commands}) => {
		let {world} = build(input);
		for (const list of commands) {
			const before = JSON.stringify(world);
			const copy = cloneWorld(world);
			const result = step(world, list, defaultStrategies);
			const events = stepInPlace(copy, list, defaultStrategies);
			t.is(JSON.stringify(world), before);
			t.deepEqual(result.world, copy);
			t.deepEqual(result.events, events);
			world = result.world;
		}
	}), {numRuns: 25});
});

test('a run resumed from a JSON snapshot continues exactly as the uninterrupted run', t => {
	fc.assert(fc.property(runArbitrary, fc.integer({min: 1, max: 30}), ({input}, split) => {
		const {world} = build(input);
		const whole = runTicks(world, defaultStrategies, {ticks: 40});
		const half = runTicks(world, defaultStrategies, {ticks: split});
		const snapshot = JSON.parse(JSON.stringify(half.world)) as World; // eslint-disable-line unicorn/prefer-structured-clone -- a saved and reloaded world
		const resumed = runTicks(snapshot, defaultStrategies, {ticks: 40 - split});
		t.deepEqual(resumed.world, whole.world);
		t.deepEqual([...half.events, ...resumed.events], whole.events);
	}), {numRuns: 25});
});

test('adding a VM does not change the numbers any other VM draws', t => {
	fc.assert(fc.property(runArbitrary, ({input}) => {
		fc.pre(input.vms.length > 1);
		const fewer = {...input, vms: input.vms.slice(0, -1)};
		const withAll = runTicks(build(input).world, defaultStrategies, {ticks: 30}).world;
		const without = runTicks(build(fewer).world, defaultStrategies, {ticks: 30}).world;
		for (const [index, vm] of without.vms.entries()) {
			t.deepEqual(withAll.vms[index]!.random, vm.random);
			t.deepEqual(withAll.vms[index]!.usage.demand, vm.usage.demand);
		}
	}), {numRuns: 25});
});

test('with a sink, a tick hands each event to it as it happens, the same events in the same order, and returns none', async t => {
	// The demo: a flash crowd, pre-copy and post-copy migrations, a host failure, a cross-subnet move.
	const {world, timeline} = await loadScenario({path: demoScenarioPath});
	const byTick = indexTimeline(timeline);
	const held = cloneWorld(world);
	const streamed = cloneWorld(world);
	const heldEvents: SimEvent[] = [];
	const streamedEvents: SimEvent[] = [];
	for (let tick = 0; tick < 400; tick++) {
		heldEvents.push(...stepInPlace(held, byTick.get(held.tick) ?? [], defaultStrategies));
		const returned = stepInPlace(streamed, byTick.get(streamed.tick) ?? [], defaultStrategies, event => {
			streamedEvents.push(event);
		});
		t.is(returned.length, 0);
	}

	t.deepEqual(streamedEvents, heldEvents);
	t.deepEqual(streamed, held);
	t.true(new Set(heldEvents.map(event => event.type)).size > 10, 'the run covers many kinds of event');
});

test('property: lists refilled in place read as new lists of what each refill added, in order', t => {
	fc.assert(fc.property(
		fc.integer({min: 1, max: 6}),
		fc.array(fc.array(fc.tuple(fc.nat(), fc.integer())), {maxLength: 8}),
		(slots, refills) => {
			const refilled = new RefilledLists<number>(slots);
			for (const additions of refills) {
				const expected = Array.from({length: slots}, (): number[] => []);
				for (const [slot, item] of additions) {
					refilled.add(slot % slots, item);
					expected[slot % slots]!.push(item);
				}

				refilled.end();
				t.deepEqual(refilled.lists, expected);
			}
		},
	), {seed: 23, numRuns: 300});
});
