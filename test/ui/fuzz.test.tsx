import test from 'ava';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {stepInPlace} from '../../source/sim/step.js';
import {defaultStrategies} from '../../source/strategies.js';
import {keymap} from '../../source/ui/keymap.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {reduceKey} from '../../source/ui/reduce-key.js';
import {invariantViolations} from '../helpers/invariants.js';

const {world: initialWorld} = await loadScenario();

/** Every action of the keymap, and a tick, as the fuzzer's alphabet. */
const step = fc.oneof(
	fc.constantFrom(...keymap.map(binding => ({kind: 'key' as const, action: binding.action}))),
	fc.constant({kind: 'tick' as const}),
);

test('keystroke fuzz on the dashboard\'s logic: thousands of keys and ticks, no crash, selection in range, world invariants hold', t => {
	t.notThrows(() => {
		fc.assert(fc.property(fc.array(step, {minLength: 200, maxLength: 600}), steps => {
			let world = structuredClone(initialWorld);
			let ui: UiState = initialUiState;
			for (const item of steps) {
				if (item.kind === 'tick') {
					stepInPlace(world, [], defaultStrategies);
					continue;
				}

				const result = reduceKey(ui, item.action, {world, strategies: defaultStrategies, policyNames: Object.keys(defaultStrategies.policies)});
				ui = result.state;
				if (result.effect?.kind === 'restart') {
					world = structuredClone(initialWorld);
				}

				stepInPlace(world, result.commands, defaultStrategies);
				if (ui.hostIndex < 0 || ui.hostIndex >= world.hosts.length) {
					throw new Error(`host index ${ui.hostIndex}`);
				}

				const problems = invariantViolations(world);
				if (problems.length > 0) {
					throw new Error(problems.join('; '));
				}
			}
		}), {numRuns: 12});
	});
});

test('random bytes typed into the running app: it keeps rendering a status line', async t => {
	const ticks = createManualTickSource();
	const app = render(<App isInteractive world={initialWorld} timeline={[]} strategies={defaultStrategies} tickSource={ticks}/>);
	const alphabet = [...'qjkhlLmnPfrpos?.+- \t\r', '\u001B', '\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', 'x', '\u001B[15~'];
	const keys = fc.sample(fc.constantFrom(...alphabet.filter(key => key !== 'q' && key !== 'r')), {numRuns: 400, seed: 7});
	for (const [index, key] of keys.entries()) {
		app.stdin.write(key);
		if (index % 20 === 0) {
			ticks.fire();
			// eslint-disable-next-line no-await-in-loop -- let Ink take the input
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}
	}

	await new Promise(resolve => {
		setTimeout(resolve, 50);
	});
	t.regex(app.lastFrame() ?? '', /tick \d+/v);
	app.unmount();
});
