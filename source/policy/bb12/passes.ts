/**
The two passes of a BB12 round (Beloglazov and Buyya, CCPE 2012, section 6; CloudSim's
`optimizeAllocation`), over one planning round:
1. overload: every host the detector finds overloaded sheds VMs, the selector's choice one at a time,
   until the detector no longer finds it so; then those VMs, by decreasing CPU request (ties in the
   order they were chosen), each go where PABFD puts them; overloaded hosts take none;
2. underload: hosts that carried load when the round began, least utilised first (utilisation then,
   what each was granted), are emptied all or nothing: their VMs, by decreasing CPU request, each
   where PABFD puts them among hosts that carried load then and are neither overloaded nor tried.
   A host that took VMs in this pass is not tried; one that took VMs in the overload pass may be, so
   a VM may move twice in one round (CloudSim's pass excludes only its own targets).
*/
import type {DetectorContext, OverloadDetector} from '../detect/detectors.js';
import type {Pabfd} from '../place/pabfd.js';
import {zeroed} from '../round/buffers.js';
import type {Bb12Round} from '../round/cpu-sums.js';
import type {SelectorContext, VmSelector} from '../select/selectors.js';

/** VM positions by decreasing CPU request; stable (Array#toSorted is): equal requests keep the order they came in, as CloudSim's sort keeps them. */
const byCpuDescending = (demand: Float64Array) => (a: number, b: number) => demand[b]! - demand[a]!;

export type PassTools = {
	round: Bb12Round;
	detector: OverloadDetector;
	selector: VmSelector;
	placement: Pabfd;
	detectorContext: DetectorContext;
	selectorContext: SelectorContext;
};

/** Pass 1; returns the overloaded hosts. */
export function overloadPass(tools: PassTools): number[] {
	const {round, detector, selector, placement, detectorContext, selectorContext} = tools;
	const overloaded: number[] = [];
	for (let index = 0; index < round.hosts.length; index++) {
		if (round.up[index] === 1 && detector.overloaded(detectorContext, index)) {
			overloaded.push(index);
		}
	}

	const leaving: number[] = [];
	for (const index of overloaded) {
		round.exclude(index);
		for (;;) {
			const movable = round.load.movableOn(index);
			const vm = selector.select(selectorContext, movable.map(vmIndex => round.vms[vmIndex]!));
			if (!vm) {
				break;
			}

			// The chosen VM's position among the candidates' (a lookup by VM was a map's, cold each round).
			const vmIndex = movable.find(vmIndex => round.vms[vmIndex] === vm)!;
			leaving.push(vmIndex);
			round.detach(vmIndex);
			if (!detector.overloaded(detectorContext, index)) {
				break;
			}
		}
	}

	const why = `overloaded (${detector.name.toUpperCase()}); `;
	const chosenBy = ` chosen by ${selector.name.toUpperCase()}`;
	for (const vmIndex of leaving.toSorted(byCpuDescending(round.load.demand))) {
		const target = placement.findHost(vmIndex);
		if (target !== undefined) {
			const vm = round.vms[vmIndex]!;
			round.propose(vmIndex, target, `${vm.hostId} ${why}${vm.id}${chosenBy}`);
		}
	}

	return overloaded;
}

/** Pass 2. */
export function underloadPass(tools: PassTools, overloaded: readonly number[]): void {
	const {round, placement} = tools;
	const {allocatedAtStart, capacity, demand, movable} = round.load;
	const count = round.hosts.length;
	const untried = zeroed(round.hosts, 'untried', Uint8Array);
	const startUtilisation = zeroed(round.hosts, 'startUtilisation', Float64Array);
	for (let index = 0; index < count; index++) {
		startUtilisation[index] = allocatedAtStart[index]! / capacity[index]!;
		untried[index] = round.up[index] === 1 && allocatedAtStart[index]! > 0 && startUtilisation[index]! < 1 ? 1 : 0;
	}

	for (const index of overloaded) {
		untried[index] = 0;
	}

	placement.onlyLoadedAtStart();
	const order = [];
	for (let index = 0; index < count; index++) {
		if (untried[index] === 1) {
			order.push(index);
		}
	}

	order.sort((a, b) => (startUtilisation[a]! - startUtilisation[b]!) || a - b);
	const largestFirst = byCpuDescending(demand);
	for (const index of order) {
		if (untried[index] === 0) {
			continue;
		}

		const planned = round.load.plannedIndices(index);
		// CloudSim passes over a host with nothing on it or a VM in migration (`areAllVmsMigratingOutOrAnyVmMigratingIn`).
		if (planned.length === 0 || !planned.every(vmIndex => movable[vmIndex] === 1)) {
			continue;
		}

		untried[index] = 0;
		round.exclude(index);
		const mark = round.mark();
		const targets: number[] = [];
		const reason = `${round.hosts[index]!.id} underloaded: emptied`;
		for (const vmIndex of planned.toSorted(largestFirst)) {
			const target = placement.findHost(vmIndex);
			if (target === undefined) {
				round.undo(mark);
				targets.length = 0;
				break;
			}

			round.propose(vmIndex, target, reason);
			targets.push(target);
		}

		for (const target of targets) {
			untried[target] = 0;
		}
	}
}
