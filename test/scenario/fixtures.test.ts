import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {scenarioJsonSchemaText} from '../../source/scenario/json-schema.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {ScenarioSyntaxError} from '../../source/scenario/parse-scenario.js';
import {defaultScenarioPath} from '../../source/scenario/read-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';

const scenariosDirectory = new URL('../../fixtures/scenarios/', import.meta.url);
const invalidDirectory = new URL('../../fixtures/invalid/', import.meta.url);

for (const file of readdirSync(scenariosDirectory).filter(name => name.endsWith('.json'))) {
	test(`fixture ${file} loads, has a description and runs`, async t => {
		const built = await loadScenario({path: new URL(file, scenariosDirectory).pathname});
		t.true(built.description.length > 20);
		const result = runTicks(built.world, defaultStrategies, {ticks: 300, timeline: built.timeline});
		t.is(result.world.tick, 300);
		t.false(result.events.some(event => event.type === 'commandRejected'), 'its timeline runs without rejected commands');
	});
}

test('the default scenario is the paper\'s 16 servers and 35 VMs of four classes, two racks, and a scratch host', async t => {
	const {world} = await loadScenario({path: defaultScenarioPath});
	t.is(world.hosts.filter(host => host.role === 'worker').length, 16);
	t.deepEqual(world.hosts.filter(host => host.role === 'scratch').map(host => host.id), ['scratch']);
	t.is(world.vms.length, 35);
	const classes = Object.fromEntries(['streaming', 'web', 'lamp', 'memory-heavy'].map(name => [name, world.vms.filter(vm => vm.vmClass === name).length]));
	t.deepEqual(classes, {
		streaming: 10, web: 13, lamp: 8, 'memory-heavy': 4,
	});
	t.deepEqual([...new Set(world.hosts.map(host => host.rack))], ['r1', 'r2']);
	t.is(world.vms.reduce((sum, vm) => sum + vm.memoryMiB, 0), 19_456);
});

test('the default scenario overloads hosts within its first simulated minutes under static placement', async t => {
	const {world, timeline} = await loadScenario({path: defaultScenarioPath});
	const result = runTicks(world, defaultStrategies, {ticks: 180, timeline});
	t.true(result.world.counters.sustainedOverloadIntervals > 0);
	t.true(result.events.some(event => event.type === 'hostOverloaded'));
});

/** Each invalid fixture, named after its defect, and the message that must name it. */
const expectedErrors: Record<string, string> = {
	'duplicate-host-id': 'hosts[1].id: duplicate id a',
	'duplicate-mac': 'vms[1].mac: 52:54:00:aa:bb:01 is already vm01\'s MAC',
	'forward-port-taken': 'vms[1].forwards[0].hostPort: h01:8080 is already forwarded to vm01:80',
	'paravirtualised-closed-guest': 'vms[0].technique: vm01 on h01: para-virtualisation needs a modified guest kernel, and windows-xp cannot be modified',
	'overlapping-subnets': 'network.networks[0].subnet: 10.1.0.128/25 overlaps rack r1\'s 10.1.0.0/24',
	'undeclared-custom-network': 'vms[0].customNetwork: no network "dmz2" is declared (declared: dmz)',
	'empty-file': 'invalid JSON at line 1, column 1: Unexpected end of JSON input',
	'hypervisor-type-mismatch': 'hosts[0].hypervisor.type: kvm is a type 1 hypervisor, got type 2',
	'json-syntax-error': 'invalid JSON at line 4, column 2',
	'k-greater-than-n': 'monitoring.k: expected k <= n (5), got 6',
	'memory-overcommitted': 'vms[3].host: h01 has 1792 MiB for VMs; its VMs up to vm04 need 2048 MiB',
	'missing-hosts': 'hosts: missing; expected a value here',
	'monitoring-interval-zero': 'monitoring.intervalTicks: expected a positive whole number, got 0',
	'negative-host-memory': 'hosts[1].capacity.memoryMiB: expected a positive number, got -5',
	'negative-seed': 'seed: expected a whole number >= 0, got -1',
	'not-an-object': '(root): expected object, got []',
	'ramp-ends-before-start': 'vms[0].workload.shapes[0].endTick: expected endTick >= startTick (100), got 50',
	'range-backwards': 'vmClasses.web.workload.shapes[0].phase.to: expected from <= to',
	'template-over-limit': 'hosts: the templates make 4097 hosts; at most 4096',
	'threshold-out-of-range': 'monitoring.thresholds.cpu: expected a fraction between 0 and 1 (exclusive), got 1.5',
	'tick-seconds-out-of-range': 'tickSeconds: expected tickSeconds from 1 to 300, got 600',
	'timeline-unknown-host': 'timeline[0].command: no host h07',
	'unknown-field': 'unknown field hostz',
	'unknown-policy': 'policy: unknown policy "magic" (known: none, sandpiper, sandpiper-gray, threshold, consolidate, sandpiper+consolidate, cloudsim:DETECTOR-SELECTOR-PARAMETER (detectors thr, iqr, mad, lr, lrr; selectors mmt, mc, rs, mu; e.g. cloudsim:thr-mmt-0.8))',
	'profile-window-zero': 'manager.profileWindow: expected a window of at least 1 interval, got 0',
	'window-longer-than-history': 'manager.timeSeriesWindow: expected at most monitoring.historyIntervals (60), got 90',
	'peak-percentile-out-of-range': 'manager.peakPercentile: expected a percentile in (0, 100], got 150',
	'unknown-host-role': 'hosts[1].role: expected role worker or scratch, got "spare"',
	'unknown-rack': 'hosts[0].rack: no rack r9 (racks: r1)',
	'unknown-shape-kind': 'vms[0].workload.shapes[0].kind: expected a shape with kind diurnal, ar1, bursts, ramp, flashCrowd or replay',
	'unknown-vm-class': 'vms[0].class: no VM class database (classes: web)',
	'vm-on-missing-host': 'vms[0].host: no host h09',
	'wrong-version': 'version: expected version 1, got 2',
};

test('every invalid fixture has an expected message, and every expectation a fixture', t => {
	const files = readdirSync(invalidDirectory).filter(name => name.endsWith('.json')).map(name => name.replace(/\.json$/v, '')).toSorted();
	t.deepEqual(files, Object.keys(expectedErrors).toSorted());
});

for (const [name, message] of Object.entries(expectedErrors)) {
	test(`invalid fixture ${name} fails with its defect named`, async t => {
		const error = await t.throwsAsync(loadScenario({path: new URL(`${name}.json`, invalidDirectory).pathname}));
		t.true(error instanceof ScenarioInvalidError || error instanceof ScenarioSyntaxError);
		t.true(error.message.includes(message), `got: ${error.message}`);
		t.false(error.message.includes('\n'), 'one line');
	});
}

test('docs/scenario.schema.json is generated from the schema (npm run schema)', t => {
	t.is(readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8'), scenarioJsonSchemaText());
});
