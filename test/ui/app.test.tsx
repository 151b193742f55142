import test from 'ava';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {waitFor} from '../helpers/wait-for.js';

async function start(options: {isInteractive?: boolean; initialSpeed?: number} = {}) {
	const {world, timeline} = await loadScenario();
	const ticks = createManualTickSource();
	const app = render(<App world={world} timeline={timeline} strategies={defaultStrategies} isInteractive={options.isInteractive ?? true} tickSource={ticks} initialSpeed={options.initialSpeed}/>);
	const status = () => app.lastFrame()?.split('\n')[0] ?? '';
	if (options.isInteractive !== false) {
		await waitFor(() => ticks.pending() > 0, 'the ticker to start');
	}

	return {app, ticks, status};
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
	await waitFor(() => ticks.pending() === 0, 'no tick scheduled while paused');
	ticks.fire();
	t.regex(status(), /tick 1 /v);
	app.stdin.write('.');
	await waitFor(() => status().includes('tick 2'), 'a single step');
	app.stdin.write(' ');
	await waitFor(() => !status().includes('PAUSED') && ticks.pending() > 0, 'resume');
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
	ticks.fire();
	await waitFor(() => /tick [1-9]/v.test(status()), 'steps at 4x');
	app.stdin.write('-');
	await waitFor(() => status().includes(' 2x '), 'back to 2x');
	t.regex(status(), / 2x /v);
	app.unmount();
});

test('q quits: the app unmounts and stops scheduling ticks', async t => {
	const {app, ticks} = await start();
	app.stdin.write('q');
	await waitFor(() => ticks.pending() === 0, 'the ticker stops');
	t.is(ticks.pending(), 0);
});

test('unknown keys change nothing', async t => {
	const {app, status} = await start();
	const before = app.lastFrame();
	for (const key of ['x', 'Z', '\u001B[A', '\t', '9']) {
		app.stdin.write(key);
	}

	await new Promise(resolve => {
		setTimeout(resolve, 50);
	});
	t.is(app.lastFrame(), before);
	t.regex(status(), /tick 0/v);
	app.unmount();
});

test('without a terminal on stdin the view runs and says keys are off', async t => {
	const {app, status} = await start({isInteractive: false});
	t.regex(status(), /view only: stdin is not a terminal/v);
	app.unmount();
});
