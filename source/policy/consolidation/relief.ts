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
import type {ViewLedger} from '../round/view-ledger.js';
import {rateResources} from '../sandpiper/monitor.js';
import {byPeakCpu} from '../select/peak-cpu.js';

/** The hosts Sandpiper's black-box detection finds hot. */
export function hotHosts(ledger: ViewLedger): Set<string> {
	const {monitoring, manager} = ledger.requests.world.config;
	return new Set(ledger.hosts
		.filter(host => detectHotspots(host, monitoring, 'black-box', manager.timeSeriesWindow).length > 0)
		.map(host => host.id));
}

export function reliefChain(ledger: ViewLedger, hot: ReadonlySet<string>): ReliefChain {
	const {hosts} = ledger;
	const {thresholds} = ledger.requests.world.config.monitoring;
	const over = (index: number) => hot.has(hosts[index]!.id) || rateResources.some(resource => ledger.share(index, resource) > thresholds[resource]);
	return {
		// A host's peaks change only once it is busy, and busy hosts send nothing: the sources can be read at once.
		sources: hosts.map((_, index) => index).filter(index => takesVms(hosts[index]!.host) && over(index)),
		held: source => ledger.busy(source) || ledger.budget <= 0 ? null : undefined,
		select: source => byPeakCpu(hosts[source]!.vms).slice(0, 1),
		placeFrom: source => vm => bestFit(ledger, vm, ledger.candidates(source, index => !ledger.busy(index)), thresholds),
		allocation: vm => vm.memoryMiB,
		reason: (vm, source) => `${hosts[source]!.id} cannot take its VMs' peaks; ${vm.id} to the best fit`,
		fallback(_, vms) {
			if (vms[0]) {
				powerOnOne(ledger.requests, `no powered-on host takes ${vms[0].id}'s peaks`);
			}

			return undefined;
		},
	};
}
