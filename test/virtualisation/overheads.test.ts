import test from 'ava';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';
import {overheadFor} from '../../source/virtualisation/overheads.js';
import {build, steadyClass} from '../helpers/scenarios.js';

type Technique = 'full' | 'hardware-assisted' | 'paravirtualisation';

/** The hypervisor CPU a host spends on one VM, by technique (ESXi offers all three) and family. */
const io = {network: 300, disk: 80};

function overheadOf(technique: Technique | 'container', family: 'esxi' | 'virtualbox' = 'esxi'): number {
	const input: ScenarioInput = {
		version: 1,
		name: 'overheads',
		overhead: {baseCpuUnits: 0, cpuUnitsPer100Mbps: 2, migrationCpuUnits: 0},
		hostDefaults: {hypervisor: {family, technique: 'hardware-assisted'}},
		hosts: [{}],
		vmClasses: {app: steadyClass(30, 512, io)},
		vms: [technique === 'container' ? {class: 'app', host: 'h01', kind: 'container'} : {class: 'app', host: 'h01', technique}],
	};
	const {world} = runTicks(build(input).world, defaultStrategies, {ticks: 3});
	return world.hosts[0]!.usage.overheadCpuUnits;
}

test('overheads order as documented: binary rewriting > hardware-assisted >= para-virtualised > container, on I/O-heavy work', t => {
	const full = overheadOf('full');
	const hardware = overheadOf('hardware-assisted');
	const para = overheadOf('paravirtualisation');
	const container = overheadOf('container');
	t.true(full > hardware, `${full} > ${hardware}`);
	t.true(hardware >= para, `${hardware} >= ${para}`);
	t.true(para > container, `${para} > ${container}`);
	// Para-virtualisation is the calibrated baseline: 2 units per 100 Mbit/s of network I/O.
	t.is(para, 6);
});

test('a type 2 hypervisor pays for its host OS on top of the same technique', t => {
	t.true(overheadOf('hardware-assisted', 'virtualbox') > overheadOf('hardware-assisted', 'esxi'));
	const hosted = overheadFor({kind: 'vm', technique: 'full'}, 2);
	t.is(Math.round(hosted.cpuShare * 1e9) / 1e9, 0.15);
	t.is(hosted.ioFactor, 3);
	t.deepEqual(overheadFor({kind: 'container', technique: null}, 2), overheadFor({kind: 'container', technique: null}, 1), 'a container has no hypervisor to pay for');
});

test('the scenario loader refuses para-virtualisation on a guest that cannot be modified, and a technique the hypervisor lacks', t => {
	const base = {
		version: 1 as const,
		name: 'techniques',
		hosts: [{hypervisor: {family: 'esxi' as const, technique: 'full' as const}}, {hypervisor: {family: 'kvm' as const, technique: 'hardware-assisted' as const}}],
		vmClasses: {app: steadyClass(10, 256)},
	};
	t.throws(() => build({
		...base, vms: [{
			class: 'app', host: 'h01', technique: 'paravirtualisation', guest: {name: 'windows-server-2003', modifiable: false},
		}],
	}), {message: 'vms[0].technique: vm01 on h01: para-virtualisation needs a modified guest kernel, and windows-server-2003 cannot be modified'});
	t.throws(() => build({...base, vms: [{class: 'app', host: 'h02', technique: 'full'}]}), {message: 'vms[0].technique: vm01 on h02: KVM does not offer full (it offers hardware-assisted, paravirtualisation)'});
	t.notThrows(() => build({...base, vms: [{class: 'app', host: 'h01', guest: {name: 'windows-server-2003', modifiable: false}}]}), 'full virtualisation runs an unmodified guest');
});
