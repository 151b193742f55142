/** A physical host: capacity, power, state, what it handed out and the history a monitor keeps. */
import type {HostEpisodes} from '../episode-state.js';
import type {Series} from '../series.js';
import type {Hypervisor} from './hypervisor.js';
import type {IntervalAccumulator, IntervalSamples} from './intervals.js';
import type {InjectedLoad} from './load.js';
import type {HostAddresses} from './network.js';
import type {ResourceVector} from './resources.js';

export type HostCapacity = {
	/** CPU capacity; 100 units is one server of the Sandpiper testbed. */
	cpuUnits: number;
	/** Physical memory, including `hypervisorReserveMiB`. */
	memoryMiB: number;
	/** Memory kept by the hypervisor (dom-0); VMs may allocate only the rest. */
	hypervisorReserveMiB: number;
	/** Disk I/O throughput to shared storage. */
	diskMBps: number;
	/** NIC bandwidth, per direction. */
	networkMbps: number;
	/** A NIC of its own for migrations (per direction), or null: migrations share the VMs' NIC. */
	migrationNetworkMbps: number | null;
};

/** `off`: powered off (draws nothing); `booting`: powered on, not yet serving (draws idle power). */
export type HostState = 'up' | 'failed' | 'off' | 'booting';

/**
A host's power model (models.md 4): linear from idle to peak in CPU utilisation, or a SPECpower table
of 11 points (0 %, 10 %, ..., 100 %) interpolated linearly, as CloudSim does.
*/
export type HostPower = {
	peakWatts: number;
	/** Idle draw as a share of peak (the course material's 60 %; CloudSim's papers use 70 %). */
	idleShare: number;
	/** Watts at 0, 10, ..., 100 % load; null for the linear model. */
	specpowerWatts: number[] | null;
};

/**
Workers run VMs. A scratch host (the Sandpiper prototype's spare server, SP07 section 7) holds a VM
only while a swap stages it; it counts in no overload metric and is never a regular destination.
*/
export type HostRole = 'worker' | 'scratch';

/** What a host handed out during the last tick. */
export type HostUsage = {
	/** Demand of resident VMs plus hypervisor overhead plus injected host load, per resource. */
	demand: ResourceVector;
	/** What was granted (never more than capacity). */
	granted: ResourceVector;
	/** Demand that could not be served: the definition of "overloaded" in this simulator. */
	unmet: ResourceVector;
	/** `granted / capacity`; memory is allocated memory over the memory VMs may use. */
	utilisation: ResourceVector;
	/** Hypervisor CPU spent on behalf of the VMs this tick. */
	overheadCpuUnits: number;
	/** Migration traffic leaving and entering this host this tick. */
	migrationOutMbps: number;
	migrationInMbps: number;
	/** Sum of the swap activity of resident VMs (the black-box memory-pressure signal). */
	swapMBps: number;
};

/** Bounded history a monitor sees: per tick for sparklines, per monitoring interval for profiles. */
export type HostHistory = {
	/** Last `tickHistoryLength` CPU utilisations. */
	cpuTicks: Series;
	/** Interval means, oldest first, at most `historyIntervals` long. */
	intervals: IntervalSamples;
	/** Running sums over the current monitoring interval. */
	accumulator: IntervalAccumulator;
	/** For each of the last n monitoring intervals, whether the host was over a threshold (k-of-n). */
	overThreshold: boolean[];
	/**
	Ticks in a row this host's usage has been all zeros (a host that is off, or up and idle). Once it
	is quiet for longer than its series are long, they hold only zeros, and recording another zero
	would change no sample: the tick skips the host (see `recordHistory`).
	*/
	quietTicks: number;
};

export type Host = {
	id: string;
	role: HostRole;
	rack: string;
	addresses: HostAddresses;
	capacity: HostCapacity;
	hypervisor: Hypervisor;
	power: HostPower;
	/** Draw during the last tick, and energy since the start. */
	powerWatts: number;
	energyKWh: number;
	state: HostState;
	/** While booting: the tick from which it serves. */
	bootUntilTick: number | null;
	/** Maintenance: its VMs are being live-migrated away, then it powers off. */
	draining: boolean;
	/** Migrations this host may send and receive at once, or null for the manager's (`perHostOut`, `perHostIn`). */
	migrationLimits: {out: number; in: number} | null;
	/** Load not belonging to any VM (a noisy host process, a backup job), from `injectLoad`. */
	injected: InjectedLoad[];
	usage: HostUsage;
	history: HostHistory;
	/** Whether the k-of-n overload condition held at the last monitoring interval. */
	sustainedOverload: boolean;
	/** The metric's k-of-n windows and hotspot episodes, per metric resource (./episodes.ts). */
	episodes: HostEpisodes;
	/** First tick of the current stretch with unmet demand, or null when the host is not overloaded. */
	overloadedSinceTick: number | null;
};
