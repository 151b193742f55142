/**
The monitor's view of the datacenter at a monitoring interval: what Sandpiper's nucleus reports per
VM and per host (SP07 sections 3-5), summarised into peaks, forecasts and volumes for the planner.

Black-box sees what a hypervisor sees: CPU, network and disk per VM, and swap activity as the only
memory signal, so a VM's memory is its allocation. Gray-box also sees the guest's working set.
VM utilisations are normalised by the capacity of the host they sit on (models.md 1.10, choice 1).
*/
import {allocatedMemoryByHost, usableMemoryMiB} from '../../sim/capacity.js';
import {lastValues, latest as latestSample} from '../../sim/series.js';
import type {
	Host, ManagerConfig, Resource, Vm, World,
} from '../../sim/types.js';
import {isMovable} from '../round/round-types.js';
import {
	ar1Forecast, recentAr1Forecast, recentPercentile, trendSlope,
} from './profile.js';
import {volume} from './volume.js';

export type Visibility = 'black-box' | 'gray-box';

/** The three resources measured as rates and compared with thresholds. */
export const rateResources = ['cpu', 'network', 'disk'] as const satisfies readonly Resource[];
export type RateResource = typeof rateResources[number];

export type Rates = Record<RateResource, number>;

export type VmView = {
	id: string;
	hostId: string;
	memoryMiB: number;
	/** Neither migrating nor stopped: a candidate to move. */
	movable: boolean;
	/** Latest interval mean, in units (CPU units, Mbit/s, MB/s). */
	current: Rates;
	/** Peak need in units: max(percentile, AR(1) forecast), inflated when the host was saturated. */
	peak: Rates;
	/** Memory the VM should have: its allocation, or more when it is under memory pressure. */
	neededMiB: number;
	underMemoryPressure: boolean;
	/** Its primary NIC is bridged: moving it off its rack's subnet changes its address. */
	bridged: boolean;
	/** Utilisations against its host: cpu, network, disk, memory (for the volume). */
	utilisation: number[];
	volume: number;
	vsr: number;
};

export type HostView = {
	id: string;
	host: Host;
	usableMiB: number;
	/** Allocated, including memory reserved by incoming migrations. */
	allocatedMiB: number;
	/** The last n interval means per resource (utilisations), oldest first. */
	samples: Record<RateResource | 'swapMBps', number[]>;
	/** Latest utilisations; memory is allocated over usable. */
	current: Rates & {memory: number};
	volume: number;
	vms: VmView[];
};

export type MonitorView = {
	hosts: HostView[];
	hostsById: Map<string, HostView>;
};

const seriesKeys = ['cpu', 'network', 'disk', 'swapMBps'] as const;

export function capacityOf(host: Host, resource: RateResource): number {
	switch (resource) {
		case 'cpu': {
			return host.capacity.cpuUnits;
		}

		case 'network': {
			return host.capacity.networkMbps;
		}

		case 'disk': {
			return host.capacity.diskMBps;
		}
	}
}

/**
One VM as the monitor sees it. Peak estimates (a percentile over the profile window) are the costly
part; without `withPeaks` the current usage stands in, which is all detection needs.
*/
export function vmView(vm: Vm, host: Host, hostView: Pick<HostView, 'current' | 'usableMiB'>, config: ManagerConfig, visibility: Visibility, withPeaks = true): VmView {
	const current: Rates = {cpu: 0, network: 0, disk: 0};
	const peak: Rates = {cpu: 0, network: 0, disk: 0};
	for (const resource of rateResources) {
		const series = vm.intervals[resource];
		const latest = series.values.length === 0 ? vm.usage.granted[resource] : latestSample(series);
		current[resource] = latest;
		if (!withPeaks) {
			peak[resource] = latest;
			continue;
		}

		const estimate = series.values.length === 0
			? latest
			: Math.max(recentPercentile(series, config.profileWindow, config.peakPercentile), recentAr1Forecast(series, config.timeSeriesWindow));
		const saturated = hostView.current[resource] >= config.saturationLevel;
		peak[resource] = Math.max(0, estimate) * (saturated ? config.saturationInflate : 1);
	}

	let underMemoryPressure: boolean;
	let neededMiB = vm.memoryMiB;
	let memoryUse = vm.memoryMiB;
	if (visibility === 'gray-box') {
		// The guest reports its working set: act when its forecast nears the allocation, before swapping.
		const workingSet = lastValues(vm.intervals.memory, Math.max(config.profileWindow, config.timeSeriesWindow));
		const shares = workingSet.slice(-config.timeSeriesWindow).map(value => value / vm.memoryMiB);
		underMemoryPressure = shares.length > 0 && ar1Forecast(shares) > config.memoryPressure;
		if (underMemoryPressure) {
			// Sized for where the working set is going, not only where it has been (SP07 sizes from the
			// maximum seen; a VM still growing then moved again and again): its trend over the time-series
			// window, carried one profile window ahead (this project's horizon).
			const recent = workingSet.slice(-config.timeSeriesWindow);
			const ahead = (recent.at(-1) ?? 0) + (Math.max(0, trendSlope(recent)) * config.profileWindow);
			neededMiB = Math.ceil(Math.max(ahead, ...workingSet.slice(-config.profileWindow)) * config.resizeHeadroom);
		}

		memoryUse = Math.min(workingSet.at(-1) ?? vm.usage.demand.memory, vm.memoryMiB);
	} else {
		// Only swap is visible; how much memory would stop it is not, so grow by the headroom (our choice).
		underMemoryPressure = latestSample(vm.intervals.swapMBps) > 0;
		if (underMemoryPressure) {
			neededMiB = Math.ceil(vm.memoryMiB * config.resizeHeadroom);
		}
	}

	const utilisation = [
		current.cpu / capacityOf(host, 'cpu'),
		current.network / capacityOf(host, 'network'),
		current.disk / capacityOf(host, 'disk'),
		hostView.usableMiB > 0 ? memoryUse / hostView.usableMiB : 1,
	];
	const vmVolume = volume(utilisation);
	return {
		id: vm.id,
		hostId: vm.hostId,
		memoryMiB: vm.memoryMiB,
		movable: isMovable(vm),
		current,
		peak,
		neededMiB,
		underMemoryPressure,
		bridged: vm.nics[0]?.mode === 'bridged',
		utilisation,
		volume: vmVolume,
		vsr: vmVolume / vm.memoryMiB,
	};
}

/**
How much of each VM to look at: nothing (host-level detection), current usage (the baselines, gray-box
memory pressure) or peak estimates too (planning; the costly part).
*/
export type VmDetail = 'none' | 'current' | 'peaks';

export function observe(world: World, visibility: Visibility, vmDetail: VmDetail = 'peaks'): MonitorView {
	const {manager, monitoring} = world.config;
	const allocated = allocatedMemoryByHost(world);
	const vmsByHost = new Map<string, Vm[]>(world.hosts.map(host => [host.id, []]));
	for (const vm of world.vms) {
		vmsByHost.get(vm.hostId)?.push(vm);
	}

	const hosts = world.hosts.map((host): HostView => {
		const samples: HostView['samples'] = {
			cpu: [], network: [], disk: [], swapMBps: [],
		};
		for (const key of seriesKeys) {
			samples[key] = lastValues(host.history.intervals[key], monitoring.n);
		}

		const usableMiB = usableMemoryMiB(host);
		const allocatedMiB = allocated.get(host.id) ?? 0;
		const current = {
			cpu: samples.cpu.at(-1) ?? host.usage.utilisation.cpu,
			network: samples.network.at(-1) ?? host.usage.utilisation.network,
			disk: samples.disk.at(-1) ?? host.usage.utilisation.disk,
			memory: usableMiB > 0 ? allocatedMiB / usableMiB : 1,
		};
		const partial = {current, usableMiB};
		const vms = vmDetail === 'none' ? [] : (vmsByHost.get(host.id) ?? []).map(vm => vmView(vm, host, partial, manager, visibility, vmDetail === 'peaks'));
		return {
			id: host.id,
			host,
			usableMiB,
			allocatedMiB,
			samples,
			current,
			volume: volume([current.cpu, current.network, current.disk, current.memory]),
			vms,
		};
	});
	return {hosts, hostsById: new Map(hosts.map(host => [host.id, host]))};
}

