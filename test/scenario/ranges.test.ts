/**
A VM's workload: ranges drawn at build time (the same seed draws the same values, every VM its own,
one range never moves another's draw), replaceShapes instead of the class's shapes, a noiseSeed that
gives VMs one noise whatever the scenario seed.
*/
import test from 'ava';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import type {Vm, WorkloadShape} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';

const ar1 = {kind: 'ar1', phi: 0.8, sigma: 0.1};

function build(shapes: unknown[], changes: Record<string, unknown> = {}, seed = 1) {
	return buildScenario(parseScenario(JSON.stringify({
		version: 1,
		name: 'ranges',
		seed,
		hosts: [{count: 4}],
		vmClasses: {
			web: {
				memoryMiB: 128,
				workload: {
					base: {
						cpu: 10, memory: 100, disk: 1, network: 10,
					},
					shapes,
				},
			},
		},
		vms: [{class: 'web', host: 'h01', count: 8}],
		...changes,
	})));
}

const diurnal = (phase: unknown, amplitude: unknown = 0.3) => ({
	kind: 'diurnal', amplitude, periodTicks: 600, phase,
});

function shapeOf<K extends WorkloadShape['kind']>(vm: Vm, kind: K): Extract<WorkloadShape, {kind: K}> {
	return vm.workload.shapes.find((shape): shape is Extract<WorkloadShape, {kind: K}> => shape.kind === kind)!;
}

const phases = (vms: readonly Vm[]) => vms.map(vm => shapeOf(vm, 'diurnal').phase);

test('a ranged phase is drawn per VM: the same seed draws the same phases, other VMs and seeds others, all in the range', t => {
	const range = {from: 0.2, to: 0.4};
	const first = phases(build([diurnal(range)]).world.vms);
	t.deepEqual(phases(build([diurnal(range)]).world.vms), first, 'same seed, same phases');
	t.is(new Set(first).size, first.length, 'every VM its own');
	t.true(first.every(phase => phase >= 0.2 && phase < 0.4));
	t.notDeepEqual(phases(build([diurnal(range)], {}, 2).world.vms), first, 'another seed, other phases');
});

test('whole-number fields draw whole numbers from their range, both ends included', t => {
	const crowd = {
		kind: 'flashCrowd', startTick: {from: 100, to: 102}, durationTicks: {from: 5, to: 5}, factor: {from: 2, to: 3},
	};
	const ticks = new Set<number>();
	for (const seed of [1, 2, 3, 4, 5]) {
		for (const vm of build([crowd], {}, seed).world.vms) {
			const shape = shapeOf(vm, 'flashCrowd');
			t.true(Number.isInteger(shape.startTick) && shape.startTick >= 100 && shape.startTick <= 102);
			t.is(shape.durationTicks, 5);
			t.true(shape.factor >= 2 && shape.factor < 3);
			ticks.add(shape.startTick);
		}
	}

	t.deepEqual([...ticks].toSorted((a, b) => a - b), [100, 101, 102]);
});

test('one range never moves another\'s draw, nor the "per-vm" phases from the VM\'s own stream', t => {
	const rangedPhase = phases(build([diurnal({from: 0, to: 1})]).world.vms);
	t.deepEqual(phases(build([diurnal({from: 0, to: 1}, {from: 0.1, to: 0.5}), {...ar1, sigma: {from: 0, to: 0.3}}]).world.vms), rangedPhase);
	const perVm = phases(build([diurnal('per-vm'), ar1]).world.vms);
	t.deepEqual(phases(build([diurnal('per-vm', {from: 0.1, to: 0.5}), {...ar1, sigma: {from: 0, to: 0.3}}]).world.vms), perVm);
});

test('a ranged scale draws each VM\'s size of the base demand', t => {
	const {world} = build([], {
		vms: [{
			class: 'web', host: 'h01', count: 4, workload: {scale: {from: 0.5, to: 1.5}},
		}],
	});
	const cpus = world.vms.map(vm => vm.workload.base.cpu);
	t.is(new Set(cpus).size, 4);
	t.true(cpus.every(cpu => cpu >= 5 && cpu < 15));
	t.is(world.vms[0]!.workload.base.memory / world.vms[0]!.workload.base.cpu, 10, 'the whole base scales');
});

test('replaceShapes replaces the class\'s shapes; shapes adds to them', t => {
	const own = [diurnal(0.75, 0.5), {...ar1, sigma: 0.02}];
	const {world} = build([diurnal('per-vm'), ar1], {
		vms: [
			{class: 'web', host: 'h01', workload: {replaceShapes: own}},
			{class: 'web', host: 'h01', workload: {shapes: [{...ar1, sigma: 0.02}]}},
			{class: 'web', host: 'h01'},
		],
	});
	const [replaced, added, plain] = world.vms;
	t.deepEqual(replaced!.workload.shapes, [{...diurnal(0.75, 0.5), resources: ['cpu', 'disk', 'network']}, {...ar1, sigma: 0.02, resources: ['cpu', 'disk', 'network']}]);
	t.deepEqual(added!.workload.shapes.map(shape => shape.kind), ['diurnal', 'ar1', 'ar1']);
	t.deepEqual(plain!.workload.shapes.map(shape => shape.kind), ['diurnal', 'ar1']);
	t.is(replaced!.random.noise.length, 1, 'one AR(1) noise level: the class\'s noise is gone');
});

test('shapes and replaceShapes together, and a range that runs backwards, are refused at their path', t => {
	const both = t.throws(() => build([], {vms: [{class: 'web', host: 'h01', workload: {shapes: [], replaceShapes: []}}]}));
	t.true(both instanceof ScenarioInvalidError);
	t.true(both.message.startsWith('vms[0].workload.replaceShapes: expected shapes (added to the class\'s) or replaceShapes (instead of them), not both'), `got: ${both.message}`);
	const backwards = t.throws(() => build([diurnal({from: 0.6, to: 0.2})]));
	t.true(backwards.message.startsWith('vmClasses.web.workload.shapes[0].phase.to: expected from <= to'), `got: ${backwards.message}`);
	const outside = t.throws(() => build([diurnal(0, {from: 0, to: 2})]));
	t.true(outside.message.startsWith('vmClasses.web.workload.shapes[0].amplitude.to: expected an amplitude from 0 to 1, got 2'), `got: ${outside.message}`);
	const wrong = t.throws(() => build([diurnal(0, 'high')]));
	t.true(wrong.message.startsWith('vmClasses.web.workload.shapes[0].amplitude: expected an amplitude from 0 to 1, or a range {"from": a, "to": b}'), `got: ${wrong.message}`);
});

/** CPU demand of each VM over 40 ticks. */
function cpuSeries(built: ReturnType<typeof build>): number[][] {
	const series: number[][] = built.world.vms.map(() => []);
	let {world} = built;
	for (let tick = 0; tick < 40; tick++) {
		world = runTicks(world, defaultStrategies, {ticks: 1}).world;
		for (const [index, vm] of world.vms.entries()) {
			series[index]!.push(vm.usage.demand.cpu);
		}
	}

	return series;
}

test('VMs with one noiseSeed share their noise, whatever the scenario seed', t => {
	const vms = [{
		class: 'web', host: 'h01', count: 2, workload: {noiseSeed: 42},
	}, {class: 'web', host: 'h02'}];
	const [a, b, other] = cpuSeries(build([ar1], {vms}));
	t.deepEqual(a, b);
	t.notDeepEqual(a, other);
	const [reseeded] = cpuSeries(build([ar1], {vms}, 99));
	t.deepEqual(reseeded, a);
});
