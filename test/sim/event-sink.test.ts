import test from 'ava';
import {demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {indexTimeline} from '../../source/sim/run.js';
import {cloneWorld, stepInPlace} from '../../source/sim/step.js';
import type {SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';

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
