/**
Whatever bytes a viewer sends, the lecture runs as if nobody had typed: its world, its pace and its
events are those of a lecture nobody watched. The keys reach Ink's key parser only, as at the local
dashboard; the view may fork, pick, open help or leave, and none of that reaches the lecture.
*/
import {Buffer} from 'node:buffer';
import test from 'ava';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {Lecture} from '../../source/serve/lecture.js';
import {ServedView} from '../../source/serve/served-view.js';
import {defaultStrategies} from '../../source/strategies.js';
import {keymap} from '../../source/ui/keymap.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {turns} from '../helpers/turns.js';

const built = await loadScenario();

/** The lecture after `ticks` ticks while `typed` goes in (in chunks, a tick between): its world, state, speed and events, as JSON. */
async function lectureAfter(typed: readonly string[], ticks: number): Promise<string> {
	const clock = createManualTickSource();
	const lecture = new Lecture({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, maxForks: 2, clock,
	});
	lecture.start();
	const app = render(<ServedView lecture={lecture} role='viewer' onLog={() => undefined} onShared={() => undefined}/>);
	const perTick = Math.ceil(typed.length / ticks);
	for (let tick = 0; tick < ticks; tick++) {
		for (const bytes of typed.slice(tick * perTick, (tick + 1) * perTick)) {
			app.stdin.write(bytes);
		}

		await turns(1); // eslint-disable-line no-await-in-loop -- Ink takes the input between ticks
		clock.fire();
	}

	await turns(2);
	app.unmount();
	const {state, speed, events} = lecture.session.getSnapshot();
	const after = lecture.session.read(world => JSON.stringify({
		world, state, speed, events,
	}));
	lecture.stop();
	return after;
}

/** Every key the keymap knows, escape sequences, and bytes nobody should send. */
const keys = fc.oneof(
	fc.constantFrom(...keymap.flatMap(binding => binding.keys), 'F', 'R', '\r', '\t', '\u001B', '\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u0003'),
	fc.string({unit: 'binary', maxLength: 6}),
	fc.uint8Array({maxLength: 8}).map(bytes => Buffer.from(bytes).toString('latin1')),
);

test('a viewer\'s bytes, whatever they are, leave the lecture\'s world, pace and events as they are with nobody typing', async t => {
	const ticks = 40;
	const quiet = await lectureAfter([], ticks);
	t.regex(quiet, new RegExp(`"tick":${ticks},`, 'v'), 'the lecture ran');
	await fc.assert(fc.asyncProperty(fc.array(keys, {minLength: 20, maxLength: 120}), async typed => {
		t.is(await lectureAfter(typed, ticks), quiet);
	}), {numRuns: 8});
});
