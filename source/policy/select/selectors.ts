/**
BB12's VM selectors (Beloglazov and Buyya, CCPE 2012, section 6.2): which VM an overloaded host
sheds next, from those it may move, in its host's order (ties go to the first, as CloudSim's strict
comparisons give them):
- MMT, minimum migration time: the least RAM (migration time is RAM over the same bandwidth);
- MU, minimum utilisation: the least CPU requested for the VM's size;
- RS, random selection: uniformly, from the policy's seeded stream;
- MC, maximum correlation: the VM whose history the others' histories explain best (R², see
  ./correlation.ts); MMT when no fit has an answer.
*/
import type {Vm} from '../../sim/types.js';
import type {VmHistories} from '../detect/history.js';
import type {Bb12Round} from '../round/cpu-sums.js';
import {rSquared} from './correlation.js';

export type SelectorName = 'mmt' | 'mc' | 'rs' | 'mu';

export type SelectorContext = {
	round: Bb12Round;
	histories: VmHistories;
	/** A uniform draw in [0, 1) from the policy's seeded stream. */
	uniform: () => number;
};

export type VmSelector = {
	readonly name: SelectorName;
	select(context: SelectorContext, candidates: readonly Vm[]): Vm | undefined;
};

/** The first candidate with the least `metric` (a strict `<`: ties stay with the first). */
function least(candidates: readonly Vm[], metric: (vm: Vm) => number): Vm | undefined {
	let best: Vm | undefined;
	let bestMetric = Number.POSITIVE_INFINITY;
	for (const vm of candidates) {
		const value = metric(vm);
		if (value < bestMetric) {
			best = vm;
			bestMetric = value;
		}
	}

	return best;
}

const minimumMigrationTime = (candidates: readonly Vm[]) => least(candidates, vm => vm.memoryMiB);

/** A VM's CPU request as a share of its size (its workload's base CPU). */
const cpuShare = (vm: Vm) => vm.usage.demand.cpu / (vm.workload.base.cpu > 0 ? vm.workload.base.cpu : 1);

function maximumCorrelation(context: SelectorContext, candidates: readonly Vm[]): Vm | undefined {
	if (candidates.length === 0) {
		return undefined;
	}

	const rows = candidates.map(vm => context.histories[context.round.indexOf(vm)] ?? []);
	const length = Math.min(...rows.map(row => row.length));
	const series = rows.map(row => row.slice(0, length));
	let best = 0;
	let bestMetric = Number.MIN_VALUE;
	for (const [index, y] of series.entries()) {
		const metric = rSquared(y, series.filter((_, other) => other !== index));
		if (metric === undefined) {
			return minimumMigrationTime(candidates);
		}

		if (metric > bestMetric) {
			best = index;
			bestMetric = metric;
		}
	}

	return candidates[best];
}

export function createSelector(name: SelectorName): VmSelector {
	switch (name) {
		case 'mmt': {
			return {name, select: (_, candidates) => minimumMigrationTime(candidates)};
		}

		case 'mu': {
			return {name, select: (_, candidates) => least(candidates, cpuShare)};
		}

		case 'rs': {
			return {name, select: (context, candidates) => candidates.length === 0 ? undefined : candidates[Math.floor(context.uniform() * candidates.length)]};
		}

		case 'mc': {
			return {name, select: maximumCorrelation};
		}
	}
}
