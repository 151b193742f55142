import {
	existsSync, writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {parseWorkloadCsv, withCsvWorkload} from '../../source/scenario/csv-workload.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {parseTrace, readTraceDirectory} from '../../source/scenario/traces.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';
import {cloudsimMetrics} from '../../source/report/run-report.js';
import {invariantViolations} from '../helpers/invariants.js';
import {temporaryFolder} from '../helpers/temporary.js';

const sample = new URL('../../fixtures/traces/sample/', import.meta.url).pathname;
const planetlab = new URL('../../../shared/traces/planetlab/20110303/', import.meta.url).pathname;

test('a bad trace file is named with its line', t => {
	t.throws(() => parseTrace('node a', '12\n7\nabc\n'), {message: 'trace node a, line 3: expected a CPU percentage, got "abc"'});
	t.throws(() => parseTrace('node b', '12\n140\n'), {message: 'trace node b, line 2: expected a percentage from 0 to 100, got 140'});
	t.throws(() => parseTrace('node c', ''), {message: 'trace node c: empty file'});
	t.deepEqual(parseTrace('node d', '0\n50\n100\n').values, [0, 0.5, 1]);
});

/** What a trace line means, written as plainly as possible: the fast scan must agree with it. */
function plainly(text: string): number[] | 'refused' {
	const lines = text.split(/\r?\n/v);
	if (lines.at(-1) === '') {
		lines.pop();
	}

	const values = lines.map(line => /^-?\d+(?:\.\d+)?$/v.test(line.trim()) ? Number(line.trim()) : Number.NaN);
	return values.length > 0 && values.every(value => value >= 0 && value <= 100) ? values.map(value => value / 100) : 'refused';
}

test('any trace text reads as the plain rule says: the same values, or refused with a line named', t => {
	const line = fc.tuple(
		fc.constantFrom('', ' ', '\t', '\u00A0'),
		fc.oneof(fc.nat(120).map(String), fc.tuple(fc.nat(120), fc.nat(99)).map(([whole, part]) => `${whole}.${part}`), fc.constantFrom('', '-0', '-3', '7.', 'x', '1e2', '0050')),
		fc.constantFrom('', ' ', '\r'),
	).map(parts => parts.join(''));
	fc.assert(fc.property(fc.array(line, {maxLength: 8}), fc.constantFrom('', '\n', '\r\n'), (lines, end) => {
		const text = lines.join('\n') + end;
		const expected = plainly(text);
		if (expected === 'refused') {
			t.throws(() => parseTrace('f', text), {message: /^trace f(?:: empty file|, line \d+: )/v});
		} else {
			t.deepEqual(parseTrace('f', text).values, expected);
		}
	}), {numRuns: 2000});
});

test('the bundled sample: files in name order (spaces and all), 288 samples each', async t => {
	const traces = await readTraceDirectory(sample);
	t.is(traces.length, 12);
	t.deepEqual(traces.map(trace => trace.name), traces.map(trace => trace.name).toSorted());
	t.true(traces.some(trace => trace.name.includes(' ')));
	t.true(traces.every(trace => trace.values.length === 288));
});

test('traces replayed on the scenario\'s VMs: CPU follows the file, interpolated between 5-minute samples', async t => {
	const built = await loadScenario({traceDir: sample, policy: 'none'});
	const traces = await readTraceDirectory(sample);
	const vm = built.world.vms[0]!;
	const {world} = runTicks(built.world, defaultStrategies, {ticks: 451});
	const [first, second] = [traces[0]!.values[1]!, traces[0]!.values[2]!];
	// Tick 450 is halfway between samples 1 (tick 300) and 2 (tick 600): 100 units = one server.
	t.is(Math.round(world.vms[0]!.usage.demand.cpu * 1e6) / 1e6, Math.round(100 * ((first + second) / 2) * 1e6) / 1e6);
	t.is(vm.id, world.vms[0]!.id);
	t.is(built.world.vms[12]!.workload.shapes.at(-1)?.kind, 'replay', 'files are reused in order past their count');
});

test('CloudSim parity on the sample: a day of 288 five-minute ticks, hosts switched off, CloudSim\'s metrics', async t => {
	const built = await loadScenario({traceDir: sample, hosts: 10, cloudsim: true});
	t.is(built.world.config.tickSeconds, 300);
	t.is(built.world.policy, 'cloudsim:thr-mmt-0.8');
	const {world, events} = runTicks(built.world, defaultStrategies, {ticks: 288});
	t.true(events.some(event => event.type === 'hostPoweredOff'));
	t.true(world.counters.energyKWh > 0);
	const metrics = cloudsimMetrics(world.counters);
	for (const value of Object.values(metrics)) {
		t.true(value >= 0 && value <= 1);
	}

	t.is(metrics.slav, metrics.slatah * metrics.pdm);
	t.deepEqual(invariantViolations(world), []);
	// RAM / (BW / 2): a 1740 MB VM over a 1 Gbit/s link takes 27.84 s, a 613 MB one 9.81 s.
	const memory = new Map(world.vms.map(vm => [vm.id, vm.memoryMiB]));
	const completed = events.flatMap(event => event.type === 'migrationCompleted' ? [event] : []);
	t.true(completed.length > 0);
	for (const event of completed) {
		// CloudSim's migration has no resume and no downtime.
		t.true(Math.abs(event.durationSeconds - (memory.get(event.vmId)! * 8 / 500)) < 1e-6 && event.downtimeSeconds === 0, `${event.vmId}: ${event.durationSeconds} s`);
	}
});

test('a workload CSV replaces the named VMs\' demand; errors name the line', async t => {
	const csv = 'vm,tick,cpu,mem,disk,net\nvm01,0,10,100,1,5\nvm01,10,30,200,3,15\n';
	const series = parseWorkloadCsv('w.csv', csv);
	const built = await loadScenario({policy: 'none'});
	withCsvWorkload(built.world, 'w.csv', series);
	const {world} = runTicks(built.world, defaultStrategies, {ticks: 6});
	t.is(Math.round(world.vms[0]!.usage.demand.cpu * 1e9) / 1e9, 20);
	t.throws(() => parseWorkloadCsv('w.csv', 'vm,tick,cpu\n'), {message: 'w.csv, line 1: expected the header vm,tick,cpu,mem,disk,net'});
	t.throws(() => parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\nvm01,0,x,1,1,1\n'), {message: 'w.csv, line 2, column 3 (cpu): expected a number from 0 to 1e9, got "x"'});
	t.throws(() => withCsvWorkload(built.world, 'w.csv', parseWorkloadCsv('w.csv', 'vm,tick,cpu,mem,disk,net\nvm99,0,1,1,1,1\n')), {message: 'w.csv: no VM vm99 in scenario sandpiper-16x35'});
	const directory = temporaryFolder('sandpiper-csv-');
	writeFileSync(join(directory, 'w.csv'), csv);
	const loaded = await loadScenario({workloadCsv: join(directory, 'w.csv')});
	t.is(loaded.world.vms[0]!.workload.shapes.length, 4);
});

const hasPlanetlab = existsSync(planetlab);
(hasPlanetlab ? test : test.skip)(`the real PlanetLab day 20110303 loads: 1,052 files of 288 samples${hasPlanetlab ? '' : ' (skipped: ../shared/traces is absent)'}`, async t => {
	const traces = await readTraceDirectory(planetlab);
	t.is(traces.length, 1052);
	t.true(traces.every(trace => trace.values.length === 288));
	t.true(traces.some(trace => trace.name.includes(' ')));
});
