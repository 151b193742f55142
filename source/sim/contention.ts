/**
Phase 3 of a tick: share each host's capacity among its VMs and add the hypervisor's overhead.

- CPU: the hypervisor (dom-0) is served first: a baseline, a share per 100 Mbit/s of VM network I/O
  (Sandpiper charges dom-0 I/O work to the VM it serves; models.md 7.2) and a share per running
  migration. VMs and injected host load share the rest in proportion to demand.
- Memory: allocation based. A VM whose working set exceeds its allocation swaps (models.md 7.3:
  `swap = 0.5 x (ws - alloc)` MB/s), which adds to its disk demand; that swap activity is the
  black-box memory-pressure signal. Host memory demand is allocated memory plus injected host memory.
- Disk and network are shared in proportion to demand; migration traffic takes its link share first.

This is the hot path of a tick: it writes into the usage records of the world it is given.
*/
import {shareOf, usableMemoryMiB} from './capacity.js';
import {isZero} from './resource-vector.js';
import type {OverheadModel} from './strategies.js';
import type {
	Host, InjectedLoad, Vm, WorldConfig,
} from './types.js';

export type HostTraffic = {
	outMbps: number;
	inMbps: number;
	/** Running migrations with this host at either end. */
	migrations: number;
	/** Memory reserved on this host by incoming migrations. */
	incomingMiB: number;
};

export const noTraffic: Readonly<HostTraffic> = {
	outMbps: 0, inMbps: 0, migrations: 0, incomingMiB: 0,
};

function injected(loads: readonly InjectedLoad[], resource: InjectedLoad['resource']): number {
	let total = 0;
	for (const load of loads) {
		if (load.resource === resource) {
			total += load.amount;
		}
	}

	return total;
}

function ratio(part: number, whole: number): number {
	return whole > 0 ? Math.min(1, part / whole) : 0;
}

/**
Whether `shareHost` would write exactly what a host's usage holds already: a host that is not up, holds
no VM and sees no migration serves nothing, so `shareHost` writes zeros, and once they are there every
later tick writes them again. Most hosts of a consolidated datacenter are such hosts (about 700 of 800
on CloudSim's PlanetLab day), so the tick skips them.
*/
export function staysIdle(host: Host, residents: readonly Vm[], traffic: Readonly<HostTraffic> | undefined): boolean {
	const {usage} = host;
	return host.state !== 'up' && residents.length === 0 && traffic === undefined
		&& isZero(usage.demand) && isZero(usage.granted) && isZero(usage.unmet) && isZero(usage.utilisation)
		&& usage.overheadCpuUnits === 0 && usage.migrationOutMbps === 0 && usage.migrationInMbps === 0 && usage.swapMBps === 0;
}

/**
Fills in `host.usage` and the `usage` of each resident VM. Each VM's `usage.demand` holds its workload
demand this tick on entry; load injected on the VM and swap traffic are added to it here. Only VMs in
state `running` consume resources.
*/
export function shareHost(host: Host, residents: readonly Vm[], traffic: Readonly<HostTraffic>, config: WorldConfig, overheads: OverheadModel): void {
	const {capacity} = host;
	const up = host.state === 'up';

	let cpuDemand = 0;
	let diskDemand = 0;
	let networkDemand = 0;
	let allocatedMiB = traffic.incomingMiB;
	// Virtualisation's own cost, by technique and hypervisor type (the overhead strategy).
	let virtualisationCpu = 0;
	for (const vm of residents) {
		allocatedMiB += vm.memoryMiB;
		const {demand} = vm.usage;
		if (vm.injected.length > 0) {
			demand.cpu += injected(vm.injected, 'cpu');
			demand.memory += injected(vm.injected, 'memory');
			demand.disk += injected(vm.injected, 'disk');
			demand.network += injected(vm.injected, 'network');
		}

		const swap = Math.max(0, demand.memory - vm.memoryMiB) * config.swapMBpsPerMiB;
		demand.disk += swap;
		vm.usage.swapMBps = swap;
		if (up && vm.state === 'running') {
			cpuDemand += demand.cpu;
			diskDemand += demand.disk;
			networkDemand += demand.network;
			const {cpuShare, ioFactor} = overheads.forVm(vm, host.hypervisor.type);
			// The baseline charges network I/O at factor 1; the technique scales it, and charges disk I/O above 1.
			virtualisationCpu += (cpuShare * demand.cpu)
				+ ((ioFactor - 1) * config.overhead.cpuUnitsPer100Mbps * demand.network / 100)
				+ (Math.max(0, ioFactor - 1) * config.overhead.cpuUnitsPer100Mbps * demand.disk / 100);
		}
	}

	const overhead = up
		? config.overhead.baseCpuUnits
		+ (config.overhead.cpuUnitsPer100Mbps * networkDemand / 100)
		+ (config.overhead.migrationCpuUnits * traffic.migrations)
		+ virtualisationCpu
		: 0;
	const overheadGranted = Math.min(overhead, capacity.cpuUnits);
	const migrationMbps = Math.max(traffic.outMbps, traffic.inMbps);
	if (up && host.injected.length > 0) {
		cpuDemand += injected(host.injected, 'cpu');
		diskDemand += injected(host.injected, 'disk');
		networkDemand += injected(host.injected, 'network');
		allocatedMiB += injected(host.injected, 'memory');
	}

	const cpuShare = shareOf(cpuDemand, capacity.cpuUnits - overheadGranted);
	const diskShare = shareOf(diskDemand, capacity.diskMBps);
	// Migrations on the VMs' NIC take their bandwidth first; a migration NIC of its own leaves it whole.
	const networkShare = shareOf(networkDemand, capacity.networkMbps - (capacity.migrationNetworkMbps === null ? migrationMbps : 0));
	const usable = usableMemoryMiB(host);

	let swapMBps = 0;
	for (const vm of residents) {
		const {demand, granted} = vm.usage;
		if (up && vm.state === 'running') {
			granted.cpu = demand.cpu * cpuShare;
			granted.memory = Math.min(demand.memory, vm.memoryMiB);
			granted.disk = demand.disk * diskShare;
			granted.network = demand.network * networkShare;
			swapMBps += vm.usage.swapMBps;
		} else {
			granted.cpu = 0;
			granted.memory = 0;
			granted.disk = 0;
			granted.network = 0;
			vm.usage.swapMBps = 0;
		}
	}

	const {usage} = host;
	usage.demand.cpu = overhead + cpuDemand;
	usage.demand.memory = allocatedMiB;
	usage.demand.disk = diskDemand;
	// The VMs' own traffic only (Sandpiper's monitor reads each VM's virtual interfaces): a migration's is `migrationOutMbps` / `migrationInMbps`.
	usage.demand.network = networkDemand;
	usage.granted.cpu = overheadGranted + (cpuDemand * cpuShare);
	usage.granted.memory = Math.min(allocatedMiB, usable);
	usage.granted.disk = diskDemand * diskShare;
	usage.granted.network = networkDemand * networkShare;
	usage.unmet.cpu = Math.max(0, usage.demand.cpu - usage.granted.cpu);
	usage.unmet.memory = Math.max(0, usage.demand.memory - usage.granted.memory);
	usage.unmet.disk = Math.max(0, usage.demand.disk - usage.granted.disk);
	usage.unmet.network = Math.max(0, usage.demand.network - usage.granted.network);
	usage.utilisation.cpu = ratio(usage.granted.cpu, capacity.cpuUnits);
	usage.utilisation.memory = ratio(usage.granted.memory, usable);
	usage.utilisation.disk = ratio(usage.granted.disk, capacity.diskMBps);
	usage.utilisation.network = ratio(usage.granted.network, capacity.networkMbps);
	usage.overheadCpuUnits = overheadGranted;
	usage.migrationOutMbps = traffic.outMbps;
	usage.migrationInMbps = traffic.inMbps;
	usage.swapMBps = swapMBps;
}
