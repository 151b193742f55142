/**
SP07's swap (section 6): when no single move relieves a hot host, its VM v and the smallest set of
lowest-VSR VMs of a cooler host trade places through a scratch host, if both hosts then stay under
their thresholds. Over a round whose loads are shares (Sandpiper's projection, ../round/load-models.ts).
*/
import {rateResources, type VmView} from '../sandpiper/monitor.js';
import type {ViewRound} from '../round/rate-load.js';
import {byVsrAscending} from '../select/vsr.js';

export type PlannedSwap = {
	vmId: string;
	from: string;
	to: string;
	swappedVmIds: string[];
	via: string;
};

/** A swap found, with the positions of its partner and its scratch host (both held for the rest of the round). */
export type SwapFound = {swap: PlannedSwap; partner: number; scratch: number};

/** The position of the scratch host free for `vm`, if any: it stages one VM at a time, so one a swap of this round booked is not. */
function scratchFor(round: ViewRound, vm: VmView): number | undefined {
	const at = round.hosts.findIndex((host, index) => host.host.role === 'scratch' && host.host.state === 'up' && !round.blocked.has(host.id)
		&& round.incoming[index] === 0 && round.freeMiB[index]! >= vm.memoryMiB);
	return at === -1 ? undefined : at;
}

/** The swap of `vm` off `source` with the first of `partners` (least volume first) that admits one, or why none does. */
export function findSwap(round: ViewRound, source: number, vm: VmView, partners: readonly number[]): SwapFound | string {
	const scratch = scratchFor(round, vm);
	if (scratch === undefined) {
		return 'no scratch host is free for a swap';
	}

	const {load, hosts} = round;
	const {thresholds} = round.world.config.monitoring;
	const sourceHost = hosts[source]!;
	const sourceFree = round.freeMiB[source]!;
	const leaving = load.added(vm, source);
	for (const partner of partners) {
		const partnerHost = hosts[partner]!;
		const partnerFree = round.freeMiB[partner]!;
		const arriving = load.added(vm, partner);
		const offered = byVsrAscending(partnerHost.vms);
		for (let size = 1; size <= offered.length; size++) {
			const set = offered.slice(0, size);
			const setMiB = set.reduce((sum, member) => sum + member.memoryMiB, 0);
			if (sourceFree + vm.memoryMiB < setMiB || partnerFree + setMiB < vm.memoryMiB) {
				continue;
			}

			const fitsBoth = rateResources.every(resource => {
				const setOnSource = set.reduce((sum, member) => sum + load.added(member, source)[resource], 0);
				const setOnPartner = set.reduce((sum, member) => sum + load.added(member, partner)[resource], 0);
				return load[resource][source]! - leaving[resource] + setOnSource <= thresholds[resource]
					&& load[resource][partner]! - setOnPartner + arriving[resource] <= thresholds[resource];
			});
			if (fitsBoth) {
				return {
					swap: {
						vmId: vm.id, from: sourceHost.id, to: partnerHost.id, swappedVmIds: set.map(member => member.id), via: round.hosts[scratch]!.id,
					},
					partner,
					scratch,
				};
			}
		}
	}

	return 'no swap with a cooler host keeps both under their thresholds';
}
