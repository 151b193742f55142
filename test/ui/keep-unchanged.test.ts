import test from 'ava';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';
import {keepUnchanged, sameFields} from '../../source/ui/keep-unchanged.js';
import {sharedFrame} from '../../source/ui/screen.js';

test('a row equal field by field (arrays and labels one level down) is the last frame\'s object; a changed one is new', t => {
	const row = (id: string, flags: boolean[]) => ({
		id, n: 1, flags, labels: {cpu: ' 1%'},
	});
	const before = [row('a', [true, false]), row('b', [])];
	const after = keepUnchanged(before, [row('a', [true, false]), row('b', [true])]);
	t.is(after[0], before[0]);
	t.not(after[1], before[1]);
	t.false(sameFields({id: 'a', labels: {cpu: ' 1%'}}, {id: 'a', labels: {cpu: ' 2%'}}));
});

test('the shared frame of the same world again keeps every row object; a frame never changes as the world goes on', async t => {
	const {world, timeline} = await loadScenario();
	const {world: after, events} = runTicks(world, defaultStrategies, {ticks: 80, timeline});
	const first = sharedFrame(after, events);
	const copy = structuredClone(first);
	const again = sharedFrame(after, events, first);
	t.true(again.model.hosts.every((row, index) => row === first.model.hosts[index]));
	t.is(again.model.thresholds, first.model.thresholds);
	runTicks(after, defaultStrategies, {ticks: 20, timeline, adopt: true});
	t.deepEqual(first, copy, 'the world moved on in place; the frame built before did not');
});
