import test from 'ava';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {waitFor} from '../helpers/wait-for.js';

const down = '\u001B[B';
const enter = '\r';
const escape = '\u001B';
const tab = '\t';
const right = '\u001B[C';

async function start(options: {isInteractive?: boolean; initialSpeed?: number; policy?: string} = {}) {
	const {world, timeline} = await loadScenario({policy: options.policy});
	const ticks = createManualTickSource();
	const app = render(<App world={world} timeline={timeline} strategies={defaultStrategies} isInteractive={options.isInteractive ?? true} tickSource={ticks} initialSpeed={options.initialSpeed}/>);
	const frame = () => app.lastFrame() ?? '';
	const status = () => frame().split('\n')[0] ?? '';
	if (options.isInteractive !== false) {
		await waitFor(() => ticks.pending() > 0, 'the ticker to start');
	}

	/** Types keys one at a time, letting Ink take each before the next. */
	const type = async (...keys: string[]) => {
		for (const key of keys) {
			const before = app.lastFrame();
			app.stdin.write(key);
			// eslint-disable-next-line no-await-in-loop -- keys go one by one
			await waitFor(() => app.lastFrame() !== before, `key ${JSON.stringify(key)} to show`, 500).catch(() => undefined);
		}
	};

	/** Fires ticks until `predicate` holds on the frame. */
	const tickUntil = async (predicate: (frame: string) => boolean, what: string, limit = 200) => {
		for (let index = 0; index < limit && !predicate(frame()); index++) {
			ticks.fire();
			// eslint-disable-next-line no-await-in-loop -- each tick renders before the next
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		await waitFor(() => predicate(frame()), what);
	};

	return {
		app, ticks, frame, status, type, tickUntil,
	};
}

test('each tick of the tick source advances the simulated clock', async t => {
	const {app, ticks, status} = await start();
	t.regex(status(), /00:00:00 tick 0/v);
	ticks.fire();
	await waitFor(() => status().includes('tick 1'), 'tick 1');
	ticks.fire();
	ticks.fire();
	await waitFor(() => status().includes('00:00:03 tick 3'), 'tick 3');
	t.regex(status(), /00:00:03 tick 3/v);
	app.unmount();
});

test('space pauses: PAUSED shows and the clock stops; . steps one tick; space resumes', async t => {
	const {app, ticks, status} = await start();
	ticks.fire();
	await waitFor(() => status().includes('tick 1'), 'tick 1');
	app.stdin.write(' ');
	await waitFor(() => status().includes('PAUSED'), 'PAUSED');
	await waitFor(() => ticks.pending() <= 1, 'no tick scheduled while paused, but the note fading');
	ticks.fire();
	t.regex(status(), /tick 1 /v);
	app.stdin.write('.');
	await waitFor(() => status().includes('tick 2'), 'a single step');
	app.stdin.write(' ');
	await waitFor(() => !status().includes('PAUSED'), 'resume');
	await waitFor(() => ticks.pending() > 0, 'the ticker again');
	ticks.fire();
	await waitFor(() => status().includes('tick 3'), 'tick 3 after resuming');
	app.unmount();
});

test('+ and - change the speed; at 4x one callback runs several steps', async t => {
	const {app, ticks, status} = await start();
	app.stdin.write('+');
	await waitFor(() => status().includes(' 2x '), '2x');
	app.stdin.write('+');
	await waitFor(() => status().includes(' 4x '), '4x');
	await waitFor(() => ticks.pending() > 0, 'the ticker at 4x');
	ticks.fire();
	await waitFor(() => /tick [1-9]/v.test(status()), 'steps at 4x');
	app.stdin.write('-');
	await waitFor(() => status().includes(' 2x '), 'back to 2x');
	t.regex(status(), / 2x /v);
	app.unmount();
});

test('select a host, open it, migrate a VM with pre-copy, watch it progress and complete', async t => {
	const {app, frame, type, tickUntil} = await start({policy: 'none'});
	await type(down, enter);
	await waitFor(() => frame().includes('VMs on h02'), 'the VMs of h02');
	await type('m');
	await waitFor(() => frame().includes('Migrate vm03 from h02'), 'the migration picker');
	// The destinations list every worker but h02; h15 is the 14th.
	await type(...Array.from({length: 13}, () => down), 'p', enter);
	await waitFor(() => frame().includes('pre-copy of vm03 to h15'), 'the note');
	await type(tab);
	await waitFor(() => frame().includes('Migrations: '), 'the migrations view');
	await tickUntil(current => /vm03 h02 -> h15 {2}precopy round \d/v.test(current) && /\d+% \d+\/1024 MiB/v.test(current), 'progress');
	await tickUntil(current => current.includes('Migrations: 0 running'), 'completion');
	await type(escape);
	await waitFor(() => /h15 .* 2 vm/v.test(frame()), 'h15 has two VMs');
	t.regex(frame(), /h02 .* 1 vm/v);
	app.unmount();
});

test('a refused migration says why in the status line', async t => {
	const {app, frame, type} = await start({policy: 'none'});
	await type(down, enter, 'm', enter);
	await waitFor(() => frame().split('\n')[0]!.includes('refused: h01 has 256 MiB free, vm03 needs 1024 MiB'), 'the refusal');
	t.true(frame().includes('Migrate vm03'), 'the picker stays open for another choice');
	await type(escape);
	await waitFor(() => !frame().includes('Migrate vm03'), 'cancel');
	app.unmount();
});

test('inject load on a host: it turns hot and its episode line appears in the alerts', async t => {
	const {app, frame, type, tickUntil} = await start({policy: 'sandpiper'});
	await type(...Array.from({length: 14}, () => down), 'l');
	await waitFor(() => frame().includes('Inject load on h15'), 'the load picker');
	await type(right, right, enter);
	await waitFor(() => frame().includes('+100 CPU units on h15'), 'the note');
	await tickUntil(current => current.includes('h15 CPU '), 'the episode line');
	t.regex(frame(), /h15 +HOT/v);
	t.regex(frame(), /[!>] 00:00:\d\d h15 CPU (?:HOT|curing: \d moves? under way)/v);
	await type('L');
	app.unmount();
});

test('? shows the help with every key of the table, Esc closes it', async t => {
	const {app, frame, type} = await start();
	await type('?');
	await waitFor(() => frame().includes('Keys (Esc or ? closes)'), 'help');
	for (const text of ['quit (also Ctrl-C)', 'pause or resume', 'migrate the selected VM']) {
		t.true(frame().includes(text), `help lists ${text}`);
	}

	await type(escape);
	await waitFor(() => !frame().includes('Keys (Esc'), 'closed');
	app.unmount();
});

test('P cycles the policy, f fails and recovers a host, r restarts', async t => {
	const {app, frame, status, type, ticks} = await start({policy: 'none'});
	await type('P');
	ticks.fire();
	await waitFor(() => status().includes('policy sandpiper '), 'sandpiper');
	await type('f');
	ticks.fire();
	await waitFor(() => /h01 +DOWN/v.test(frame()), 'h01 down');
	await type('f');
	ticks.fire();
	await waitFor(() => !/h01 +DOWN/v.test(frame()), 'h01 back');
	await type('r');
	await waitFor(() => status().includes('tick 0') && status().includes('policy none'), 'restarted');
	t.notRegex(frame(), /h01 +DOWN/v, 'the restarted world has every host up');
	t.regex(status(), /00:00:00 tick 0 /v);
	app.unmount();
});

test('q quits: the app unmounts and stops scheduling ticks', async t => {
	const {app, ticks} = await start();
	app.stdin.write('q');
	await waitFor(() => ticks.pending() === 0, 'the ticker stops');
	t.is(ticks.pending(), 0);
});

test('unknown keys and function keys change nothing', async t => {
	const {app, status, frame} = await start();
	const before = frame();
	for (const key of ['x', 'Z', '9', '\u001BOP', '\u001B[15~', 'é']) {
		app.stdin.write(key);
	}

	await new Promise(resolve => {
		setTimeout(resolve, 80);
	});
	t.is(frame(), before);
	t.regex(status(), /tick 0/v);
	app.unmount();
});

test('without a terminal on stdin the view runs and says keys are off', async t => {
	const {app, status} = await start({isInteractive: false});
	t.regex(status(), /view only: stdin is not a terminal/v);
	app.unmount();
});
