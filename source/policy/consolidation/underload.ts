/**
Consolidation's underload pass (the course material's 3:1 example; Beloglazov and Buyya, CCPE 2012):
when the datacenter is cool, hosts that are on but empty are switched off (one worker always stays
on), and the least-loaded host is emptied if every one of its VMs fits elsewhere: its VMs by
decreasing peak CPU, each to the best fit that takes its peaks within `packingHeadroom`; all or
nothing. Once empty, it is switched off by the next round's first step.
*/
import {residentsOf} from '../../sim/lifecycle.js';
import type {World} from '../../sim/types.js';
import {bestFit, scaledLimits} from '../place/best-fit.js';
import {isUpWorker, takesVms} from '../round/host-state.js';
import type {ViewRound} from '../round/rate-load.js';
import type {VmView} from '../sandpiper/monitor.js';
import type {ManagerState} from '../sandpiper/state.js';
import {byPeakCpu} from '../select/peak-cpu.js';

/** Below this mean CPU of the powered-on hosts, the datacenter is cool enough to consolidate. */
export const consolidateBelow = 0.5;

/**
Consolidation packs to this share of each threshold, not to the threshold itself: headroom for the
next wave of demand, so hosts are not switched off only to be powered on minutes later (this
project's choice, like the upper/lower thresholds of the consolidation literature).
*/
export const packingHeadroom = 0.85;

/** The underload test: the powered-on workers' mean CPU utilisation at the last interval is below `consolidateBelow`. */
export function isCool(world: World): boolean {
	const active = world.hosts.filter(host => isUpWorker(host));
	const meanCpu = active.length === 0 ? 0 : active.reduce((sum, host) => sum + host.usage.utilisation.cpu, 0) / active.length;
	return meanCpu < consolidateBelow;
}

/** Switches off each active host with no VM and no migration, keeping one on. */
function switchOffEmpty(round: ViewRound, state: ManagerState, active: readonly number[]): void {
	const {world, commands} = round;
	for (const index of active) {
		const {id} = round.hosts[index]!;
		const empty = residentsOf(world, id).length === 0 && !round.busy(index);
		if (empty && active.length > 1 && commands.filter(command => command.type === 'powerOff').length < active.length - 1) {
			commands.push({type: 'powerOff', hostId: id});
			if (state.emptying === id) {
				state.emptying = null;
			}
		}
	}
}

/** Plans `vms`, all of host `source`'s, elsewhere, or nothing; whether it did. */
function empty(round: ViewRound, source: number, vms: readonly VmView[]): boolean {
	const {id} = round.hosts[source]!;
	const limits = scaledLimits(round.world.config.monitoring.thresholds, packingHeadroom);
	const mark = round.mark();
	for (const vm of vms) {
		// Unlike relief, this pass lets busy hosts take VMs: their memory is counted, reservations included.
		const to = bestFit(round, vm, round.candidates(source), limits);
		if (to === undefined) {
			round.undo(mark);
			return false;
		}

		round.propose(round.indexOf(vm), to, `consolidating: emptying ${id} to switch it off`);
	}

	return true;
}

export function underloadPass(round: ViewRound, state: ManagerState): void {
	const {world} = round;
	const {hosts} = round;
	const active = hosts.map((_, index) => index).filter(index => takesVms(hosts[index]!.host));
	switchOffEmpty(round, state, active);
	if (state.emptying !== null && world.hosts.find(host => host.id === state.emptying)?.state !== 'up') {
		state.emptying = null;
	}

	if (state.emptying !== null || round.budget <= 0) {
		return;
	}

	const residents = (index: number) => residentsOf(world, hosts[index]!.id).length;
	const candidates = active
		.filter(index => residents(index) > 0 && !round.busy(index) && !round.blocked.has(hosts[index]!.id))
		.toSorted((a, b) => (round.load.cpu[a]! - round.load.cpu[b]!) || hosts[a]!.id.localeCompare(hosts[b]!.id));
	for (const source of candidates) {
		const vms = byPeakCpu(hosts[source]!.vms);
		if (vms.length === residents(source) && vms.length <= round.budget && empty(round, source, vms)) {
			state.emptying = hosts[source]!.id;
			return;
		}
	}
}
