import test from 'ava';
import {render} from 'ink-testing-library';
import {SessionView} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {parseWith} from '../../source/scenario/parse-scenario.js';
import {sessionSchema} from '../../source/scenario/schema.js';
import {sessionText, withSession} from '../../source/scenario/session.js';
import {SessionEngine} from '../../source/session/session-engine.js';
import {runTicks} from '../../source/sim/run.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {captionAt} from '../../source/ui/captions.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {turns, turnsUntil} from '../helpers/turns.js';

const down = '\u001B[B';
const enter = '\r';

test('a recorded session replays exactly, headless and at the dashboard: both replays\' event logs equal the recorded one', async t => {
	const built = await loadScenario({policy: 'none'});
	const ticks = createManualTickSource();
	const recorded: Array<{tick: number; command: Command}> = [];
	const log: SimEvent[] = [];
	const session = new SessionEngine({
		world: built.world,
		timeline: built.timeline,
		strategies: defaultStrategies,
		clock: ticks,
		hooks: {
			onCommands(tick, commands) {
				recorded.push(...commands.map(command => ({tick, command})));
			},
			onEvents(events) {
				log.push(...events);
			},
		},
	});
	const app = render(<SessionView isInteractive session={session}/>);
	await turnsUntil(() => app.stdin.listenerCount('readable') > 0, 'Ink to listen for keys');
	session.start();
	const fire = async (count: number) => {
		for (let index = 0; index < count; index++) {
			ticks.fire();
			await turns(1); // eslint-disable-line no-await-in-loop -- one tick at a time
		}
	};

	const type = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await turns(2); // eslint-disable-line no-await-in-loop -- keys go one by one, each taken before the next
		}
	};

	await fire(5);
	// Inject load on h02, fail h03, migrate a VM of h02 by pre-copy, change a network mode.
	await type(down, 'l', enter);
	await fire(7);
	await type(down, 'f');
	await fire(4);
	// H01 has no room for vm03: the picker's 14th destination (h15) has.
	await type('k', enter, 'm', ...Array.from({length: 13}, () => down), enter, 'n');
	await fire(30);
	app.unmount();
	session.stop();
	t.deepEqual(recorded.map(entry => entry.command.type), ['injectLoad', 'failHost', 'requestMigration', 'setNetworkMode']);
	const ticksRun = session.getSnapshot().tick;
	t.is(ticksRun, 46);

	// The session file round-trips, and the replays give the same events, tick for tick.
	const header = {
		scenario: built.world.scenarioName, seed: built.world.seed, scenarioHash: built.inputHash(), program: '0.1.0',
	};
	const file = parseWith(sessionSchema, sessionText(header, recorded));
	const replay = withSession(built, file, {scenarioHash: built.inputHash(), program: '0.1.0', force: false});
	const {events} = runTicks(replay.world, defaultStrategies, {ticks: ticksRun, timeline: replay.timeline});
	t.is(JSON.stringify(events), JSON.stringify(log));
	const again: SimEvent[] = [];
	const shown = new SessionEngine({
		world: replay.world,
		timeline: replay.timeline,
		strategies: defaultStrategies,
		clock: createManualTickSource(),
		hooks: {
			onEvents(tickEvents) {
				again.push(...tickEvents);
			},
		},
	});
	for (let index = 0; index < ticksRun; index++) {
		shown.step();
	}

	t.is(JSON.stringify(again), JSON.stringify(log));
	t.true(log.some(event => event.type === 'hostFailed'));
});

test('a session from another scenario is refused with the reason', async t => {
	const built = await loadScenario();
	const check = {scenarioHash: built.inputHash(), program: '0.1.0', force: false};
	t.throws(() => withSession(built, {
		version: 1, scenario: 'teaching-3x6', seed: 7, timeline: [],
	}, check), {message: 'the session was recorded on scenario teaching-3x6, not sandpiper-16x35 (pass its --scenario)'});
});

test('a session whose scenario changed since it was recorded, or recorded by another version, is refused unless forced', async t => {
	const built = await loadScenario();
	const changed = await loadScenario({policy: 'none'});
	const session = {
		version: 1 as const, scenario: 'sandpiper-16x35', seed: 1, scenarioHash: built.inputHash(), program: '0.1.0', timeline: [],
	};
	t.not(changed.inputHash(), built.inputHash(), 'another policy is another run');
	const again = await loadScenario();
	t.is(again.inputHash(), built.inputHash(), 'the same inputs hash the same');
	t.throws(() => withSession(changed, session, {scenarioHash: changed.inputHash(), program: '0.1.0', force: false}), {message: /has changed since the session was recorded.*--force replays it anyway$/v});
	t.throws(() => withSession(built, session, {scenarioHash: built.inputHash(), program: '0.2.0', force: false}), {message: /recorded by sandpiper 0\.1\.0, this is 0\.2\.0/v});
	t.notThrows(() => withSession(changed, session, {scenarioHash: changed.inputHash(), program: '0.2.0', force: true}));
	t.notThrows(() => withSession(built, {...session, scenarioHash: undefined, program: undefined}, {scenarioHash: built.inputHash(), program: '0.2.0', force: false}), 'a session from before hashes is checked by name');
});

test('demo captions: the script\'s caption while it lasts, then a narration of the latest telling event', t => {
	const demo = {endTick: 100, speed: 2, captions: [{tick: 10, text: 'Flash crowd on vm02', ticks: 5}]};
	const events: SimEvent[] = [{
		tick: 30, type: 'hotspotDetected', hostId: 'h03', resource: 'cpu', samples: [0.8, 0.9, 0.9], forecast: 0.9,
	}, {
		tick: 31, type: 'migrationRound', migrationId: 'm1', vmId: 'vm07', round: 3, dataMiB: 12.4, seconds: 0.1, dirtiedMiB: 4,
	}];
	t.is(captionAt(demo, 12, []), 'Flash crowd on vm02');
	t.is(captionAt(demo, 16, []), undefined);
	t.is(captionAt(demo, 30, events.slice(0, 1)), 'Sandpiper detects a CPU hotspot on h03');
	t.is(captionAt(demo, 32, events), 'Pre-copy round 3 of vm07: 12 MiB');
	t.is(captionAt(demo, 60, events), undefined, 'old events are not narrated');
});
