/**
Best fit (Beloglazov and Buyya, CCPE 2012, after BFD): a VM goes to the host left fullest on CPU
among those it fits under every limit with its memory; the fullest host adds the least power on
identical hosts and keeps the emptier ones for switching off. The first of `candidates` wins a tie,
so their order is the tie-break.
*/
import type {Rates, VmView} from '../sandpiper/monitor.js';
import type {ViewRound} from '../round/rate-load.js';

export function bestFit(round: ViewRound, vm: VmView, candidates: readonly number[], limits: Rates): number | undefined {
	let best: number | undefined;
	let bestFill = -1;
	for (const index of candidates) {
		if (round.load.misfit(vm, index, limits) !== undefined) {
			continue;
		}

		const fill = round.load.shareWith(vm, index, 'cpu');
		if (fill > bestFill) {
			best = index;
			bestFill = fill;
		}
	}

	return best;
}

/** Each of `thresholds` times `share`: limits with headroom. */
export function scaledLimits(thresholds: Rates, share: number): Rates {
	return {cpu: thresholds.cpu * share, network: thresholds.network * share, disk: thresholds.disk * share};
}
