import test from 'ava';
import type {VmHistories} from '../../source/policy/detect/history.js';
import {bb12Round} from '../../source/policy/round/cpu-sums.js';
import {rSquared} from '../../source/policy/select/correlation.js';
import {createSelector, type SelectorContext, type SelectorName} from '../../source/policy/select/selectors.js';
import type {World} from '../../source/sim/types.js';
import {build, scenarioInput} from '../helpers/scenarios.js';

type VmSpec = {memoryMiB: number; cpu: number; baseCpu?: number};

/** One host with these VMs (in id order vm01, vm02, ...), each asking `cpu` units now. */
function worldWith(vms: readonly VmSpec[]): World {
	const {world} = build(scenarioInput({
		hosts: [{capacity: {memoryMiB: 16_384}}],
		vms: vms.map(vm => ({
			host: 'h01',
			memoryMiB: vm.memoryMiB,
			workload: {
				base: {
					cpu: vm.baseCpu ?? 100, memory: vm.memoryMiB / 2, disk: 0, network: 0,
				},
			},
		})),
	}));
	for (const [index, vm] of world.vms.entries()) {
		vm.usage = {...vm.usage, demand: {...vm.usage.demand, cpu: vms[index]!.cpu}};
	}

	return world;
}

type Setup = {vms: VmSpec[]; histories?: VmHistories; arrival?: number[]; uniform?: () => number};

/** What selector `name` picks from h01's VMs in the host's order (arrival order when given, else id order). */
function pick(name: SelectorName, {vms, histories = [], arrival, uniform = () => 0}: Setup): string | undefined {
	const round = bb12Round(worldWith(vms), {arrival});
	const context: SelectorContext = {round, histories, uniform};
	return createSelector(name).select(context, round.load.plannedOn(0))?.id;
}

const near = (actual: number | undefined, expected: number) => actual !== undefined && Math.abs(actual - expected) < 1e-12;

test('MMT: the least RAM; a tie goes to the first in the host\'s order', t => {
	const vms = [{memoryMiB: 1024, cpu: 1}, {memoryMiB: 512, cpu: 50}, {memoryMiB: 768, cpu: 2}, {memoryMiB: 512, cpu: 3}];
	t.is(pick('mmt', {vms}), 'vm02');
	// Host order vm04 vm03 vm02 vm01 (arrival 3 2 1 0): vm04 is the first of the two 512 MiB VMs.
	t.is(pick('mmt', {vms, arrival: [3, 2, 1, 0]}), 'vm04');
	t.is(pick('mmt', {vms: []}), undefined);
});

test('MU: the least CPU request for the VM\'s size (its workload\'s base CPU), not the least request', t => {
	// Shares 8 / 10 = 0.8, 30 / 100 = 0.3, 20 / 40 = 0.5: vm02, though vm01 asks least.
	t.is(pick('mu', {vms: [{memoryMiB: 512, cpu: 8, baseCpu: 10}, {memoryMiB: 768, cpu: 30, baseCpu: 100}, {memoryMiB: 256, cpu: 20, baseCpu: 40}]}), 'vm02');
	// 10 / 40 = 0.25 and 5 / 20 = 0.25 tie: the first in the host's order.
	const tied = [{memoryMiB: 512, cpu: 10, baseCpu: 40}, {memoryMiB: 512, cpu: 5, baseCpu: 20}, {memoryMiB: 512, cpu: 60, baseCpu: 100}];
	t.is(pick('mu', {vms: tied}), 'vm01');
	t.is(pick('mu', {vms: tied, arrival: [2, 1, 0]}), 'vm02');
	// A VM of no base CPU is measured against 1: 0 / 1 = 0 is the least (0 / 0 would be NaN, never chosen).
	t.is(pick('mu', {vms: [{memoryMiB: 512, cpu: 10, baseCpu: 100}, {memoryMiB: 512, cpu: 0, baseCpu: 0}]}), 'vm02');
});

test('RS: candidate floor(uniform() x count), one draw a pick, none from no candidates', t => {
	const vms = [{memoryMiB: 512, cpu: 1}, {memoryMiB: 512, cpu: 1}, {memoryMiB: 512, cpu: 1}, {memoryMiB: 512, cpu: 1}];
	// Four candidates: [0, 0.25) the first, [0.25, 0.5) the second, 0.5 the third, 0.999 the fourth.
	for (const [draw, expected] of [[0, 'vm01'], [0.2499, 'vm01'], [0.25, 'vm02'], [0.5, 'vm03'], [0.999, 'vm04']] as const) {
		let draws = 0;
		t.is(pick('rs', {
			vms,
			uniform() {
				draws++;
				return draw;
			},
		}), expected, `uniform ${draw}`);
		t.is(draws, 1);
	}

	// In host order vm04 vm03 vm02 vm01, 0.25 is the second: vm03.
	t.is(pick('rs', {vms, arrival: [3, 2, 1, 0], uniform: () => 0.25}), 'vm03');
	let draws = 0;
	t.is(pick('rs', {
		vms: [],
		uniform() {
			draws++;
			return 0.5;
		},
	}), undefined);
	t.is(draws, 0);
});

test('rSquared: 1 for an exact linear function of one column', t => {
	// Y = 3 + 2 x exactly.
	t.true(near(rSquared([5, 7, 13, 9, 3], [[1, 2, 5, 3, 0]]), 1));
	// Two columns, y = 1 + x1 - 2 x2 exactly.
	t.true(near(rSquared([2, 0, 5, 1, -1], [[1, 3, 4, 2, 0], [0, 2, 0, 1, 1]]), 1));
});

test('rSquared: hand-computed fits of one and two columns', t => {
	// Y 1 3 2 5 on x 1 2 3 4: Sxx 5, Sxy 5.5, Syy = 3.0625 + 0.0625 + 0.5625 + 5.0625 = 8.75;
	// R² = Sxy² / (Sxx Syy) = 30.25 / 43.75 = 121 / 175.
	t.true(near(rSquared([1, 3, 2, 5], [[1, 2, 3, 4]]), 121 / 175));
	// Columns centred and orthogonal: B - 10 = 1 1 -1 -1, C - 10 = 1 -1 1 -1; A = 22 20 19 19, mean 20, centred 2 0 -1 -1: b1 = (2 + 0 + 1 + 1) / 4 = 1, b2 = (2 - 0 - 1 + 1) / 4 = 0.5;
	// fitted 1.5 0.5 -0.5 -1.5, residuals 0.5 -0.5 -0.5 0.5: SSR 1, SST 4 + 0 + 1 + 1 = 6, R² = 1 - 1 / 6 = 5 / 6.
	const a = [22, 20, 19, 19];
	const b = [11, 11, 9, 9];
	const c = [11, 9, 11, 9];
	t.true(near(rSquared(a, [b, c]), 5 / 6));
	// B on A and C: centred A = B' + 0.5 C' + 0.5 E (E = 1 -1 -1 1), so B' projects on B' + 0.5 E (the part of A
	// orthogonal to C'): (B'.(B' + 0.5 E))² / |B' + 0.5 E|² = 16 / 5 of |B'|² = 4: R² = 0.8.
	t.true(near(rSquared(b, [a, c]), 0.8));
	// C on A and B: C' projects on 0.5 C' + 0.5 E: (C'.(0.5 C' + 0.5 E))² / |0.5 C' + 0.5 E|² = 4 / 2 of 4: R² = 0.5.
	t.true(near(rSquared(c, [a, b]), 0.5));
});

test('rSquared: no answer with fewer rows than coefficients, without columns, or with a column all zero', t => {
	// Two columns and an intercept need three rows.
	t.is(rSquared([1, 2], [[1, 0], [0, 1]]), undefined);
	// Three rows fit them exactly.
	t.true(near(rSquared([1, 2, 4], [[1, 0, 2], [0, 1, 5]]), 1));
	t.is(rSquared([1, 2, 3], []), undefined);
	t.is(rSquared([1, 2, 4, 3], [[1, 3, 2, 5], [0, 0, 0, 0]]), undefined);
	t.is(rSquared([1, 2, 4, 3], [[0, 0, 0, 0], [1, 3, 2, 5]]), undefined);
});

/** Three VMs whose histories are C, B and A of the hand-computed fits (R² 0.5, 0.8, 5 / 6), A the largest. */
const correlated: Setup = {
	vms: [{memoryMiB: 512, cpu: 1}, {memoryMiB: 768, cpu: 1}, {memoryMiB: 1024, cpu: 1}],
	histories: [[11, 9, 11, 9], [11, 11, 9, 9], [22, 20, 19, 19]],
};

test('MC: the VM the others explain best (the greatest R²), wherever it is in the host\'s order', t => {
	t.is(pick('mc', correlated), 'vm03');
	t.is(pick('mc', {...correlated, arrival: [0, 2, 1]}), 'vm03');
	t.is(pick('mc', {...correlated, arrival: [2, 1, 0]}), 'vm03');
	// MMT would take vm01.
	t.is(pick('mmt', correlated), 'vm01');
});

test('MC: histories are cut to the shortest, keeping the newest values', t => {
	// Vm02 has four values; the older ones of vm01 and vm03 are not read. (Read from the old end instead, 5 9 3 7 and
	// 6 1 8 2 with vm02's, the greatest R² would be vm01's, 0.993.)
	const histories = [[11, 9, 11, 9, 5, 9, 3, 7], [11, 11, 9, 9], [22, 20, 19, 19, 6, 1, 8, 2]];
	t.is(pick('mc', {...correlated, histories}), 'vm03');
});

test('MC: falls back to MMT when a fit has no answer', t => {
	// Histories of two values: two columns and an intercept need three rows.
	t.is(pick('mc', {...correlated, histories: [[1, 2], [3, 1], [2, 2]]}), 'vm01');
	// A VM whose history is all zero is a zero column in the others' fits. MMT: vm02 (256 MiB).
	const vms = [{memoryMiB: 1024, cpu: 1}, {memoryMiB: 256, cpu: 1}, {memoryMiB: 768, cpu: 1}];
	t.is(pick('mc', {vms, histories: [[11, 9, 11, 9], [0, 0, 0, 0], [22, 20, 19, 19]]}), 'vm02');
	// VMs with no history yet: no rows.
	t.is(pick('mc', {vms}), 'vm02');
	// One candidate: nothing to regress on; it is MMT's (and the only) choice.
	t.is(pick('mc', {vms: [{memoryMiB: 512, cpu: 1}], histories: [[1, 2, 3]]}), 'vm01');
	t.is(pick('mc', {vms: []}), undefined);
});

test('a selector picks among the candidates it is given, in their order', t => {
	const world = worldWith(correlated.vms);
	const round = bb12Round(world);
	const context: SelectorContext = {round, histories: correlated.histories!, uniform: () => 0.9};
	// Not vm01 (the least RAM of the host): vm02 and vm03 only.
	const candidates = [world.vms[1]!, world.vms[2]!];
	t.is(createSelector('mmt').select(context, candidates)?.id, 'vm02');
	// Both ask 1 of 100: a tie, the first.
	t.is(createSelector('mu').select(context, candidates)?.id, 'vm02');
	// Floor(0.9 x 2) = 1.
	t.is(createSelector('rs').select(context, candidates)?.id, 'vm03');
	t.is(createSelector('mmt').select(context, candidates.toReversed())?.id, 'vm02');
	t.is(createSelector('mu').select(context, candidates.toReversed())?.id, 'vm03');
});
