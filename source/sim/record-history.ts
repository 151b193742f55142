/** Phase 5 of a tick: the bounded history of every host and VM (./history.ts holds its parts). */
import {recordTick} from './history.js';
import {pushToSeries} from './series.js';
import {isZero} from './resource-vector.js';
import type {World} from './types.js';

/**
Tick samples of each host's CPU, and the interval means of hosts and VMs (`closing`: this tick ends an
interval). A host quiet for longer than it takes to fill its series with zeros (its tick samples, and
every interval sample after the interval the quiet began in) is skipped: its series are full of zeros,
so another zero changes no sample, only where the ring starts. Its accumulator still counts ticks, so
that the mean of an interval it wakes in is right. Most hosts of a consolidated datacenter are off for
hours (about 60 % of the host-ticks of the parity day).
*/
export function recordHistory(world: World, closing: boolean): void {
	const {monitoring} = world.config;
	const quietLimit = Math.max(monitoring.tickHistoryLength, (monitoring.historyIntervals + 1) * monitoring.intervalTicks);
	for (const host of world.hosts) {
		const {utilisation, swapMBps} = host.usage;
		const {history} = host;
		const {accumulator} = history;
		history.quietTicks = isZero(utilisation) && swapMBps === 0 ? history.quietTicks + 1 : 0;
		// Quiet or not, the same operations run and only the values chosen differ, so that the first host
		// skipped (61 ticks into a parity run) meets no operation the optimising compiler has no feedback for.
		const skipped = history.quietTicks > quietLimit;
		const countedTicks = closing ? 0 : accumulator.ticks + 1;
		accumulator.ticks = skipped ? countedTicks : accumulator.ticks;
		if (skipped) {
			continue;
		}

		pushToSeries(history.cpuTicks, utilisation.cpu, monitoring.tickHistoryLength);
		recordTick(history.accumulator, history.intervals, monitoring.historyIntervals, closing, utilisation.cpu, utilisation.memory, utilisation.disk, utilisation.network, swapMBps);
	}

	for (const vm of world.vms) {
		// A finished VM (CloudSim's) is gone for good: nothing reads its history again.
		if (vm.state === 'finished') {
			continue;
		}

		const {granted, demand, swapMBps} = vm.usage;
		recordTick(vm.accumulator, vm.intervals, monitoring.historyIntervals, closing, granted.cpu, demand.memory, granted.disk, granted.network, swapMBps);
	}
}
