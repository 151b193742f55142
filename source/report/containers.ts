/**
The same workload packed as VMs and as containers (`sandpiper eval --containers`): what the course
material contrasts. A container is the VM's application without its guest operating system: its
memory and working set shrink by the guest's share (`guestOsMiB`, this project's assumption: a
minimal Linux guest's kernel, page cache floor and services), it pays next to nothing for
virtualisation (the overhead strategy's `container` entry), starts in seconds instead of booting, and
moves by checkpoint/restore (CRIU: freeze, dump memory, copy, restore) instead of a live migration.

Measured on a run of the scenario under `none` (so placement is the same for both): the CPU the hosts
spend on virtualisation; density (workloads per host by memory); and, per class, the cost of moving
one: a pre-copy live migration of the VM against a checkpoint/restore of the container.
*/
import {compareMigrations, defaultMigrationConfig} from '../migration/compare.js';
import {runTicks, type TimedCommand} from '../sim/run.js';
import {cloneWorld} from '../sim/step.js';
import type {Strategies} from '../sim/strategies.js';
import type {World} from '../sim/types.js';

/** Memory a VM's guest OS holds that a container on the host's kernel does not need (MiB). */
export const guestOsMiB = 128;

export type PackingResult = {
	/** Mean CPU units per powered-on host spent on the hypervisor and virtualisation. */
	overheadCpuUnits: number;
	/** Mean CPU utilisation of the hosts. */
	hostCpu: number;
	/** Workloads per host that memory allows: usable memory over the mean allocation. */
	densityPerHost: number;
	meanMemoryMiB: number;
	startSeconds: number;
};

export type MoveCost = {vmClass: string; memoryMiB: number; vmSeconds: number; vmDowntimeSeconds: number; vmDataMiB: number; containerSeconds: number; containerDowntimeSeconds: number; containerDataMiB: number};

export type ContainerComparison = {
	scenario: string;
	ticks: number;
	vms: PackingResult;
	containers: PackingResult;
	moves: MoveCost[];
};

/** The world with every VM turned into a container of the same application. */
export function asContainers(world: World): World {
	const copy = cloneWorld(world);
	for (const vm of copy.vms) {
		vm.kind = 'container';
		vm.technique = null;
		vm.memoryMiB = Math.max(64, vm.memoryMiB - guestOsMiB);
		vm.workload.base.memory = Math.max(32, vm.workload.base.memory - guestOsMiB);
	}

	return copy;
}

function measure(world: World, timeline: readonly TimedCommand[], strategies: Strategies, ticks: number, startSeconds: number): PackingResult {
	let overhead = 0;
	let cpu = 0;
	let samples = 0;
	runTicks(world, strategies, {
		ticks,
		timeline,
		onTick(current) {
			for (const host of current.hosts) {
				if (host.role === 'worker' && host.state === 'up') {
					overhead += host.usage.overheadCpuUnits;
					cpu += host.usage.utilisation.cpu;
					samples++;
				}
			}
		},
	});
	const workers = world.hosts.filter(host => host.role === 'worker');
	const usable = workers.reduce((sum, host) => sum + host.capacity.memoryMiB - host.capacity.hypervisorReserveMiB, 0) / Math.max(1, workers.length);
	const meanMemoryMiB = world.vms.reduce((sum, vm) => sum + vm.memoryMiB, 0) / Math.max(1, world.vms.length);
	return {
		overheadCpuUnits: overhead / Math.max(1, samples),
		hostCpu: cpu / Math.max(1, samples),
		densityPerHost: usable / meanMemoryMiB,
		meanMemoryMiB,
		startSeconds,
	};
}

export function compareContainers(built: {world: World; timeline: readonly TimedCommand[]}, strategies: Strategies, ticks: number): ContainerComparison {
	const base = cloneWorld(built.world);
	base.policy = 'none';
	base.policyState = null;
	const containers = asContainers(base);
	const classes = new Map<string, World['vms'][number]>();
	for (const vm of base.vms) {
		if (!classes.has(vm.vmClass)) {
			classes.set(vm.vmClass, vm);
		}
	}

	const bandwidthMbps = base.hosts[0]?.capacity.networkMbps ?? 1000;
	const moves = [...classes.values()].map((vm): MoveCost => {
		const live = compareMigrations({
			memoryMiB: vm.memoryMiB, dirtyRateMiBps: vm.dirtying.coldDirtyMiBps, wwsMiB: vm.dirtying.wwsMiB, bandwidthMbps,
		}, defaultMigrationConfig).precopy;
		const containerMiB = Math.max(64, vm.memoryMiB - guestOsMiB);
		// Checkpoint/restore: frozen while its memory is dumped, copied and restored (one stop-and-copy).
		const checkpoint = compareMigrations({
			memoryMiB: containerMiB, dirtyRateMiBps: 0, wwsMiB: 0, bandwidthMbps,
		}, defaultMigrationConfig).stopAndCopy;
		return {
			vmClass: vm.vmClass,
			memoryMiB: vm.memoryMiB,
			vmSeconds: live.totalSeconds,
			vmDowntimeSeconds: live.downtimeSeconds,
			vmDataMiB: live.dataMiB,
			containerSeconds: checkpoint.totalSeconds,
			containerDowntimeSeconds: checkpoint.downtimeSeconds,
			containerDataMiB: checkpoint.dataMiB,
		};
	});
	return {
		scenario: base.scenarioName,
		ticks,
		vms: measure(base, built.timeline, strategies, ticks, base.config.power.bootSeconds),
		containers: measure(containers, built.timeline, strategies, ticks, base.config.power.containerStartSeconds),
		moves,
	};
}
