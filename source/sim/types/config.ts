/** A world's parameters: monitoring, metrics, managers, overheads, migrations, network and power. */
import type {MigrationMode} from './migration.js';
import type {NetworkConfig} from './network.js';

export type Thresholds = {
	cpu: number;
	network: number;
	disk: number;
	/** Swap activity above which memory counts as a hotspot (black-box signal, MB/s). */
	swapMBps: number;
	/** Share of a host's usable memory allocated above which memory counts as a hotspot (1: never). */
	memory: number;
};

export type MonitoringConfig = {
	/** Ticks per monitoring interval. */
	intervalTicks: number;
	/** K-of-n: a host is over for a sustained period when k of the last n interval means exceed a threshold. */
	k: number;
	n: number;
	thresholds: Thresholds;
	/** Interval samples kept per VM and host (the profile window W). */
	historyIntervals: number;
	/** Tick samples kept per host (sparklines). */
	tickHistoryLength: number;
};

/**
The yardstick, apart from the detector (so tuning the detector never moves it): a host-interval counts
as sustained overload when k of the last n interval means of its VMs' own usage exceed a threshold. A
hotspot episode runs from its first detection until the host has stayed cool for `episodeHoldIntervals`.
*/
export type MetricsConfig = {
	k: number;
	n: number;
	thresholds: Thresholds;
	episodeHoldIntervals: number;
	/** A cured episode detected again on the same host and resource within this long "came back". */
	cameBackSeconds: number;
};

export type OverheadConfig = {
	/** Hypervisor CPU per running host (dom-0 baseline). */
	baseCpuUnits: number;
	/** Extra hypervisor CPU per 100 Mbit/s of VM network I/O. */
	cpuUnitsPer100Mbps: number;
	/** Extra hypervisor CPU on each end of a running migration. */
	migrationCpuUnits: number;
};

export type MigrationConfig = {
	/** The mode a policy asks for when it plans a migration. */
	defaultMode: MigrationMode;
	/** Highest rate of one migration on an idle link (112.5 MiB/s on a 1 Gbit/s NIC, models.md 2.4). */
	maxRateMiBps: number;
	/** Xen's stop rules (xc_domain_save.c): fewer dirty pages than this ... */
	stopPages: number;
	/** ... or this many live rounds ... */
	maxRounds: number;
	/** ... or more than this many times the memory sent ... */
	maxFactor: number;
	/** ... or a round that would not shrink below this share of the last (this project's reading of "not converging"). */
	shrinkRatio: number;
	/** Time to resume the VM after pre-copy's stop-and-copy (and after a cold copy). */
	resumeMs: number;
	/** Post-copy: CPU and device state and the resume on the destination. */
	postcopyResumeMs: number;
	/** Post-copy: network page faults as a share of the working set, with and without pre-paging (HG09). */
	prepaging: boolean;
	faultFraction: number;
	faultFractionWithoutPrepaging: number;
	/** Round-trip time of one demand fault, on top of moving the 4 KiB page. */
	faultRttMs: number;
	/** CPU the migrating VM loses while it migrates (CloudSim's 10 %). */
	vmCpuPenalty: number;
	/** Xen's adaptive rate (CL05 section 5): start, increment over the dirty rate, cap; null = unthrottled. */
	adaptive: {startMbps: number; incrementMbps: number; maxMbps: number} | null;
};

/**
Parameters of the resource managers (Sandpiper and the baselines). Defaults follow models.md 7.4-7.6;
where the paper is silent (models.md 1.10) the choice is this project's and documented at its use.
*/
export type ManagerConfig = {
	/** Interval samples in a VM's distribution profile (W). */
	profileWindow: number;
	/** Interval samples in the time series the AR(1) forecast is fitted to. */
	timeSeriesWindow: number;
	/** Percentile of the profile taken as a VM's peak need (SP07 5.1: e.g. the 95th). */
	peakPercentile: number;
	/** A host at or above this utilisation caps its VMs' observed usage ... */
	saturationLevel: number;
	/** ... so their peak estimates are inflated by this factor (the rule is not in the paper: a parameter). */
	saturationInflate: number;
	maxConcurrentMigrations: number;
	/** Migrations a host may send and receive at once. */
	perHostOut: number;
	perHostIn: number;
	/** After a migration, neither end takes part in another for this long. */
	cooldownSeconds: number;
	allowSwaps: boolean;
	/** Gray-box: a working set forecast above this share of the allocation is memory pressure. */
	memoryPressure: number;
	/** Gray-box: a VM moved for memory pressure gets its peak working set times this as allocation. */
	resizeHeadroom: number;
	/** The CloudSim-style baseline's static CPU threshold (THR 0.8, Beloglazov and Buyya 2012). */
	staticCpuThreshold: number;
	/** Prefer destinations on the source's subnet, so a bridged VM keeps its address (this project's option, off in the paper). */
	keepBridgedAddress: boolean;
};

/** How the datacenter is accounted: this project's model, or CloudSim's (parity). */
export type SemanticsName = 'native' | 'cloudsim';

export type WorldConfig = {
	tickSeconds: number;
	semantics: SemanticsName;
	monitoring: MonitoringConfig;
	metrics: MetricsConfig;
	manager: ManagerConfig;
	overhead: OverheadConfig;
	migration: MigrationConfig;
	/** Swap traffic per MiB of working set above the allocation (MB/s per MiB). */
	swapMBpsPerMiB: number;
	network: NetworkConfig;
	power: PowerConfig;
};

export type PowerConfig = {
	/** Time from power-on to serving. */
	bootSeconds: number;
	/** Rate at which snapshots, clones and restores read or write memory and disk images (shared storage). */
	imageMiBps: number;
	/** Start-up time of a container (it needs no boot). */
	containerStartSeconds: number;
};
