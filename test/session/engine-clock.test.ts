import test from 'ava';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {SessionEngine, type SessionOptions} from '../../source/session/session-engine.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource, minimumPeriodMs} from '../../source/ui/tick-source.js';

const built = await loadScenario();

function started(options: Partial<SessionOptions> = {}) {
	const clock = createManualTickSource();
	const session = new SessionEngine({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, clock, ...options,
	});
	let publishes = 0;
	session.subscribe(() => {
		publishes++;
	});
	session.start();
	return {
		session, clock, tick: () => session.getSnapshot().tick, publishes: () => publishes,
	};
}

test('nothing runs until the session is started, and nothing after it is stopped', t => {
	const clock = createManualTickSource();
	const session = new SessionEngine({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, clock,
	});
	t.is(clock.pending(), 0);
	session.start();
	t.deepEqual(clock.delays(), [1000], '1x: a tick a second');
	clock.fire();
	t.is(session.getSnapshot().tick, 1);
	session.stop();
	t.is(clock.pending(), 0);
	t.is(built.world.tick, 0, 'the session runs its own copy of the world');
});

test('pause stops the ticks, and step advances exactly one; resume runs the clock again', t => {
	const {session, clock, tick} = started();
	clock.fire();
	session.pause();
	t.is(session.getSnapshot().state.kind, 'paused');
	t.is(clock.pending(), 0, 'no callback scheduled while paused');
	clock.fire();
	t.is(tick(), 1);
	session.step();
	t.is(tick(), 2);
	session.step();
	t.is(tick(), 3);
	session.resume();
	t.is(session.getSnapshot().state.kind, 'running');
	t.is(clock.pending(), 1);
	clock.fire();
	t.is(tick(), 4);
});

test('speed sets the period, down to 100 ms, and past 10x the steps a callback runs: 64x is 6, 6, 7, 6, 7', t => {
	const {session, clock, tick} = started();
	session.setSpeed(4);
	t.deepEqual(clock.delays(), [250], 'a new speed re-arms the clock at its period');
	clock.fire();
	t.is(tick(), 1, 'up to 10x a callback runs one step');
	session.setSpeed(64);
	t.deepEqual(clock.delays(), [minimumPeriodMs]);
	const steps: number[] = [];
	for (let index = 0; index < 5; index++) {
		const before = tick();
		clock.fire();
		steps.push(tick() - before);
	}

	t.deepEqual(steps, [6, 6, 7, 6, 7]);
	t.deepEqual(clock.delays(), [minimumPeriodMs]);
	session.setSpeed(0.25);
	t.deepEqual(clock.delays(), [4000]);
	t.is(session.getSnapshot().speed, 0.25);
});

for (const speed of [16, 32, 64]) {
	test(`at ${speed}x: one snapshot a callback however many ticks it runs, and callbacks at least ${minimumPeriodMs} ms apart`, t => {
		const {session, clock, tick, publishes} = started({speed});
		const seen = new Set([session.getSnapshot()]);
		for (let index = 0; index < 40; index++) {
			t.true(clock.delays().every(delay => delay >= minimumPeriodMs));
			clock.fire();
			seen.add(session.getSnapshot());
		}

		t.is(publishes(), 40);
		t.is(seen.size, 41);
		t.is(tick(), speed * 40 * Math.max(minimumPeriodMs, 1000 / speed) / 1000);
	});
}

test('a snapshot is the same object until something changes, and a new one after', t => {
	const {session, clock, publishes} = started();
	const first = session.getSnapshot();
	t.is(session.getSnapshot(), first);
	t.true(Object.isFrozen(first));
	session.give([{type: 'failHost', hostId: 'h01'}]);
	session.resume();
	session.setSpeed(1);
	t.is(session.getSnapshot(), first, 'a command waiting for its tick, resuming a running session, the same speed: nothing to show');
	t.is(publishes(), 0);
	session.pause();
	const paused = session.getSnapshot();
	t.not(paused, first);
	t.is(paused.frame, first.frame, 'pausing changes no row');
	session.pause();
	t.is(session.getSnapshot(), paused);
	session.setSpeed(2);
	t.not(session.getSnapshot(), paused);
	t.is(session.getSnapshot().speed, 2);
	session.resume();
	const resumed = session.getSnapshot();
	clock.fire();
	t.not(session.getSnapshot(), resumed);
	t.is(session.getSnapshot().tick, 1);
	t.is(publishes(), 4);
});

test('a snapshot never changes after it is published, though the world goes on in place', t => {
	const {session, clock} = started({speed: 64});
	for (let index = 0; index < 30; index++) {
		clock.fire();
	}

	const snapshot = session.getSnapshot();
	const copy = structuredClone(snapshot);
	for (let index = 0; index < 30; index++) {
		clock.fire();
	}

	t.not(session.getSnapshot().tick, snapshot.tick);
	t.deepEqual(snapshot, copy);
});

test('a host row whose data did not change is the last snapshot\'s object (a memoised row skips it)', t => {
	const {session, clock} = started({speed: 64});
	// Long enough for the idle scratch host's history to fill with zeros: another zero changes nothing.
	for (let index = 0; index < 60; index++) {
		clock.fire();
	}

	session.pause();
	const before = session.getSnapshot();
	session.step();
	const after = session.getSnapshot();
	const kept = after.frame.model.hosts.filter((row, index) => row === before.frame.model.hosts[index]);
	t.true(kept.length > 0, 'idle hosts (the scratch host) keep their row');
	t.true(kept.length < after.frame.model.hosts.length, 'busy hosts get new rows');
});
