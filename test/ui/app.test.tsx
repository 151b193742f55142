import test from 'ava';
import {render} from 'ink-testing-library';
import {App, SessionView} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {demoScenarioPath} from '../../source/scenario/read-scenario.js';
import {SessionEngine} from '../../source/session/session-engine.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource, type ManualTickSource} from '../../source/ui/tick-source.js';
import {turns, turnsUntil} from '../helpers/turns.js';

const down = '\u001B[B';
const enter = '\r';
const escape = '\u001B';
const tab = '\t';
const right = '\u001B[C';

/** A view of `session` with keys and the clock driven by hand: no test waits on the wall clock. */
async function view(session: SessionEngine, clock: ManualTickSource, isInteractive = true) {
	const app = render(<SessionView session={session} isInteractive={isInteractive}/>);
	const frame = () => app.lastFrame() ?? '';
	const status = () => frame().split('\n')[0] ?? '';
	if (isInteractive) {
		await turnsUntil(() => app.stdin.listenerCount('readable') > 0, 'Ink to listen for keys');
	}

	/** Types keys one at a time, each taken and drawn before the next. */
	const type = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await turns(2); // eslint-disable-line no-await-in-loop -- keys go one by one
		}
	};

	/** Fires the clock `count` times, each callback's snapshot drawn before the next. */
	const fire = async (count = 1) => {
		for (let index = 0; index < count; index++) {
			clock.fire();
			await turns(1); // eslint-disable-line no-await-in-loop -- one callback at a time
		}
	};

	/** Fires the clock until `predicate` holds on the frame, at most `limit` times. */
	const tickUntil = async (predicate: (frame: string) => boolean, what: string, limit = 200) => {
		for (let index = 0; index < limit && !predicate(frame()); index++) {
			await fire(); // eslint-disable-line no-await-in-loop -- each tick drawn before the next
		}

		if (!predicate(frame())) {
			throw new Error(`${what}: not after ${limit} ticks`);
		}
	};

	return {
		app, frame, status, type, fire, tickUntil,
	};
}

async function start(options: {isInteractive?: boolean; speed?: number; policy?: string} = {}) {
	const {world, timeline} = await loadScenario({policy: options.policy});
	const clock = createManualTickSource();
	const session = new SessionEngine({
		world, timeline, strategies: defaultStrategies, clock, speed: options.speed,
	});
	const shown = await view(session, clock, options.isInteractive);
	session.start();
	return {...shown, session, clock};
}

test('each callback of the clock advances the simulated clock', async t => {
	const {app, status, fire} = await start();
	t.regex(status(), /00:00:00 tick 0/v);
	await fire();
	t.regex(status(), /00:00:01 tick 1 /v);
	await fire(2);
	t.regex(status(), /00:00:03 tick 3 /v);
	app.unmount();
});

test('space pauses: PAUSED shows and the clock stops; . steps one tick; space resumes', async t => {
	const {
		app, status, type, fire, session, clock,
	} = await start();
	await fire();
	await type(' ');
	t.regex(status(), / PAUSED /v);
	t.is(session.getSnapshot().state.kind, 'paused');
	t.is(clock.pending(), 0, 'no callback scheduled while paused');
	await fire();
	t.regex(status(), /tick 1 /v);
	await type('.');
	t.regex(status(), /tick 2 /v, 'a single step');
	await type(' ');
	t.notRegex(status(), /PAUSED/v);
	t.is(clock.pending(), 1);
	await fire();
	t.regex(status(), /tick 3 /v);
	app.unmount();
});

test('+ and - change the session\'s speed; at 64x one callback runs several steps', async t => {
	const {
		app, status, type, fire, session, clock,
	} = await start();
	await type('+');
	t.regex(status(), / 2x /v);
	await type('+');
	t.regex(status(), / 4x /v);
	t.is(session.getSnapshot().speed, 4);
	t.deepEqual(clock.delays(), [250]);
	await type('+', '+', '+', '+');
	t.regex(status(), / 64x /v);
	await fire();
	t.regex(status(), /tick 6 /v, '64 ticks a second at 10 callbacks a second: 6 of them, the fraction carried');
	await type('-');
	t.regex(status(), / 32x /v);
	app.unmount();
});

test('a frame is drawn per snapshot: one per callback at 64x, none while paused or for a command waiting for its tick', async t => {
	const {
		app, type, fire, session,
	} = await start({speed: 64});
	const before = app.frames.length;
	await fire(10);
	t.is(app.frames.length, before + 10);
	await type(' ');
	const paused = app.frames.length;
	await fire(5);
	session.give([{type: 'failHost', hostId: 'h01'}]);
	await turns();
	t.is(app.frames.length, paused);
	app.unmount();
});

test('select a host, open it, migrate a VM with pre-copy, watch it progress and complete', async t => {
	const {
		app, frame, type, tickUntil,
	} = await start({policy: 'none'});
	await type(down, enter);
	t.true(frame().includes('VMs on h02'));
	await type('m');
	t.true(frame().includes('Migrate vm03 from h02'));
	// The destinations list every worker but h02; h15 is the 14th.
	await type(...Array.from({length: 13}, () => down), 'p', enter);
	t.true(frame().includes('pre-copy of vm03 to h15'));
	await type(tab);
	t.true(frame().includes('Migrations: '));
	await tickUntil(current => /vm03 h02 -> h15 {2}precopy round \d/v.test(current) && /\d+% \d+\/1024 MiB/v.test(current), 'progress');
	await tickUntil(current => current.includes('Migrations: 0 running'), 'completion');
	await type(escape);
	t.regex(frame(), /h15 .* 2 vm/v);
	t.regex(frame(), /h02 .* 1 vm/v);
	app.unmount();
});

test('a refused migration says why in the status line', async t => {
	const {app, frame, type} = await start({policy: 'none'});
	await type(down, enter, 'm', enter);
	t.true(frame().split('\n')[0]!.includes('refused: h01 has 256 MiB free, vm03 needs 1024 MiB'));
	t.true(frame().includes('Migrate vm03'), 'the picker stays open for another choice');
	await type(escape);
	t.false(frame().includes('Migrate vm03'));
	app.unmount();
});

test('inject load on a host: it turns hot and its episode line appears in the alerts', async t => {
	const {
		app, frame, type, tickUntil,
	} = await start({policy: 'sandpiper'});
	await type(...Array.from({length: 14}, () => down), 'l');
	t.true(frame().includes('Inject load on h15'));
	await type(right, right, enter);
	t.true(frame().includes('+100 CPU units on h15'));
	await tickUntil(current => current.includes('h15 CPU '), 'the episode line');
	t.regex(frame(), /h15 +HOT/v);
	t.regex(frame(), /[!>] 00:00:\d\d h15 CPU (?:HOT|curing: \d moves? under way)/v);
	app.unmount();
});

test('? shows the help with every key of the table, Esc closes it', async t => {
	const {app, frame, type} = await start();
	await type('?');
	t.true(frame().includes('Keys (Esc or ? closes)'));
	for (const text of ['quit (also Ctrl-C)', 'pause or resume', 'migrate the selected VM']) {
		t.true(frame().includes(text), `help lists ${text}`);
	}

	await type(escape);
	t.false(frame().includes('Keys (Esc'));
	app.unmount();
});

test('P cycles the policy, f fails and recovers a host, r restarts', async t => {
	const {
		app, frame, status, type, fire, session,
	} = await start({policy: 'none'});
	await type('P');
	await fire();
	t.regex(status(), /policy sandpiper /v);
	await type('f');
	await fire();
	t.regex(frame(), /h01 +DOWN/v);
	await type('f');
	await fire();
	t.notRegex(frame(), /h01 +DOWN/v);
	await type('r');
	t.regex(status(), /00:00:00 tick 0 .*policy none/v);
	t.notRegex(frame(), /h01 +DOWN/v, 'the restarted world has every host up');
	t.is(session.getSnapshot().restarts, 1);
	app.unmount();
});

test('unknown keys and function keys change nothing', async t => {
	const {
		app, status, frame, type, session,
	} = await start();
	const before = frame();
	const snapshot = session.getSnapshot();
	await type('x', 'Z', '9', '\u001BOP', '\u001B[15~', 'é');
	t.is(frame(), before);
	t.is(session.getSnapshot(), snapshot);
	t.regex(status(), /tick 0/v);
	app.unmount();
});

test('without a terminal on stdin the view runs and says keys are off', async t => {
	const {app, status, fire} = await start({isInteractive: false});
	t.regex(status(), /view only: stdin is not a terminal/v);
	await fire();
	t.regex(status(), /tick 1 /v);
	app.unmount();
});

test('two views of one session: the same ticks, each its own selection; a pause in one shows in both', async t => {
	const {world, timeline} = await loadScenario();
	const clock = createManualTickSource();
	const session = new SessionEngine({
		world, timeline, strategies: defaultStrategies, clock,
	});
	const first = await view(session, clock);
	const second = await view(session, clock);
	session.start();
	await first.fire(2);
	t.regex(first.status(), /tick 2 /v);
	t.regex(second.status(), /tick 2 /v);
	await first.type(down, enter);
	t.true(first.frame().includes('VMs on h02'));
	t.false(second.frame().includes('VMs on h02'), 'a selection is the view\'s own');
	await second.type(' ');
	t.regex(first.status(), / PAUSED /v);
	t.regex(second.status(), / PAUSED /v);
	first.app.unmount();
	second.app.unmount();
});

test('App runs a session of its own from its props: q quits, unmounts it and stops its clock', async t => {
	const {world, timeline} = await loadScenario();
	const clock = createManualTickSource();
	const app = render(<App isInteractive world={world} timeline={timeline} strategies={defaultStrategies} tickSource={clock} initialSpeed={2}/>);
	await turnsUntil(() => clock.pending() > 0 && app.stdin.listenerCount('readable') > 0, 'the clock to start and Ink to listen');
	t.deepEqual(clock.delays(), [500]);
	clock.fire();
	await turns(1);
	t.regex(app.lastFrame() ?? '', /tick 1 {2}2x /v);
	app.stdin.write('q');
	await turnsUntil(() => clock.pending() === 0, 'the clock to stop');
	t.is(clock.pending(), 0);
});

test('App with a walkthrough: only its keys, and at its end the app exits', async t => {
	const {world, timeline} = await loadScenario({path: demoScenarioPath});
	const clock = createManualTickSource();
	const demo = {endTick: 4, speed: 2, captions: [{tick: 0, text: 'Flash crowd on vm02', ticks: 2}]};
	const app = render(<App isInteractive world={world} timeline={timeline} strategies={defaultStrategies} tickSource={clock} initialSpeed={demo.speed} demo={demo}/>);
	await turnsUntil(() => clock.pending() > 0 && app.stdin.listenerCount('readable') > 0, 'the clock to start and Ink to listen');
	t.regex(app.lastFrame() ?? '', /Flash crowd on vm02/v);
	app.stdin.write('r');
	await turns();
	for (let index = 0; index < 10 && clock.pending() > 0; index++) {
		clock.fire();
		await turns(1); // eslint-disable-line no-await-in-loop -- one callback at a time
	}

	await turnsUntil(() => clock.pending() === 0, 'the app to exit');
	// The last frame drawn, not `lastFrame()`: an app that has exited may have written an empty one after it.
	const drawn = app.frames.findLast(frame => frame.trim() !== '') ?? '';
	t.regex(drawn, /tick 4 /v, 'r does not restart a walkthrough, and it ends at its last tick');
});
