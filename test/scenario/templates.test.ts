/**
Templates: racks, hosts and VMs with `count` expand to copies with unique generated ids, placed by
`hostStride`; a templated file builds the very world its written-out twin builds; duplicates,
over-limit counts and meaningless combinations are refused in one line at the file's entry.
*/
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {failureOf, main} from '../../source/cli/main.js';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario, parseValueWith} from '../../source/scenario/parse-scenario.js';
import {scenarioSchema} from '../../source/scenario/schema.js';
import {expandTemplates} from '../../source/scenario/templates.js';
import {temporaryFolder} from '../helpers/temporary.js';

const web = {
	memoryMiB: 256,
	workload: {
		base: {
			cpu: 10, memory: 200, disk: 1, network: 10,
		},
		shapes: [{
			kind: 'diurnal', amplitude: 0.3, periodTicks: 600, phase: 'per-vm',
		}, {kind: 'ar1', phi: 0.8, sigma: 0.1}],
	},
};

/** A small scenario's JSON text with `changes`. */
function scenario(changes: Record<string, unknown>): string {
	return JSON.stringify({
		version: 1, name: 'templates', vmClasses: {web}, hosts: [{}], vms: [], ...changes,
	});
}

const build = (changes: Record<string, unknown>) => buildScenario(parseScenario(scenario(changes)));

function refusal(t: {throws: (run: () => unknown) => unknown}, changes: Record<string, unknown>): string {
	const error = t.throws(() => build(changes));
	if (!(error instanceof ScenarioInvalidError)) {
		throw new TypeError(`expected a ScenarioInvalidError, got ${String(error)}`);
	}

	return error.message;
}

test('host and VM templates expand to copies with ids from their prefix, or by position', t => {
	const {world} = build({
		hosts: [{count: 3, idPrefix: 'web-'}, {count: 2}, {id: 'spare'}],
		vms: [{class: 'web', host: 'web-01', count: 2}, {
			class: 'web', host: 'web-01', count: 3, hostStride: 1, idPrefix: 'app-',
		}, {class: 'web', host: 'spare'}],
	});
	t.deepEqual(world.hosts.map(host => host.id), ['web-01', 'web-02', 'web-03', 'h04', 'h05', 'spare']);
	t.deepEqual(world.vms.map(vm => [vm.id, vm.hostId]), [
		['vm01', 'web-01'], ['vm02', 'web-01'], ['app-01', 'web-01'], ['app-02', 'web-02'], ['app-03', 'web-03'], ['vm06', 'spare'],
	]);
	t.is(new Set(world.vms.map(vm => vm.id)).size, world.vms.length);
	t.is(new Set(world.vms.flatMap(vm => vm.nics.map(nic => nic.mac))).size, world.vms.length, 'a MAC each');
});

test('a rack template takes consecutive blocks of its subnet\'s size', t => {
	const {world} = build({racks: [{count: 3, subnet: '10.8.0.0/23'}, {id: 'edge', subnet: '10.9.0.0/24'}], hosts: [{rack: 'r03'}]});
	t.deepEqual(world.config.network.racks, [
		{id: 'r01', subnet: '10.8.0.0/23'}, {id: 'r02', subnet: '10.8.2.0/23'}, {id: 'r03', subnet: '10.8.4.0/23'}, {id: 'edge', subnet: '10.9.0.0/24'},
	]);
	t.is(world.hosts[0]!.addresses.ip, '10.8.4.2');
});

test('a templated scenario builds the same world as the same scenario written out', t => {
	const templated = build({
		seed: 9,
		racks: [{count: 2, subnet: '10.1.0.0/24'}],
		hosts: [{count: 2, rack: 'r01'}, {count: 2, rack: 'r02', migrationLimits: {out: 2, in: 1}}],
		vms: [{
			class: 'web', host: 'h01', count: 4, hostStride: 1,
		}, {
			class: 'web', host: 'h02', count: 2, hostStride: 2,
		}],
	});
	const written = build({
		seed: 9,
		racks: [{id: 'r01', subnet: '10.1.0.0/24'}, {id: 'r02', subnet: '10.1.1.0/24'}],
		hosts: [{rack: 'r01'}, {rack: 'r01'}, {rack: 'r02', migrationLimits: {out: 2, in: 1}}, {rack: 'r02', migrationLimits: {out: 2, in: 1}}],
		vms: ['h01', 'h02', 'h03', 'h04', 'h02', 'h04'].map(host => ({class: 'web', host})),
	});
	t.deepEqual(templated.world, written.world);
});

test('host defaults set every host\'s migration limits unless a host names its own', t => {
	const {world} = build({hostDefaults: {migrationLimits: {out: 2, in: 2}}, hosts: [{count: 2}, {id: 'scratch', role: 'scratch', migrationLimits: {out: 4, in: 4}}]});
	t.deepEqual(world.hosts.map(host => host.migrationLimits), [{out: 2, in: 2}, {out: 2, in: 2}, {out: 4, in: 4}]);
});

test('a scenario without templates comes out of the expansion as it went in', t => {
	const directory = new URL('../../fixtures/scenarios/', import.meta.url);
	for (const file of ['sandpiper-16x35.json', 'teaching-3x6.json', 'custom-network.json', 'demo.json', 'consolidation-16x35.json']) {
		const parsed = parseScenario(readFileSync(new URL(file, directory), 'utf8'));
		const {scenario: expanded, issues} = expandTemplates(parsed);
		t.deepEqual(issues, []);
		t.is(expanded.hosts, parsed.hosts, `${file}: the same hosts`);
		t.is(expanded.vms, parsed.vms, `${file}: the same VMs`);
		t.deepEqual(expanded.racks, parsed.racks, `${file}: the same racks`);
	}

	t.true(readdirSync(directory).length > 5);
});

const refusals: Array<{name: string; changes: Record<string, unknown>; message: string}> = [
	{
		name: 'a generated id that an explicit one already took',
		changes: {hosts: [{count: 3, idPrefix: 'web-'}, {id: 'web-02'}]},
		message: 'hosts[1].id: duplicate id web-02',
	},
	{
		name: 'two templates whose copies share ids',
		changes: {
			vms: [{
				class: 'web', host: 'h01', count: 2, idPrefix: 'a',
			}, {
				class: 'web', host: 'h01', count: 2, idPrefix: 'a',
			}],
		},
		message: 'vms[1].id: duplicate id a01 (copy 1 of 2)',
	},
	{
		name: 'templates over the limit in all',
		changes: {hosts: [{count: 3000}, {count: 3000}]},
		message: 'hosts: the templates make 6000 hosts; at most 4096',
	},
	{
		name: 'one id for many copies',
		changes: {hosts: [{id: 'web', count: 2}]},
		message: 'hosts[0].id: the 2 copies of a template need ids of their own: give idPrefix, or nothing to number them by position',
	},
	{
		name: 'an id prefix without a count',
		changes: {hosts: [{idPrefix: 'web-'}]},
		message: 'hosts[0].idPrefix: an id prefix names the copies of a template: give count too (or an id)',
	},
	{
		name: 'a stride past the last host',
		changes: {
			hosts: [{count: 4}], vms: [{
				class: 'web', host: 'h02', count: 3, hostStride: 2,
			}],
		},
		message: 'vms[0].hostStride: copy 3 would be on host 6 of 4 (from h02, 2 further each copy)',
	},
	{
		name: 'one MAC for many copies',
		changes: {
			vms: [{
				class: 'web', host: 'h01', count: 2, mac: '52:54:00:00:00:09',
			}],
		},
		message: 'vms[0].mac: the 2 copies of a template cannot share one MAC: leave it out to generate one each',
	},
	{
		name: 'a rack template past the end of the address space',
		changes: {racks: [{count: 4, subnet: '255.255.254.0/24'}]},
		message: 'racks[0].count: 4 blocks of /24 from 255.255.254.0/24 go past 255.255.255.255',
	},
	{
		name: 'copies that overcommit their host, told at the entry with the copy',
		changes: {vms: [{class: 'web', host: 'h01', count: 8}]},
		message: 'vms[0].host: h01 has 1792 MiB for VMs; its VMs up to vm08 need 2048 MiB (copy 8 of 8)',
	},
];

for (const {name, changes, message} of refusals) {
	test(`refused: ${name}`, t => {
		const got = refusal(t, changes);
		t.true(got.startsWith(message), `got: ${got}`);
		t.false(got.includes('\n'), 'one line');
	});
}

test('counts are bounded by the schema, one entry at a time', t => {
	const error = t.throws(() => parseValueWith(scenarioSchema, JSON.parse(scenario({vms: [{class: 'web', host: 'h01', count: 20_000}]}))));
	t.is(error.message, 'vms[0].count: expected a whole number from 1 to 16384, got 20000');
});

test('a bad template through the CLI: status 2 and one line naming the entry', async t => {
	const file = join(temporaryFolder('sandpiper-templates-'), 'bad.json');
	writeFileSync(file, scenario({hosts: [{count: 3000}, {count: 3000}]}));
	const {message, code} = failureOf(await t.throwsAsync(main(['--headless', '--ticks', '1', '--scenario', file], () => undefined)));
	t.is(code, 2);
	t.is(message, `${file}: hosts: the templates make 6000 hosts; at most 4096`);
});
