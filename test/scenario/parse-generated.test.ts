import test from 'ava';
import fc from 'fast-check';
import {cloudsimScenario} from '../../source/scenario/cloudsim-datacenter.js';
import {parseGenerated} from '../../source/scenario/parse-generated.js';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {parseValueWith} from '../../source/scenario/parse-scenario.js';
import {scenarioSchema, type ScenarioInput} from '../../source/scenario/schema.js';
import {readTraceDirectory} from '../../source/scenario/traces.js';

const sample = new URL('../../fixtures/traces/sample/', import.meta.url).pathname;

test('checking a generated datacenter by kinds gives what checking every host and VM gives, to the byte', async t => {
	const traces = await readTraceDirectory(sample);
	fc.assert(fc.property(
		fc.integer({min: 1, max: 40}),
		fc.integer({min: 1, max: 60}),
		fc.integer({min: 0, max: 2}),
		(hosts, vms, tickChoice) => {
			const tickSeconds = [300, 60, 100][tickChoice]!;
			let input: ScenarioInput;
			try {
				input = cloudsimScenario({
					traces, hosts, vms, tickSeconds,
				});
			} catch {
				return; // More VMs than the hosts hold: refused before any check.
			}

			t.is(JSON.stringify(parseGenerated(input)), JSON.stringify(parseValueWith(scenarioSchema, input)));
		},
	), {numRuns: 40});
});

test('a generated VM is still its own: its trace, id and host are not its kind\'s', async t => {
	const traces = await readTraceDirectory(sample);
	const scenario = parseGenerated(cloudsimScenario({traces, hosts: 12, vms: 12}));
	const [first, second] = scenario.vms.filter(vm => vm.memoryMiB === scenario.vms[0]!.memoryMiB);
	t.not(first!.id, second!.id);
	t.deepEqual(first!.workload!.shapes![0]!.kind === 'replay' && first!.workload!.shapes![0]!.values, traces[0]!.values);
	t.deepEqual(second!.workload!.shapes![0]!.kind === 'replay' && second!.workload!.shapes![0]!.values, traces[1]!.values);
	// Copies, not the trace itself: a run that edits one VM's series leaves the trace (and other VMs) alone.
	t.not(first!.workload!.shapes![0]!.kind === 'replay' && first!.workload!.shapes![0]!.values, traces[0]!.values);
});

test('every id and host name of a generated datacenter is checked, not only its kinds\'', async t => {
	const traces = await readTraceDirectory(sample);
	const input = cloudsimScenario({traces, hosts: 12, vms: 12});
	input.vms[7] = {...input.vms[7]!, host: 'not a name'};
	t.throws(() => parseGenerated(input), {instanceOf: ScenarioInvalidError});
});
