import test from 'ava';
import fc from 'fast-check';
import {cloudsimScenario, PlacementError} from '../../source/scenario/cloudsim-datacenter.js';
import {parseValueWith} from '../../source/scenario/parse-scenario.js';
import {scenarioSchema, type Scenario, type ScenarioInput} from '../../source/scenario/schema.js';
import {readTraceDirectory, type Trace} from '../../source/scenario/traces.js';

const sample = new URL('../../fixtures/traces/sample/', import.meta.url).pathname;

/**
The generated scenario as a file would say it. monitoring.thresholds.memory defaults to 1 ("never"),
which a file cannot write (the field takes fractions below 1), so it is left out for the schema to fill in.
*/
function asInput(scenario: Scenario): ScenarioInput {
	const {memory: _memory, ...thresholds} = scenario.monitoring.thresholds;
	return {...scenario, monitoring: {...scenario.monitoring, thresholds}};
}

// Traces as ./traces.ts reads them: 1 to 300 samples, each a fraction from 0 to 1.
const tracesArbitrary = fc.array(
	fc.record({name: fc.string({minLength: 1, maxLength: 8}), values: fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 300})}),
	{minLength: 1, maxLength: 12},
);

test('the generated datacenter is a checked scenario: the schema, given it, changes nothing (to the byte, key order too)', t => {
	let checked = 0;
	fc.assert(fc.property(
		tracesArbitrary,
		// Up to 4 VMs a host: most fit (3 digits of ids and host names), some do not.
		fc.integer({min: 1, max: 120}).chain(hosts => fc.tuple(fc.constant(hosts), fc.integer({min: 1, max: Math.min(150, 4 * hosts)}))),
		fc.oneof(fc.constantFrom(300, 100, 60, 1), fc.double({min: 1, max: 300, noNaN: true})),
		(traces: Trace[], [hosts, vms], tickSeconds) => {
			let scenario: Scenario;
			try {
				scenario = cloudsimScenario({
					traces, hosts, vms, tickSeconds,
				});
			} catch (error) {
				if (error instanceof PlacementError) {
					return; // More VMs than the hosts hold: refused before anything is built.
				}

				throw error;
			}

			const built = JSON.stringify(scenario);
			t.is(JSON.stringify(parseValueWith(scenarioSchema, asInput(scenario))), built);
			checked++;
		},
	), {numRuns: 40});
	t.true(checked >= 10, `only ${checked} of 40 runs placed their VMs`);
});

test('a generated VM is still its own: its trace, id and host are not its kind\'s', async t => {
	const traces = await readTraceDirectory(sample);
	const scenario = cloudsimScenario({traces, hosts: 12, vms: 12});
	const [first, second] = scenario.vms.filter(vm => vm.memoryMiB === scenario.vms[0]!.memoryMiB);
	t.not(first!.id, second!.id);
	t.deepEqual(first!.workload!.shapes![0]!.kind === 'replay' && first!.workload!.shapes![0]!.values, traces[0]!.values);
	t.deepEqual(second!.workload!.shapes![0]!.kind === 'replay' && second!.workload!.shapes![0]!.values, traces[1]!.values);
	// Copies, not the trace itself: a run that edits one VM's series leaves the trace (and other VMs) alone.
	t.not(first!.workload!.shapes![0]!.kind === 'replay' && first!.workload!.shapes![0]!.values, traces[0]!.values);
});

test('a generated datacenter shares no object between hosts or VMs', async t => {
	const traces = await readTraceDirectory(sample);
	const scenario = cloudsimScenario({traces, hosts: 12, vms: traces.length * 2});
	const [a, b] = scenario.hosts;
	t.not(a!.hypervisor, b!.hypervisor);
	t.not(scenario.vms[0]!.attach, scenario.vms[1]!.attach);
	const replayed = scenario.vms.map(vm => vm.workload!.shapes![0]!.kind === 'replay' ? vm.workload!.shapes![0]!.values : undefined);
	t.is(new Set(replayed).size, replayed.length, 'each VM its own copy of the samples, even where two replay one file');
});

test('a generated datacenter\'s tick is within the schema\'s bounds', t => {
	const traces = [{name: 'a', values: [0.5]}];
	for (const tickSeconds of [0, 0.5, 301, Number.NaN]) {
		t.throws(() => cloudsimScenario({traces, hosts: 1, tickSeconds}), {instanceOf: RangeError, message: `a generated datacenter's tick is from 1 to 300 seconds, not ${tickSeconds}`});
	}
});
