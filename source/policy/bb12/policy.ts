/**
A member of BB12's family (Beloglazov and Buyya, CCPE 2012), composed: an overload detector, a VM
selector and power-aware best fit, over one planning round (./passes.ts). Named as CloudSim's runs
are, `cloudsim:<detector>-<selector>-<parameter>` (`cloudsim:thr-mmt-0.8`, `cloudsim:lr-mmt-1.2`).

As CloudSim runs them: no round at the first sample (its first comes at the end of the first
interval); each VM's request is recorded every interval (the histories the adaptive detectors and
MC read); a VM's grant is capped at one of its host's two cores; a host lists its VMs in order of
arrival, which breaks ties; empty hosts no move reaches are switched off at the end of the round.
*/
import {cloudsimCoreUnits, cloudsimMigrationSeconds} from '../../sim/cloudsim-host.js';
import {createStream, StateStream} from '../../sim/rng.js';
import type {Policy, PolicyDecision} from '../../sim/strategies.js';
import type {World} from '../../sim/types.js';
import {createDetector, type DetectorName} from '../detect/detectors.js';
import {recordRound, type VmHistories} from '../detect/history.js';
import {Pabfd} from '../place/pabfd.js';
import {bb12Round, type Bb12Round} from '../round/cpu-sums.js';
import {createSelector, type SelectorName} from '../select/selectors.js';
import {overloadPass, underloadPass} from './passes.js';

export type Bb12Spec = {detector: DetectorName; selector: SelectorName; parameter: number};

type Bb12State = {
	histories: VmHistories;
	/** Each VM's rank on its host's list (by VM position), and the next rank to give. */
	arrival: number[];
	nextArrival: number;
	/** The random selector's stream (xoroshiro128+ words). */
	random: number[];
};

/** The random selector's stream number: past any VM's. */
const selectorStream = 0x7F_FF_FF_FF;

export function bb12PolicyName(spec: Bb12Spec): string {
	return `cloudsim:${spec.detector}-${spec.selector}-${spec.parameter}`;
}

function asState(value: unknown, world: World): Bb12State {
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the state is this policy's own, written by `decide` only.
	const state = value as Partial<Bb12State> | null;
	return {
		histories: state?.histories ?? [],
		arrival: state?.arrival ?? world.vms.map((_, index) => index),
		nextArrival: state?.nextArrival ?? world.vms.length,
		random: state?.random ?? createStream(world.seed, selectorStream),
	};
}

/**
Switches off each empty worker that is up, touched by no migration and planned no VM. A host that had
no VM when the round began was never emptied, so a VM proposed onto it stayed: with none planned on
it, the migrations its `busy` counts are those running.
*/
function switchOffEmpty(round: Bb12Round): void {
	for (let index = 0; index < round.hosts.length; index++) {
		if (round.up[index] === 1 && round.poweredOn[index] === 0 && round.load.residentCount(index) === 0 && !round.busy(index) && round.load.plannedCount(index) === 0) {
			round.commands.push({type: 'powerOff', hostId: round.hosts[index]!.id});
		}
	}
}

/**
The ranks of this round's moves on their new hosts: a VM joins its host's list when its migration
ends, the shortest first (CloudSim's migrations take RAM / (BW / 2)), those that end together in the
order they were asked for.
*/
function arrivals(round: Bb12Round, state: Bb12State): {arrival: number[]; nextArrival: number} {
	const arrival = [...state.arrival];
	let {nextArrival} = state;
	// Grouped by duration, each group in the order asked, then the groups shortest first: the stable sort's
	// answer, where a comparator called for every pair was a first round's dearest part.
	const byDuration = new Map<number, number[]>();
	const {proposed, vms, hosts} = round;
	for (let at = 0; at < proposed.length; at += 2) {
		const vmIndex = proposed[at]!;
		const seconds = cloudsimMigrationSeconds(vms[vmIndex]!.memoryMiB, hosts[proposed[at + 1]!]!.capacity.networkMbps);
		const group = byDuration.get(seconds);
		if (group) {
			group.push(vmIndex);
		} else {
			byDuration.set(seconds, [vmIndex]);
		}
	}

	for (const seconds of [...byDuration.keys()].toSorted((a, b) => a - b)) {
		for (const vmIndex of byDuration.get(seconds)!) {
			arrival[vmIndex] = nextArrival++;
		}
	}

	return {arrival, nextArrival};
}

export function bb12Policy(spec: Bb12Spec): Policy {
	const detector = createDetector(spec.detector, spec.parameter);
	const selector = createSelector(spec.selector);
	return {
		name: bb12PolicyName(spec),
		description: `BB12 as CloudSim runs it: ${spec.detector.toUpperCase()} (${spec.parameter}) overload detection, ${spec.selector.toUpperCase()} selection, power-aware best fit, underloaded hosts emptied`,
		initialState: world => asState(null, world),
		decide(world, stateValue): PolicyDecision {
			const state = asState(stateValue, world);
			if (world.tick === 0) {
				return {
					commands: [], rejections: [], events: [], state: {...state, histories: recordRound(world, state.histories)},
				};
			}

			const round = bb12Round(world, {arrival: state.arrival, coreUnits: cloudsimCoreUnits});
			const histories = recordRound(world, state.histories, round.load.demand);
			const detectorContext = {round, histories, intervalSeconds: world.config.tickSeconds * world.config.monitoring.intervalTicks};
			const stream = new StateStream();
			stream.state = [...state.random];
			const selectorContext = {round, histories, uniform: () => stream.uniform()};
			const placement = new Pabfd(round, detector, detectorContext);
			const tools = {
				round, detector, selector, placement, detectorContext, selectorContext,
			};
			const overloaded = overloadPass(tools);
			underloadPass(tools, overloaded);
			switchOffEmpty(round);
			const {arrival, nextArrival} = arrivals(round, state);

			return {
				commands: round.commands,
				rejections: [],
				events: round.events,
				state: {
					histories, arrival, nextArrival, random: stream.getState(),
				},
			};
		},
	};
}
