/**
Consolidation's overload pass: a host that is hot (Sandpiper's detection, black-box) or cannot take
its own VMs' peaks sends its largest VM by peak CPU to the best fit that takes its peaks; when none
does, the first host that is off is powered on, and takes the VM once it is up. Busy hosts (a
migration in or out) neither send nor take a VM.
*/
import {detectHotspots} from '../detect/k-of-n.js';
import {bestFit} from '../place/best-fit.js';
import {powerOnOne} from '../place/power-on.js';
import {takesVms} from '../round/host-state.js';
import type {ReliefChain} from '../round/relief-pass.js';
import type {ViewRound} from '../round/rate-load.js';
import {rateResources} from '../sandpiper/monitor.js';
import {byPeakCpu} from '../select/peak-cpu.js';

/** The hosts Sandpiper's black-box detection finds hot. */
export function hotHosts(round: ViewRound): Set<string> {
	const {monitoring, manager} = round.world.config;
	return new Set(round.hosts
		.filter(host => detectHotspots(host, monitoring, 'black-box', manager.timeSeriesWindow).length > 0)
		.map(host => host.id));
}

export function reliefChain(round: ViewRound, hot: ReadonlySet<string>): ReliefChain {
	const {hosts} = round;
	const {thresholds} = round.world.config.monitoring;
	const over = (index: number) => hot.has(hosts[index]!.id) || rateResources.some(resource => round.load.share(index, resource) > thresholds[resource]);
	return {
		// A host's peaks change only once it is busy, and busy hosts send nothing: the sources can be read at once.
		sources: hosts.map((_, index) => index).filter(index => takesVms(hosts[index]!.host) && over(index)),
		held: source => round.busy(source) || round.budget <= 0 ? null : undefined,
		select: source => byPeakCpu(hosts[source]!.vms).slice(0, 1),
		placeFrom: source => vm => bestFit(round, vm, round.candidates(source, index => !round.busy(index)), thresholds),
		allocation: vm => vm.memoryMiB,
		reason: (vm, source) => `${hosts[source]!.id} cannot take its VMs' peaks; ${vm.id} to the best fit`,
		fallback(_, vms) {
			if (vms[0]) {
				powerOnOne(round.records, `no powered-on host takes ${vms[0].id}'s peaks`);
			}

			return undefined;
		},
	};
}
