import test from 'ava';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {SessionView} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {SessionEngine} from '../../source/session/session-engine.js';
import {defaultStrategies} from '../../source/strategies.js';
import {keymap} from '../../source/ui/keymap.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {reduceKey} from '../../source/ui/reduce-key.js';
import {invariantViolations} from '../helpers/invariants.js';
import {turns} from '../helpers/turns.js';

const {world: initialWorld} = await loadScenario();

/** Every action of the keymap, and a tick, as the fuzzer's alphabet. */
const step = fc.oneof(
	fc.constantFrom(...keymap.map(binding => ({kind: 'key' as const, action: binding.action}))),
	fc.constant({kind: 'tick' as const}),
);

test('keystroke fuzz on the dashboard\'s logic and its session: thousands of keys and ticks, no crash, selection in range, world invariants hold', t => {
	t.notThrows(() => {
		fc.assert(fc.property(fc.array(step, {minLength: 200, maxLength: 600}), steps => {
			// Driven by hand, its clock never started: each key's commands run in the tick after it, as on the dashboard.
			const session = new SessionEngine({world: initialWorld, timeline: [], strategies: defaultStrategies});
			let ui: UiState = initialUiState;
			for (const item of steps) {
				if (item.kind === 'key') {
					const state = ui;
					const result = session.read(world => reduceKey(state, item.action, {world, strategies: defaultStrategies, policyNames: Object.keys(defaultStrategies.policies)}));
					ui = result.state;
					session.give(result.commands);
					if (result.effect?.kind === 'restart') {
						session.restart();
					}
				}

				session.step();
				const {hostIndex} = ui;
				const problems = session.read(world => [
					...(hostIndex < 0 || hostIndex >= world.hosts.length ? [`host index ${hostIndex}`] : []),
					...invariantViolations(world),
				]);
				if (problems.length > 0 || session.getSnapshot().state.kind === 'failed') {
					throw new Error(problems.join('; '));
				}
			}
		}), {numRuns: 12});
	});
});

test('random bytes typed into the running app: it keeps rendering a status line', async t => {
	const clock = createManualTickSource();
	const session = new SessionEngine({
		world: initialWorld, timeline: [], strategies: defaultStrategies, clock,
	});
	const app = render(<SessionView isInteractive session={session}/>);
	session.start();
	const alphabet = [...'qjkhlLmnPfrpos?.+- \t\r', '\u001B', '\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', 'x', '\u001B[15~'];
	const keys = fc.sample(fc.constantFrom(...alphabet.filter(key => key !== 'q' && key !== 'r')), {numRuns: 400, seed: 7});
	for (const [index, key] of keys.entries()) {
		app.stdin.write(key);
		if (index % 20 === 0) {
			clock.fire();
			await turns(1); // eslint-disable-line no-await-in-loop -- let Ink take the input
		}
	}

	await turns();
	t.regex(app.lastFrame() ?? '', /tick \d+/v);
	t.not(session.getSnapshot().state.kind, 'failed');
	app.unmount();
});
