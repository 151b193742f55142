/**
The schema's bounds keep every result finite: a scenario with every capacity, demand and factor at
its largest allowed value (and as many shapes as allowed) runs, and its report holds only numbers.
*/
import test from 'ava';
import {runReport} from '../../source/report/run-report.js';
import {ScenarioInvalidError} from '../../source/scenario/build-world.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {parseScenario} from '../../source/scenario/parse-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';

const big = 1e9;
const factor = 1000;
const resources = ['cpu', 'memory', 'disk', 'network'];

/** Sixteen shapes, every one at its largest factor, on every resource. */
const shapes = Array.from({length: 16}, (_, index) => [
	{
		kind: 'bursts', meanOnTicks: 1, meanOffTicks: 1, factor, resources,
	},
	{
		kind: 'ramp', startTick: 0, endTick: 1, fromFactor: factor, toFactor: factor, resources,
	},
	{
		kind: 'flashCrowd', startTick: 0, durationTicks: big, factor, rampTicks: 0, resources,
	},
	{
		kind: 'replay', values: [factor, 0, factor], sampleTicks: 0.001, loop: true, resources,
	},
	{
		kind: 'ar1', phi: 0.999, sigma: factor, resources,
	},
	{
		kind: 'diurnal', amplitude: 1, periodTicks: 1, phase: 0.25, resources,
	},
][index % 6]);

function scenarioText(policy: string, demand = big): string {
	const capacity = {
		cpuUnits: big, memoryMiB: big, hypervisorReserveMiB: big / 2, diskMBps: big, networkMbps: big,
	};
	return JSON.stringify({
		version: 1,
		name: 'every bound',
		policy,
		hostDefaults: {capacity, power: {peakWatts: big, idleShare: 1}},
		overhead: {baseCpuUnits: big, cpuUnitsPer100Mbps: big, migrationCpuUnits: big},
		migration: {
			maxRateMiBps: big, stopPages: big, maxRounds: 1000, maxFactor: factor, resumeMs: big, postcopyResumeMs: big, faultRttMs: big,
		},
		swapMBpsPerMiB: big,
		network: {connectionMbps: 1e-6},
		hosts: [{}, {}, {}, {power: {specpower: Array.from({length: 11}, () => big)}}],
		vmClasses: {
			huge: {
				memoryMiB: big / 8, vcpus: 1024, wwsMiB: big, coldDirtyMiBps: big, workload: {
					base: {
						cpu: demand, memory: big, disk: big, network: big,
					}, shapes,
				},
			},
		},
		vms: Array.from({length: 8}, (_, index) => ({
			class: 'huge', host: `h0${(index % 2) + 1}`, workload: {scale: factor, shapes},
		})),
		timeline: [
			{
				tick: 3, command: {
					type: 'injectLoad', target: {kind: 'host', hostId: 'h01'}, resource: 'cpu', amount: big,
				},
			},
			{
				tick: 5, command: {
					type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h03', allocationMiB: big / 8,
				},
			},
		],
	});
}

function nonFinite(value: unknown, path: string): string[] {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? [] : [`${path}: ${value}`];
	}

	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
	}

	return [];
}

for (const policy of ['sandpiper', 'threshold', 'consolidate']) {
	test(`every capacity, demand and factor at its bound: ${policy} reports only finite numbers; past the bound is refused`, t => {
		const built = buildScenario(parseScenario(scenarioText(policy)));
		const report = runReport(built.world, defaultStrategies, {ticks: 300, timeline: built.timeline});
		t.is(report.ticks, 300);
		t.deepEqual(nonFinite(report.summary, 'summary'), []);
		t.deepEqual(nonFinite(report.hosts, 'hosts'), []);
		t.deepEqual(nonFinite(report.events, 'events'), []);
		// 1e308 once made NaN demands and null figures in a report that still exited 0.
		for (const demand of [big * 10, 1e308]) {
			t.throws(() => parseScenario(scenarioText(policy, demand)), {
				instanceOf: ScenarioInvalidError,
				message: `vmClasses.huge.workload.base.cpu: expected a number from 0 to 1e9, got ${demand}`,
			});
		}
	});
}
