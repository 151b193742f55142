import test, {type ExecutionContext} from 'ava';
import fc from 'fast-check';
import {cloudsimScenario} from '../../source/scenario/cloudsim-datacenter.js';
import {buildScenario} from '../../source/scenario/load-scenario.js';
import {endsInterval, pushFlag} from '../../source/sim/history.js';
import {
	emptySeries, pushToSeries, seriesValues, type Series,
} from '../../source/sim/series.js';
import type {Command} from '../../source/sim/types.js';
import {stepInPlace} from '../../source/sim/step.js';
import {defaultStrategies} from '../../source/strategies.js';
import {same} from '../helpers/same.js';

test('property: pushFlag keeps the newest `limit` flags, oldest first, whatever the list held and however the limit changes', t => {
	fc.assert(fc.property(
		fc.array(fc.boolean(), {maxLength: 12}),
		fc.array(fc.tuple(fc.boolean(), fc.integer({min: 1, max: 8})), {maxLength: 40}),
		(start, pushes) => {
			const flags = [...start];
			let expected = [...start];
			for (const [flag, limit] of pushes) {
				pushFlag(flags, flag, limit);
				expected = [...expected, flag].slice(-limit);
				t.deepEqual(flags, expected);
			}
		},
	), {seed: 21, numRuns: 200});
});

/** The ring as it was first written (append until full, then overwrite the oldest): what `pushToSeries` must still do. */
function pushWithBranches(series: Series, value: number, limit: number): void {
	if (series.values.length < limit) {
		series.values.push(value);
		return;
	}

	series.values[series.start] = value;
	const next = series.start + 1;
	series.start = next === series.values.length ? 0 : next;
}

test('property: pushToSeries keeps the newest `limit` samples, oldest first, and matches the branching ring however the limit changes', t => {
	fc.assert(fc.property(
		fc.integer({min: 1, max: 8}),
		fc.array(fc.tuple(fc.double({noNaN: true}), fc.integer({min: 1, max: 8})), {maxLength: 40}),
		(fixedLimit, pushes) => {
			const fixed = emptySeries();
			let expected: number[] = [];
			const changing = emptySeries();
			const reference = emptySeries();
			for (const [value, limit] of pushes) {
				pushToSeries(fixed, value, fixedLimit);
				expected = [...expected, value].slice(-fixedLimit);
				t.deepEqual(seriesValues(fixed), expected);
				pushToSeries(changing, value, limit);
				pushWithBranches(reference, value, limit);
				t.deepEqual(changing, reference);
			}
		},
	), {seed: 22, numRuns: 200});
});

/** Every sample a host would have recorded, kept whole: the naive history the ring and the quiet skip must read as. */
type Shadow = {ticks: number[]; means: number[][]; sums: number[]; count: number; flags: boolean[]};

type QuietCase = {intervalTicks: number; historyIntervals: number; tickHistoryLength: number};

/**
Runs a parity datacenter whose hosts are off for long and checks, every tick, each host's series and
accumulator against a naive history of every sample; true when hosts were skipped and one woke inside
an interval after being skipped (the case is only a test then).
*/
function quietHistoryMatches(t: ExecutionContext, monitoring: QuietCase): boolean {
	// Light VMs that all burst now and then: the parity policy switches hosts off for long, and wakes them for the bursts.
	const traces = Array.from({length: 12}, (_, index) => ({
		name: `t${index}`,
		values: Array.from({length: 20}, (_, sample) => (sample % 10 >= 8 ? 0.7 : 0.04 + (index / 1000))),
	}));
	// Ticks of 10 s, so that a migration takes two.
	const input = cloudsimScenario({traces, hosts: 20, tickSeconds: 10});
	// A generated scenario is whole and checked: built as it is, as a run builds it.
	const {world} = buildScenario({
		...input,
		monitoring: {...input.monitoring, ...monitoring},
		manager: {...input.manager, profileWindow: monitoring.historyIntervals, timeSeriesWindow: monitoring.historyIntervals},
	});
	const {intervalTicks, historyIntervals, tickHistoryLength} = monitoring;
	// How long a host must be quiet to be skipped: its tick series, and the interval it fell quiet in plus four more.
	const quietLimit = Math.max(tickHistoryLength, (historyIntervals + 1) * intervalTicks);
	const resources = ['cpu', 'memory', 'disk', 'network', 'swapMBps'] as const;
	const shadows: Shadow[] = world.hosts.map(() => ({
		ticks: [], means: resources.map(() => []), sums: resources.map(() => 0), count: 0, flags: [],
	}));
	const {thresholds, n, k} = world.config.monitoring;
	let skipped = 0;
	// Hosts that went down with a flag up: their flags must fall one interval at a time.
	let downWithFlags = 0;
	let woken = 0;
	let woke: string | undefined;
	let loaded: string | undefined;
	for (let tick = 0; tick < 500; tick++) {
		const closing = endsInterval(world.tick, world.config.monitoring);
		const quietBefore = world.hosts.map(host => host.history.quietTicks);
		// The policy wakes hosts as an interval begins; a person may do so inside one: a host skipped for long
		// is powered on, and a VM sent to it the next tick (ticks 301 and 302 are inside theirs).
		const sleeper = world.hosts.find(host => host.history.quietTicks > quietLimit && host.state === 'off');
		const vm = world.vms.find(candidate => candidate.state === 'running' && candidate.migrationId === null);
		const commands: Command[] = [];
		// A host loaded past the thresholds for long, then failed: it goes down with its flags up.
		if (tick === 180) {
			loaded = world.hosts.find(host => host.state === 'up')?.id;
			commands.push({
				type: 'injectLoad', target: {kind: 'host', hostId: loaded!}, resource: 'cpu', amount: 1e6, durationTicks: null,
			});
		} else if (tick === 230) {
			commands.push({type: 'failHost', hostId: loaded!});
		} else if (tick === 301 && sleeper) {
			commands.push({type: 'powerOn', hostId: sleeper.id});
		} else if (tick === 302 && woke && vm) {
			commands.push({
				type: 'requestMigration', vmId: vm.id, destinationHostId: woke, mode: null,
			});
		}

		woke = tick === 301 ? sleeper?.id : woke;
		stepInPlace(world, commands, defaultStrategies);
		for (const [index, host] of world.hosts.entries()) {
			const shadow = shadows[index]!;
			const {utilisation, swapMBps} = host.usage;
			const values = [utilisation.cpu, utilisation.memory, utilisation.disk, utilisation.network, swapMBps];
			// A host that was being skipped starts work with ticks of the interval behind it.
			woken += quietBefore[index]! > quietLimit && host.history.quietTicks === 0 && shadow.count > 0 ? 1 : 0;
			shadow.ticks.push(utilisation.cpu);
			shadow.count++;
			for (const [at, value] of values.entries()) {
				shadow.sums[at]! += value;
			}

			if (closing) {
				for (const at of resources.keys()) {
					shadow.means[at]!.push(shadow.sums[at]! / shadow.count);
					shadow.sums[at] = 0;
				}

				shadow.count = 0;
				// The k-of-n flags of models.md 7.7, from the interval means: a host that is not up is over nothing.
				const [cpu, , disk, network, swap] = shadow.means.map(means => means.at(-1)!);
				const over = host.state === 'up' && (cpu! > thresholds.cpu || disk! > thresholds.disk || network! > thresholds.network || swap! > thresholds.swapMBps);
				downWithFlags += host.state !== 'up' && shadow.flags.includes(true) ? 1 : 0;
				shadow.flags = [...shadow.flags, over].slice(-n);
				same(t, host.history.overThreshold, shadow.flags);
				same(t, host.sustainedOverload, shadow.flags.filter(Boolean).length >= k);
			}

			skipped += host.history.quietTicks > quietLimit ? 1 : 0;
			same(t, seriesValues(host.history.cpuTicks), shadow.ticks.slice(-tickHistoryLength));
			for (const [at, resource] of resources.entries()) {
				same(t, seriesValues(host.history.intervals[resource]), shadow.means[at]!.slice(-historyIntervals));
			}

			same(t, host.history.accumulator.ticks, shadow.count);
		}
	}

	return skipped > 100 && woken > 0 && downWithFlags > 0;
}

test('a host quiet for long is skipped, yet every series and k-of-n flag reads as if each zero had been recorded, also when it wakes inside an interval or goes off with flags up', t => {
	// The tick series the longest, then the interval series.
	t.true(quietHistoryMatches(t, {intervalTicks: 4, historyIntervals: 4, tickHistoryLength: 30}));
	t.true(quietHistoryMatches(t, {intervalTicks: 4, historyIntervals: 6, tickHistoryLength: 5}));
});
