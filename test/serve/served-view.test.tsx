/**
A served connection's view, driven by hand (ink-testing-library, a manual clock): what a viewer and a
presenter may do to the lecture, and forks that are their owner's alone.
*/
import test from 'ava';
import {render} from 'ink-testing-library';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {Lecture} from '../../source/serve/lecture.js';
import {viewerRefusal, type Role} from '../../source/serve/roles.js';
import {ServedView} from '../../source/serve/served-view.js';
import type {SimEvent} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {turns, turnsUntil} from '../helpers/turns.js';

const built = await loadScenario({policy: 'none'});

function lectureOf(maxForks = 4) {
	const clock = createManualTickSource();
	const lecture = new Lecture({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, maxForks, clock,
	});
	lecture.start();
	return {lecture, clock};
}

/**
A connection's view (null: no first key; undefined would take the default). It shows the lecture's shared frame (drawn elsewhere, ./shared-frames.ts) until its
first key, which `connect` types (k, up, at the first host: a key that changes nothing) unless told not to.
*/
async function connect(lecture: Lecture, role: Role, firstKey: string | null = 'k') {
	const logged: string[] = [];
	const sharing: boolean[] = [];
	const onLog = (line: string) => {
		logged.push(line);
	};

	const onShared = (shared: boolean) => {
		sharing.push(shared);
	};

	const app = render(<ServedView lecture={lecture} role={role} onLog={onLog} onShared={onShared}/>);
	await turnsUntil(() => app.stdin.listenerCount('readable') > 0, 'Ink to listen for keys');
	const status = () => (app.lastFrame() ?? '').split('\n')[0] ?? '';
	const type = async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			await turns(2); // eslint-disable-line no-await-in-loop -- keys go one by one
		}
	};

	if (firstKey !== null) {
		await type(firstKey);
		await turnsUntil(() => app.stdin.listenerCount('readable') > 0, 'the own view to listen for keys');
	}

	return {
		app, status, type, logged, sharing,
	};
}

test('a connection shows the shared frame until its first key, which its own view then takes as typed', async t => {
	const {lecture} = lectureOf();
	const viewer = await connect(lecture, 'viewer', null);
	t.deepEqual(viewer.sharing, [true]);
	t.is(viewer.app.lastFrame() ?? '', '', 'nothing of its own to draw');
	await viewer.type('m');
	await turnsUntil(() => viewer.status().includes(viewerRefusal.slice(0, 40)), 'the first key refused in its own view');
	t.deepEqual(viewer.sharing, [true, false]);
	viewer.app.unmount();
	lecture.stop();
});

test('a viewer\'s world keys are refused at the key, with the note naming the role, and the lecture does not change', async t => {
	const {lecture, clock} = lectureOf();
	const viewer = await connect(lecture, 'viewer');
	t.regex(viewer.status(), /VIEWER/v);
	for (const key of [' ', 'm', 'l', '+', 'f', 'r', 'P']) {
		// eslint-disable-next-line no-await-in-loop -- one key at a time
		await viewer.type(key);
		t.true(viewer.status().includes(viewerRefusal.slice(0, 40)), `${JSON.stringify(key)} is refused`);
	}

	t.false((viewer.app.lastFrame() ?? '').includes('Migrate vm'), 'm opened no picker');
	t.is(lecture.session.getSnapshot().state.kind, 'running');
	t.is(lecture.session.getSnapshot().speed, 1);
	clock.fire();
	t.false(lecture.session.read(world => world.hosts.some(host => host.state === 'failed')));
	// Moving one's own selection is not the world's business.
	await viewer.type('j', '\r');
	await turnsUntil(() => (viewer.app.lastFrame() ?? '').includes('VMs on h02'), 'the VMs of h02');
	viewer.app.unmount();
	lecture.stop();
});

test('a presenter\'s keys drive the lecture everyone sees', async t => {
	const {lecture} = lectureOf();
	const presenter = await connect(lecture, 'presenter');
	const viewer = await connect(lecture, 'viewer');
	t.regex(presenter.status(), /PRESENTER/v);
	await presenter.type(' ');
	t.is(lecture.session.getSnapshot().state.kind, 'paused');
	await turnsUntil(() => viewer.status().includes('PAUSED'), 'the viewer to see the pause');
	presenter.app.unmount();
	viewer.app.unmount();
	lecture.stop();
});

test('F forks the lecture at its tick: every key works there and nothing done in it reaches the lecture; R rejoins and drops the fork', async t => {
	const {lecture, clock} = lectureOf();
	const lectureEvents: SimEvent[] = [];
	const viewer = await connect(lecture, 'viewer');
	clock.fire();
	clock.fire();
	await turns(2);
	const {tick} = lecture.session.getSnapshot();
	await viewer.type('F');
	await turnsUntil(() => viewer.status().includes(`FORK from tick ${tick}`), 'the fork\'s view');
	// Its key listener is set by an effect after the view is drawn.
	await turns(5);
	t.is(lecture.forkCount, 1);
	t.deepEqual(viewer.logged, [`forked the lecture at tick ${tick}`]);
	lecture.session.subscribe(() => {
		lectureEvents.push(...lecture.session.getSnapshot().events);
	});
	// In the fork: fail the selected host (f) and pause (space), which the fork takes as its own.
	await viewer.type('f');
	t.false(viewer.status().includes(viewerRefusal.slice(0, 40)));
	const before = lecture.session.read(world => world.tick);
	clock.fire();
	await turnsUntil(() => (viewer.app.lastFrame() ?? '').includes('h01 FAILED'), 'the fork to fail h01');
	await viewer.type(' ');
	t.regex(viewer.status(), /PAUSED/v);
	clock.fire();
	await turns(2);
	t.true(lecture.session.read(world => world.tick) > before, 'the lecture runs on');
	t.is(lecture.session.getSnapshot().state.kind, 'running', 'the fork\'s pause is its own');
	t.false(lecture.session.read(world => world.hosts.some(host => host.state === 'failed')), 'the fork\'s failure is its own');
	t.false(lectureEvents.some(event => event.type === 'hostFailed'), 'the lecture\'s event log has none of the fork\'s');
	await viewer.type('R');
	t.regex(viewer.status(), /VIEWER/v);
	t.is(lecture.forkCount, 0);
	viewer.app.unmount();
	lecture.stop();
});

test('forks are bounded, and a connection that goes drops its fork', async t => {
	const {lecture} = lectureOf(1);
	const first = await connect(lecture, 'viewer');
	const second = await connect(lecture, 'viewer');
	await first.type('F');
	t.is(lecture.forkCount, 1);
	await second.type('F');
	t.regex(second.status(), /no fork: the server holds 1 already/v);
	t.regex(second.status(), /^(?!.*FORK)/v);
	first.app.unmount();
	await turns(3);
	t.is(lecture.forkCount, 0, 'the fork went with its connection');
	await second.type('F');
	t.regex(second.status(), /FORK from tick/v);
	second.app.unmount();
	lecture.stop();
});
