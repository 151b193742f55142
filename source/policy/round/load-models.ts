/**
How each policy over the monitor's view projects a host's load (./rate-load.ts): Sandpiper's peaks
with the hypervisor's cost (SP07 section 6), consolidation's peaks in units, the threshold baseline's
current CPU. Each keeps its own arithmetic: the plans are the ones these policies always made.
*/
import type {OverheadConfig, World} from '../../sim/types.js';
import {
	capacityOf, rateResources, type HostView, type MonitorView, type Rates, type VmView,
} from '../sandpiper/monitor.js';
import type {RateProjection} from './rate-load.js';

/** A VM's peak as a share of a host's capacity, with the hypervisor CPU its network I/O costs there. */
function shareOn(vm: VmView, host: HostView, overhead: OverheadConfig): Rates {
	return {
		cpu: (vm.peak.cpu + (overhead.cpuUnitsPer100Mbps * vm.peak.network / 100)) / capacityOf(host.host, 'cpu'),
		network: vm.peak.network / capacityOf(host.host, 'network'),
		disk: vm.peak.disk / capacityOf(host.host, 'disk'),
	};
}

/**
Sandpiper's: a host's projected peak utilisation, the sum of its VMs' peak estimates (and of VMs on
their way in) plus the hypervisor's share. Summing peaks is conservative, and unlike the host's own
history it is right at once after a VM arrives or leaves.
*/
export function peakShares(view: MonitorView, world: World): RateProjection {
	const {overhead} = world.config;
	const vmsById = new Map(view.hosts.flatMap(host => host.vms.map(vm => [vm.id, vm] as const)));
	const arriving = new Map<string, VmView[]>();
	for (const migration of world.migrations) {
		const vm = vmsById.get(migration.vmId);
		if (vm) {
			arriving.set(migration.destinationHostId, [...(arriving.get(migration.destinationHostId) ?? []), vm]);
		}
	}

	return {
		start(host) {
			const totals: Rates = {cpu: 0, network: 0, disk: 0};
			for (const vm of [...host.vms, ...(arriving.get(host.id) ?? [])]) {
				for (const resource of rateResources) {
					totals[resource] += vm.peak[resource];
				}
			}

			totals.cpu += overhead.baseCpuUnits + (overhead.cpuUnitsPer100Mbps * totals.network / 100);
			return {
				cpu: totals.cpu / capacityOf(host.host, 'cpu'),
				network: totals.network / capacityOf(host.host, 'network'),
				disk: totals.disk / capacityOf(host.host, 'disk'),
			};
		},
		added: (vm, host) => shareOn(vm, host, overhead),
		inUnits: false,
	};
}

/** Consolidation's: the hypervisor's baseline CPU and the VMs' peak estimates, in units. */
export function peakUnits(world: World): RateProjection {
	const {baseCpuUnits} = world.config.overhead;
	return {
		start(host) {
			const peaks: Rates = {cpu: baseCpuUnits, network: 0, disk: 0};
			for (const vm of host.vms) {
				for (const resource of rateResources) {
					peaks[resource] += vm.peak[resource];
				}
			}

			return peaks;
		},
		added: vm => vm.peak,
		inUnits: true,
	};
}

/** The threshold baseline's: the host's latest CPU utilisation and each VM's latest CPU, nothing else (no peaks, BB12's THR). */
export const currentCpu: RateProjection = {
	start: host => ({cpu: host.current.cpu, network: 0, disk: 0}),
	added: (vm, host) => ({cpu: vm.current.cpu / capacityOf(host.host, 'cpu'), network: 0, disk: 0}),
	inUnits: false,
};
