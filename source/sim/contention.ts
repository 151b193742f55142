/**
Phase 3 of a tick: share each host's capacity among its VMs and add the hypervisor's overhead.

- CPU: the hypervisor (dom-0) is served first: a baseline, a share per 100 Mbit/s of VM network I/O
  (Sandpiper charges dom-0 I/O work to the VM it serves; models.md 7.2) and a share per running
  migration. VMs and injected host load share the rest in proportion to demand.
- Memory: allocation based. A VM whose working set exceeds its allocation swaps (models.md 7.3:
  `swap = 0.5 x (ws - alloc)` MB/s), which adds to its disk demand; that swap activity is the
  black-box memory-pressure signal. Host memory demand is allocated memory plus injected host memory.
- Disk and network are shared in proportion to demand; migration traffic takes its link share first.
*/
import {shareOf, usableMemoryMiB} from './capacity.js';
import type {
	Host, ResourceVector, Vm, WorldConfig,
} from './types.js';
import {zeroVector} from './resource-vector.js';

export type HostTraffic = {
	outMbps: number;
	inMbps: number;
	/** Running migrations with this host at either end. */
	migrations: number;
	/** Memory reserved on this host by incoming migrations. */
	incomingMiB: number;
};

function injectedOn(loads: Host['injected']): ResourceVector {
	const total = zeroVector();
	for (const load of loads) {
		total[load.resource] += load.amount;
	}

	return total;
}

/** Whether a VM consumes host resources this tick. */
export type VmActivity = (vm: Vm) => boolean;

/**
Fills in `host.usage` and the `usage` of each resident VM. `demands` holds each resident VM's
workload demand this tick (before injected load), in the order of `residents`.
*/
export function shareHost(
	host: Host,
	residents: readonly Vm[],
	demands: readonly ResourceVector[],
	isActive: VmActivity,
	traffic: HostTraffic,
	config: WorldConfig,
): void {
	const {capacity} = host;
	const hostInjected = injectedOn(host.injected);
	const up = host.state === 'up';

	const vmDemands: ResourceVector[] = [];
	const vmSwap: number[] = [];
	const total = zeroVector();
	let allocatedMiB = traffic.incomingMiB;
	for (const [index, vm] of residents.entries()) {
		allocatedMiB += vm.memoryMiB;
		const demand = {...demands[index]!};
		const injected = injectedOn(vm.injected);
		demand.cpu += injected.cpu;
		demand.memory += injected.memory;
		demand.disk += injected.disk;
		demand.network += injected.network;
		const swap = Math.max(0, demand.memory - vm.memoryMiB) * config.swapMBpsPerMiB;
		demand.disk += swap;
		vmDemands.push(demand);
		vmSwap.push(swap);
		if (up && isActive(vm)) {
			total.cpu += demand.cpu;
			total.disk += demand.disk;
			total.network += demand.network;
		}
	}

	const overhead = up
		? config.overhead.baseCpuUnits
		+ (config.overhead.cpuUnitsPer100Mbps * total.network / 100)
		+ (config.overhead.migrationCpuUnits * traffic.migrations)
		: 0;
	const overheadGranted = Math.min(overhead, capacity.cpuUnits);
	const migrationMbps = Math.max(traffic.outMbps, traffic.inMbps);

	const cpuDemand = total.cpu + (up ? hostInjected.cpu : 0);
	const diskDemand = total.disk + (up ? hostInjected.disk : 0);
	const networkDemand = total.network + (up ? hostInjected.network : 0);
	const cpuShare = shareOf(cpuDemand, capacity.cpuUnits - overheadGranted);
	const diskShare = shareOf(diskDemand, capacity.diskMBps);
	const networkShare = shareOf(networkDemand, capacity.networkMbps - migrationMbps);

	const usable = usableMemoryMiB(host);
	const memoryDemand = allocatedMiB + (up ? hostInjected.memory : 0);
	let swapMBps = 0;

	for (const [index, vm] of residents.entries()) {
		const demand = vmDemands[index]!;
		const active = up && isActive(vm);
		vm.usage = {
			demand,
			granted: active
				? {
					cpu: demand.cpu * cpuShare, memory: Math.min(demand.memory, vm.memoryMiB), disk: demand.disk * diskShare, network: demand.network * networkShare,
				}
				: zeroVector(),
			swapMBps: active ? vmSwap[index]! : 0,
		};
		swapMBps += vm.usage.swapMBps;
	}

	const granted: ResourceVector = {
		cpu: overheadGranted + (cpuDemand * cpuShare),
		memory: Math.min(memoryDemand, usable),
		disk: diskDemand * diskShare,
		network: (networkDemand * networkShare) + migrationMbps,
	};
	const demand: ResourceVector = {
		cpu: overhead + cpuDemand,
		memory: memoryDemand,
		disk: diskDemand,
		network: networkDemand + migrationMbps,
	};
	host.usage = {
		demand,
		granted,
		unmet: {
			cpu: Math.max(0, demand.cpu - granted.cpu),
			memory: Math.max(0, demand.memory - granted.memory),
			disk: Math.max(0, demand.disk - granted.disk),
			network: Math.max(0, demand.network - granted.network),
		},
		utilisation: {
			cpu: ratio(granted.cpu, capacity.cpuUnits),
			memory: ratio(granted.memory, usable),
			disk: ratio(granted.disk, capacity.diskMBps),
			network: ratio(granted.network, capacity.networkMbps),
		},
		overheadCpuUnits: overheadGranted,
		migrationOutMbps: traffic.outMbps,
		migrationInMbps: traffic.inMbps,
		swapMBps,
	};
}

function ratio(part: number, whole: number): number {
	return whole > 0 ? Math.min(1, part / whole) : 0;
}

