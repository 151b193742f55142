/**
BB12's overload detectors (Beloglazov and Buyya, CCPE 2012, section 6.1), as CloudSim runs them:
- THR: requested CPU over a static share of the host's (0.8);
- IQR and MAD: over 1 - s x the spread of the host's utilisation history (s = 1.5, 2.5), once the
  history has 12 values; until then THR at 0.7 (CloudSim's fallback);
- LR and LRR: a line through the last 10 values of the history, read one migration ahead
  (ceil(longest migration / interval) intervals past the last value), times s (1.2), at or over 1.
A detector reads the round as planned: PABFD asks it of a host with the VM it prices added.
*/
import type {Bb12Round} from '../round/cpu-sums.js';
import {hostHistory, type VmHistories} from './history.js';
import {iqr, leastSquaresLine, mad} from './statistics.js';

export type DetectorContext = {
	round: Bb12Round;
	histories: VmHistories;
	/** Seconds between two rounds (LR reads its line this many seconds per step ahead). */
	intervalSeconds: number;
};

export type OverloadDetector = {
	readonly name: DetectorName;
	readonly parameter: number;
	/** The static threshold on requested utilisation, when the detector is one (placement may then prune by bands). */
	readonly threshold: number | undefined;
	overloaded(context: DetectorContext, index: number): boolean;
};

export type DetectorName = 'thr' | 'iqr' | 'mad' | 'lr' | 'lrr';

/** CloudSim's fallback for the adaptive detectors while a history is short. */
const fallbackThreshold = 0.7;
/** Values an adaptive threshold needs ("12 has been suggested as a safe value", CloudSim), and LR's window. */
const spreadMinimum = 12;
const regressionWindow = 10;

const requestedUtilisation = (round: Bb12Round, index: number) => round.load.utilisation(index);

function staticThreshold(threshold: number): OverloadDetector['overloaded'] {
	return ({round}, index) => requestedUtilisation(round, index) > threshold;
}

/**
An adaptive detector: `decide` reads the host's history once it has `minimum` values, and says
undefined where it cannot (a line with no slope); CloudSim's static 0.7 answers otherwise.
*/
function adaptive(name: DetectorName, parameter: number, minimum: number, decide: (history: number[], context: DetectorContext, index: number) => boolean | undefined): OverloadDetector {
	const fallback = staticThreshold(fallbackThreshold);
	return {
		name,
		parameter,
		threshold: undefined,
		overloaded(context, index) {
			const history = hostHistory(context.round, context.histories, index);
			return (history.length < minimum ? undefined : decide(history, context, index)) ?? fallback(context, index);
		},
	};
}

function spreadDetector(name: 'iqr' | 'mad', parameter: number, spread: (history: number[]) => number): OverloadDetector {
	return adaptive(name, parameter, spreadMinimum, (history, {round}, index) => requestedUtilisation(round, index) > 1 - (parameter * spread(history)));
}

/** The longest migration of host `index`'s planned VMs, at CloudSim's RAM / (BW / 2). */
function longestMigrationSeconds(round: Bb12Round, index: number): number {
	const halfLinkMBps = round.hosts[index]!.capacity.networkMbps / 16;
	let longest = Number.NEGATIVE_INFINITY;
	for (const vm of round.load.plannedOn(index)) {
		longest = Math.max(longest, vm.memoryMiB / halfLinkMBps);
	}

	return longest;
}

function regressionDetector(name: 'lr' | 'lrr', parameter: number): OverloadDetector {
	return adaptive(name, parameter, regressionWindow, (history, context, index) => {
		// Oldest first, x = 1 ... 10.
		const [intercept, slope] = leastSquaresLine(history.slice(0, regressionWindow).toReversed());
		if (Number.isNaN(intercept) || Number.isNaN(slope)) {
			return undefined;
		}

		const ahead = Math.ceil(longestMigrationSeconds(context.round, index) / context.intervalSeconds);
		return parameter * (intercept + (slope * (regressionWindow + ahead))) >= 1;
	});
}

export function createDetector(name: DetectorName, parameter: number): OverloadDetector {
	switch (name) {
		case 'thr': {
			return {
				name, parameter, threshold: parameter, overloaded: staticThreshold(parameter),
			};
		}

		case 'iqr': {
			return spreadDetector(name, parameter, iqr);
		}

		case 'mad': {
			return spreadDetector(name, parameter, mad);
		}

		case 'lr':
		case 'lrr': {
			return regressionDetector(name, parameter);
		}
	}
}
