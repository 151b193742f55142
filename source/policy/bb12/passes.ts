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
import type {Vm} from '../../sim/types.js';
import type {DetectorContext, OverloadDetector} from '../detect/detectors.js';
import type {Pabfd} from '../place/pabfd.js';
import type {PlanningRound} from '../round/round.js';
import type {SelectorContext, VmSelector} from '../select/selectors.js';

/** Stable (Array#toSorted is): equal requests keep the order they came in, as CloudSim's sort keeps them. */
const byCpuDescending = (a: Vm, b: Vm) => b.usage.demand.cpu - a.usage.demand.cpu;

const notMigrating = (vm: Vm) => vm.migrationId === null && vm.state === 'running';

export type PassTools = {
	round: PlanningRound;
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

	const leaving: Vm[] = [];
	for (const index of overloaded) {
		round.exclude(index);
		for (;;) {
			const vm = selector.select(selectorContext, round.plannedOn(index).filter(vm => notMigrating(vm)));
			if (!vm) {
				break;
			}

			leaving.push(vm);
			round.detach(vm);
			if (!detector.overloaded(detectorContext, index)) {
				break;
			}
		}
	}

	for (const vm of leaving.toSorted(byCpuDescending)) {
		const target = placement.findHost(vm);
		if (target !== undefined) {
			round.propose(vm, target, `${vm.hostId} overloaded (${detector.name.toUpperCase()}); ${vm.id} chosen by ${selector.name.toUpperCase()}`);
		}
	}

	return overloaded;
}

/** Pass 2. */
export function underloadPass(tools: PassTools, overloaded: readonly number[]): void {
	const {round, placement} = tools;
	const untried = new Uint8Array(round.hosts.length);
	const startUtilisation = (index: number) => round.allocatedAtStart[index]! / round.capacity[index]!;
	for (let index = 0; index < round.hosts.length; index++) {
		untried[index] = round.up[index] === 1 && round.allocatedAtStart[index]! > 0 && startUtilisation(index) < 1 ? 1 : 0;
	}

	for (const index of overloaded) {
		untried[index] = 0;
	}

	placement.onlyLoadedAtStart();
	const order = [];
	for (let index = 0; index < round.hosts.length; index++) {
		if (untried[index] === 1) {
			order.push(index);
		}
	}

	order.sort((a, b) => (startUtilisation(a) - startUtilisation(b)) || a - b);
	for (const index of order) {
		if (untried[index] === 0) {
			continue;
		}

		const planned = round.plannedOn(index);
		// CloudSim passes over a host with nothing on it or a VM in migration (`areAllVmsMigratingOutOrAnyVmMigratingIn`).
		if (planned.length === 0 || !planned.every(vm => notMigrating(vm))) {
			continue;
		}

		untried[index] = 0;
		round.exclude(index);
		const mark = round.mark();
		const targets: number[] = [];
		for (const vm of planned.toSorted(byCpuDescending)) {
			const target = placement.findHost(vm);
			if (target === undefined) {
				round.undo(mark);
				targets.length = 0;
				break;
			}

			round.propose(vm, target, `${round.hosts[index]!.id} underloaded: emptied`);
			targets.push(target);
		}

		for (const target of targets) {
			untried[target] = 0;
		}
	}
}
