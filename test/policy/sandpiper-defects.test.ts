/**
Issue 19's four defects of the Sandpiper manager, each pinned by a test that failed before its fix:
A. migrations made their own network hotspots; B. a scratch host was booked by several swaps at once;
C. a refused migration started the cooldown; D. one move per hot host, with no check that it cures it.
*/
import test from 'ava';
import {settleTracked} from '../../source/policy/sandpiper/cooldown.js';
import {initialManagerState} from '../../source/policy/sandpiper/state.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

test('C: a migration that never moved its VM (refused, aborted) starts no cooldown; one that did cools both hosts', t => {
	const {world} = build(scenarioInput({hosts: [{}, {}, {}], vmClasses: {a: steadyClass(10, 256)}, vms: [{class: 'a', host: 'h01'}, {class: 'a', host: 'h03'}]}));
	const state = initialManagerState();
	// Vm01 was asked to go to h02 and is still on h01; vm02 was asked to go from h02 to h03 and is there.
	state.tracked = [{vmId: 'vm01', from: 'h01', to: 'h02'}, {vmId: 'vm02', from: 'h02', to: 'h03'}];
	world.tick = 100;
	settleTracked(world, state);
	t.deepEqual(state.tracked, []);
	t.deepEqual(Object.keys(state.cooldownUntil).toSorted(), ['h02', 'h03']);
});
