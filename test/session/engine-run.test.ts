import test from 'ava';
import {demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {eventMemory} from '../../source/session/event-memory.js';
import {SessionEngine, type SessionOptions} from '../../source/session/session-engine.js';
import {runTicks, type TimedCommand} from '../../source/sim/run.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';

const built = await loadScenario({policy: 'none'});

function started(options: Partial<SessionOptions> = {}) {
	const clock = createManualTickSource();
	const given: TimedCommand[] = [];
	const log: SimEvent[] = [];
	let restarts = 0;
	const session = new SessionEngine({
		world: built.world,
		timeline: built.timeline,
		strategies: defaultStrategies,
		clock,
		hooks: {
			onCommands(tick, commands) {
				given.push(...commands.map(command => ({tick, command})));
			},
			onEvents(events) {
				log.push(...events);
			},
			onRestart() {
				restarts++;
			},
		},
		...options,
	});
	session.start();
	const fire = (count: number) => {
		for (let index = 0; index < count; index++) {
			clock.fire();
		}
	};

	return {
		session, clock, fire, given, log, restarts: () => restarts,
	};
}

const fail: Command = {type: 'failHost', hostId: 'h01'};

test('commands given join the next tick, after the timeline\'s, and the recording hears them at that tick', t => {
	const {session, fire, given, log} = started();
	fire(3);
	session.give([fail]);
	t.false(session.read(world => world.hosts[0]!.state === 'failed'), 'not before the tick');
	fire(1);
	t.true(session.read(world => world.hosts[0]!.state === 'failed'));
	t.deepEqual(given, [{tick: 3, command: fail}]);
	t.true(log.some(event => event.type === 'hostFailed' && event.tick === 3));
	fire(1);
	t.is(given.length, 1, 'a command runs once');
});

test('the session\'s ticks are a replay\'s: its event log equals runTicks on the timeline with the given commands', t => {
	const {session, fire, given, log} = started({speed: 64});
	fire(2);
	const migrate: Command = {
		type: 'requestMigration', vmId: 'vm03', destinationHostId: 'h15', mode: 'precopy',
	};
	const load: Command = {
		type: 'injectLoad', target: {kind: 'host', hostId: 'h02'}, resource: 'cpu', amount: 100, durationTicks: null,
	};
	session.give([migrate]);
	fire(3);
	session.pause();
	session.give([fail, load]);
	session.step();
	session.resume();
	fire(10);
	const ticks = session.getSnapshot().tick;
	const timeline = [...built.timeline, ...given].map((entry, index) => ({entry, index}))
		.toSorted((a, b) => (a.entry.tick - b.entry.tick) || (a.index - b.index)).map(({entry}) => entry);
	const replay = runTicks(built.world, defaultStrategies, {ticks, timeline});
	t.deepEqual(new Set(given.map(entry => entry.command.type)), new Set(['requestMigration', 'failHost', 'injectLoad']));
	t.true(['migrationStarted', 'hostFailed'].every(type => log.some(event => event.type === type)), 'the commands did something');
	t.is(JSON.stringify(log), JSON.stringify(replay.events));
	t.is(JSON.stringify(session.read(world => world)), JSON.stringify(replay.world));
});

test('the session remembers the latest 300 events, the oldest first', t => {
	const {session, fire, log} = started({speed: 64});
	while (log.length <= eventMemory + 50) {
		fire(10);
	}

	const {events} = session.getSnapshot();
	t.is(events.length, eventMemory);
	t.deepEqual(events, log.slice(-eventMemory));
});

test('restart: a fresh copy of the world at tick 0, running, events and waiting commands gone, the recording told', t => {
	const {session, fire, given, restarts} = started();
	const first = session.getSnapshot();
	fire(5);
	session.pause();
	session.give([fail]);
	session.restart();
	const snapshot = session.getSnapshot();
	t.like(snapshot, {tick: 0, restarts: 1, events: []});
	t.is(snapshot.state.kind, 'running');
	t.is(restarts(), 1);
	t.deepEqual(snapshot.frame, first.frame, 'the same world as at the start');
	fire(1);
	t.deepEqual(given, [], 'the command given before the restart is dropped');
	t.false(session.read(world => world.hosts[0]!.state === 'failed'));
	t.is(built.world.tick, 0, 'the initial world is never advanced');
});

test('a walkthrough: its caption at each tick, and at its last tick the session ends and its clock stops', async t => {
	const demo = await loadScenario({path: demoScenarioPath});
	const script = {endTick: 7, speed: 2, captions: [{tick: 0, text: 'Flash crowd on vm02', ticks: 3}]};
	const {session, clock, fire} = started({
		world: demo.world, timeline: demo.timeline, demo: script, speed: script.speed,
	});
	t.is(session.getSnapshot().caption, 'Flash crowd on vm02');
	fire(3);
	t.not(session.getSnapshot().caption, 'Flash crowd on vm02', 'the caption lasts its ticks');
	fire(10);
	t.is(session.getSnapshot().tick, 7);
	t.is(session.getSnapshot().state.kind, 'ended');
	t.is(clock.pending(), 0);
	session.step();
	session.resume();
	t.is(session.getSnapshot().tick, 7, 'an ended walkthrough goes no further');
});

test('a failure inside a tick leaves the session failed with the error, its clock stopped', t => {
	const {session, clock, fire} = started({
		hooks: {
			onEvents() {
				throw new Error('the disk is full');
			},
		},
	});
	fire(1);
	const {state} = session.getSnapshot();
	t.is(state.kind, 'failed');
	t.is(state.kind === 'failed' ? state.error.message : '', 'the disk is full');
	t.is(clock.pending(), 0);
});
