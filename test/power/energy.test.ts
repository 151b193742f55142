import test from 'ava';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import {runTicks} from '../../source/sim/run.js';
import type {Command} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {interpolate} from '../../source/power/models.js';
import {build} from '../helpers/scenarios.js';

/** 16 hosts without VMs or hypervisor baseline, so their CPU is exactly what is injected. */
function sixteen(extra: Partial<ScenarioInput> = {}): ScenarioInput {
	return {
		version: 1,
		name: 'energy',
		overhead: {baseCpuUnits: 0, cpuUnitsPer100Mbps: 0, migrationCpuUnits: 0},
		hosts: Array.from({length: 16}, () => ({})),
		vms: [],
		...extra,
	};
}

const hour = 3600;

test('16 idle hosts for one simulated hour at 250 W peak and 60 % idle draw 2.4 kWh', t => {
	const {world} = build(sixteen());
	const result = runTicks(world, defaultStrategies, {ticks: hour});
	t.is(Math.round(result.world.counters.energyKWh * 1e6) / 1e6, 2.4);
	t.is(result.world.hosts[0]!.powerWatts, 150);
});

test('at full load the same hosts draw 4.0 kWh', t => {
	const {world} = build(sixteen());
	const full: Command[] = world.hosts.map(host => ({
		type: 'injectLoad', target: {kind: 'host', hostId: host.id}, resource: 'cpu', amount: 500, durationTicks: null,
	}));
	const result = runTicks(world, defaultStrategies, {ticks: hour, timeline: full.map(command => ({tick: 0, command}))});
	t.is(Math.round(result.world.counters.energyKWh * 1e6) / 1e6, 4);
});

test('a powered-off host draws nothing; a booting one draws idle power until it serves', t => {
	const {world} = build(sixteen({power: {bootSeconds: 30}, hosts: [{state: 'off'}, ...Array.from({length: 15}, () => ({}))]}));
	const off = runTicks(world, defaultStrategies, {ticks: 100});
	t.is(off.world.hosts[0]!.energyKWh, 0);
	t.is(off.world.hosts[0]!.powerWatts, 0);
	const booting = runTicks(world, defaultStrategies, {ticks: 10, timeline: [{tick: 0, command: {type: 'powerOn', hostId: 'h01'}}]});
	t.is(booting.world.hosts[0]!.state, 'booting');
	t.is(booting.world.hosts[0]!.powerWatts, 150);
	const up = runTicks(world, defaultStrategies, {ticks: 40, timeline: [{tick: 0, command: {type: 'powerOn', hostId: 'h01'}}]});
	t.is(up.world.hosts[0]!.state, 'up');
	t.true(up.events.some(event => event.type === 'hostBooted' && event.tick === 30));
});

test('SPECpower tables interpolate linearly: the HP ML110 G5 idles at 93.7 W (models.md 7.8: 16 hosts, 1 h, 1.50 kWh)', t => {
	const {world} = build(sixteen({hostDefaults: {power: {specpower: 'hp-ml110-g5'}}}));
	const result = runTicks(world, defaultStrategies, {ticks: hour});
	t.is(Math.round(result.world.counters.energyKWh * 1e4) / 1e4, 1.4992);
	t.is(interpolate([93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135], 0.55), 118.5);
});

test('the scratch host is left out of the datacenter\'s energy', t => {
	const {world} = build(sixteen({hosts: [...Array.from({length: 16}, () => ({})), {id: 'scratch', role: 'scratch'}]}));
	const result = runTicks(world, defaultStrategies, {ticks: hour});
	t.is(Math.round(result.world.counters.energyKWh * 1e6) / 1e6, 2.4);
	t.true(result.world.hosts[16]!.energyKWh > 0);
});
