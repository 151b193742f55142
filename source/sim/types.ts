/**
The plain-data world of the simulation and the vocabulary that changes it.

Everything here is JSON-safe (no Map, Date, class or function), so `JSON.parse(JSON.stringify(world))`
deep-equals the world: snapshots, replays and golden tests come for free.

Units live in names: utilisations are 0..1 fractions, `*Ticks` are simulation ticks, `*MiB` memory,
`*MBps` disk throughput in MB/s, `*Mbps` network in Mbit/s, `cpuUnits` CPU where 100 units = one server.
*/
import type {HostEpisodes, MetricResource} from './episode-state.js';
import type {Series} from './series.js';

/** The four resources every host offers and every VM demands. */
export type Resource = 'cpu' | 'memory' | 'disk' | 'network';

export const resources: readonly Resource[] = ['cpu', 'memory', 'disk', 'network'];

/** An amount of each resource, in that resource's unit (CPU units, MiB, MB/s, Mbit/s). */
export type ResourceVector = {
	cpu: number;
	memory: number;
	disk: number;
	network: number;
};

export type HypervisorFamily = 'kvm' | 'xen' | 'esxi' | 'hyper-v' | 'virtualbox' | 'vmware-workstation';

/** Type 1 runs on bare metal, type 2 on a host operating system. */
export type HypervisorType = 1 | 2;

export type VirtualisationTechnique = 'full' | 'hardware-assisted' | 'paravirtualisation';

export type Hypervisor = {
	family: HypervisorFamily;
	type: HypervisorType;
	technique: VirtualisationTechnique;
};

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

/** Per-interval means: VM CPU in units, working set in MiB, disk MB/s, network Mbit/s; host ones as utilisations. */
export type IntervalSamples = {
	cpu: Series;
	memory: Series;
	disk: Series;
	network: Series;
	swapMBps: Series;
};

export type IntervalAccumulator = {
	ticks: number;
	cpu: number;
	memory: number;
	disk: number;
	network: number;
	swapMBps: number;
};

export type InjectedLoad = {
	resource: Resource;
	/** In the resource's unit, added to demand. */
	amount: number;
	/** The first tick on which the load no longer applies; null = until cleared. */
	untilTick: number | null;
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

export type NetworkMode = 'bridged' | 'nat' | 'host-only' | 'custom';

/**
A VM's network interface. The first NIC is the VM's primary one: its mode is the VM's network mode and
decides what a migration does to the VM's connections; further NICs join custom networks.
*/
export type Nic = {
	/** Unique in the datacenter; its prefix is the hypervisor family's OUI (52:54:00 for KVM, ...). */
	mac: string;
	mode: NetworkMode;
	/** The custom network's id when `mode` is `custom`, else null. */
	network: string | null;
	/** Bridged: on the host's rack subnet; NAT and host-only: in the host's private range; custom: on the network's subnet. */
	ip: string;
};

/** A host's addresses: on its rack's physical subnet, and the private ranges of its NAT and host-only networks. */
export type HostAddresses = {
	ip: string;
	natSubnet: string;
	hostOnlySubnet: string;
};

/** `host:hostPort` on the host's external address reaches `vm:vmPort` behind its NAT. */
export type PortForward = {
	hostId: string;
	hostPort: number;
	vmId: string;
	vmPort: number;
};

/**
What a firewall lets through: traffic from `from` (`any`, `external`, a host or VM id, or a custom
network's id for anything on it) to `to` (a VM or host id, or `self` for the firewall itself), on
`port` (null = every port).
*/
export type FirewallRule = {from: string; to: string; port: number | null};

/** A network function running as a VM (the course's firewall, router, load balancer). */
export type NetworkFunction
	= | {kind: 'router'}
		| {kind: 'firewall'; rules: FirewallRule[]}
		| {kind: 'load-balancer'; port: number; backends: string[]};

/** A user-defined virtual network. It spans hosts (an overlay), so a migration keeps its addresses. */
export type CustomNetwork = {
	id: string;
	subnet: string;
	/** Joined to the physical network and the outside world (the course's "external network"). */
	external: boolean;
};

/** Address blocks carved into one range per host, by host index. */
/** Each host's range is a /prefix of subnet, by host index; past its end, of the growInto subnets in order (present only when used). */
export type AddressPool = {subnet: string; prefix: number; growInto?: string[]};

export type NetworkConfig = {
	racks: Array<{id: string; subnet: string}>;
	customNetworks: CustomNetwork[];
	natPool: AddressPool;
	hostOnlyPool: AddressPool;
	/** Mean traffic of one open connection: a VM's open connections are its network use over this. */
	connectionMbps: number;
};

/** What moving a VM to another host did to its primary NIC and its connections. */
export type NetworkEffect
	= | {kind: 'arp'; ip: string}
		| {kind: 'readdressed'; fromIp: string; toIp: string; connectionsDropped: number}
		| {
			kind: 'nat';
			fromIp: string;
			toIp: string;
			fromExternal: string;
			toExternal: string;
			/** Forwards recreated on the destination (a port already taken there moves to the next free one). */
			forwards: Array<{vmPort: number; fromHostPort: number; toHostPort: number}>;
			connectionsDropped: number;
		}
		| {kind: 'host-only'; fromIp: string; toIp: string; connectionsDropped: number}
		| {kind: 'overlay'; networks: string[]};

/** Shapes multiply a VM's base demand (AR(1) noise multiplies by `1 + x`). */
export type WorkloadShape
	= | {
		kind: 'diurnal';
		/** Relative swing: demand moves between `1 - amplitude` and `1 + amplitude` times base. */
		amplitude: number;
		periodTicks: number;
		/** Fraction of a period, 0..1. */
		phase: number;
		resources: Resource[];
	}
	| {
		kind: 'ar1';
		/** Lag-1 autocorrelation, 0..1. */
		phi: number;
		/** Stationary standard deviation of the noise, as a fraction of base. */
		sigma: number;
		resources: Resource[];
	}
	| {
		kind: 'bursts';
		/** Mean length of an on period and an off period (geometric durations). */
		meanOnTicks: number;
		meanOffTicks: number;
		factor: number;
		resources: Resource[];
	}
	| {
		kind: 'ramp';
		startTick: number;
		endTick: number;
		fromFactor: number;
		toFactor: number;
		resources: Resource[];
	}
	| {
		kind: 'flashCrowd';
		startTick: number;
		durationTicks: number;
		factor: number;
		/** Ticks to climb to `factor` and to fall back, within the duration. */
		rampTicks: number;
		resources: Resource[];
	}
	| {
		kind: 'replay';
		/** Factors of base, one per sample. */
		values: number[];
		/** Ticks between two samples; values in between are interpolated linearly (as CloudSim does). */
		sampleTicks: number;
		/** After the last sample: repeat from the start, or hold the last value. */
		loop: boolean;
		resources: Resource[];
	};

export type Workload = {
	/** Base demand: CPU units, working set in MiB, disk MB/s, network Mbit/s. */
	base: ResourceVector;
	shapes: WorkloadShape[];
};

/** Per-VM random state: the PRNG stream plus state carried by stochastic shapes. */
export type VmRandomState = {
	/** Xoroshiro128+ state (four 32-bit integers), one independent stream per VM. */
	rng: number[];
	/** AR(1) noise level, one per `ar1` shape in order. */
	noise: number[];
	/** On/off state, one per `bursts` shape in order. */
	burstOn: boolean[];
	/** The second normal of the last Box-Muller pair, not yet used (null when none). */
	spareNormal: number | null;
};

/** `lost`: its memory was split between two hosts when one failed (post-copy), or it had nowhere to run. */
export type VmState = 'running' | 'paused' | 'stopped' | 'lost' | 'finished';

/**
How a VM dirties memory while it runs, the writable-working-set model of Clark et al. (NSDI 2005)
in models.md 2.4: a hot set rewritten within any copy round, and the rest at a slow steady rate.
*/
export type MemoryDirtying = {
	/** The writable working set: pages rewritten so often that copying them early is wasted. */
	wwsMiB: number;
	/** Rate at which pages outside the hot set are dirtied. */
	coldDirtyMiBps: number;
};

export type VmUsage = {
	demand: ResourceVector;
	granted: ResourceVector;
	/** Swap traffic when the working set exceeds the allocation (MB/s, part of disk demand). */
	swapMBps: number;
};

/** A guest operating system; para-virtualisation needs one whose kernel can be modified. */
export type GuestOs = {name: string; modifiable: boolean};

/**
`vm`: a full guest OS on a hypervisor. `container`: a process group in cgroups and namespaces on the
host's kernel: no guest OS, near-zero overhead, seconds to start, moved by checkpoint/restore.
*/
export type WorkloadKind = 'vm' | 'container';

export type Vm = {
	id: string;
	kind: WorkloadKind;
	/** How the hypervisor runs it; null for a container. */
	technique: VirtualisationTechnique | null;
	guest: GuestOs;
	/** Containers: the cgroup CPU limit (demand above it is capped); null for VMs. */
	cpuLimitUnits: number | null;
	/** Disk data written since its last snapshot (what the next snapshot stores besides memory). */
	diskWrittenMB: number;
	/** A class name from the scenario (streaming, web, lamp, memory-heavy, ...). */
	vmClass: string;
	/** Allocated memory: what a migration copies. */
	memoryMiB: number;
	vcpus: number;
	dirtying: MemoryDirtying;
	workload: Workload;
	random: VmRandomState;
	/** The primary NIC first; never empty. */
	nics: Nic[];
	/** A firewall, router or load balancer when the VM is one. */
	networkFunction: NetworkFunction | null;
	/** The host whose resources the VM uses: during a migration, the source until the switch. */
	hostId: string;
	/** The migration this VM is in, or null. */
	migrationId: string | null;
	state: VmState;
	/** Why the VM was lost, when it was. */
	lostReason: string | null;
	injected: InjectedLoad[];
	usage: VmUsage;
	intervals: IntervalSamples;
	accumulator: IntervalAccumulator;
};

export type MigrationMode = 'precopy' | 'postcopy' | 'stop-and-copy' | 'cloudsim';

/**
`precopy`: live rounds; `stop-and-copy`: the VM is paused while the last pages (or, cold, all of them)
move; `postcopy`: the VM runs on the destination while the source pushes its pages; `done`.
*/
export type MigrationPhase = 'precopy' | 'stop-and-copy' | 'postcopy' | 'done';

export type Migration = {
	id: string;
	vmId: string;
	sourceHostId: string;
	destinationHostId: string;
	mode: MigrationMode;
	phase: MigrationPhase;
	startTick: number;
	/** Memory to move: the VM's allocation when it started. */
	memoryMiB: number;
	/** Memory reserved at the destination, the VM's allocation there (larger when the move also resizes). */
	allocationMiB: number;
	/** The VM's dirtying when the migration started. */
	dirtying: MemoryDirtying;
	/** Pre-copy rounds completed (live ones), 0 while the first is in flight. */
	round: number;
	/** Data of the round or phase in flight, and how much of it has gone. */
	roundMiB: number;
	roundSentMiB: number;
	roundElapsedSeconds: number;
	/** All data sent so far; more than `memoryMiB` when pre-copy resent dirtied pages. */
	sentMiB: number;
	/** Dirtying measured over the last round, MiB/s. */
	dirtyRateMiBps: number;
	/** Simulated seconds elapsed since the start. */
	elapsedSeconds: number;
	/** Seconds the VM has been unavailable so far. */
	downtimeSeconds: number;
	/** Rate granted by the links during the last tick. */
	rateMiBps: number;
	/** Xen's adaptive pre-copy: the rate cap of the round in flight (Mbit/s), or null when unthrottled. */
	rateCapMbps: number | null;
	/** Post-copy: the VM already runs on the destination, so a failure of either host loses it. */
	switched: boolean;
	/** Post-copy: share of the VM's time lost to network page faults until the push ends. */
	stallFraction: number;
	/** Destinations it was sent to first and then moved on from before it began (a semantics' `movesOn`), in order. */
	movedOnFrom: string[];
	/** Who asked: a key, the timeline or a policy. */
	requestedBy: string;
};

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

/** A saved VM image on shared storage: memory and the disk written since the previous one. */
export type Snapshot = {
	id: string;
	vmId: string;
	/** The tick it was taken at: what a restore from it goes back to. */
	tick: number;
	memoryMiB: number;
	storageMiB: number;
};

/** Work that takes simulated time: saving a snapshot, copying a clone, restoring, booting a host. */
export type Operation
	= | {kind: 'snapshot'; id: string; vmId: string; startTick: number; untilTick: number; memoryMiB: number; storageMiB: number}
		| {kind: 'clone'; id: string; vmId: string; cloneId: string; hostId: string; untilTick: number}
		| {kind: 'restore'; id: string; vmId: string; snapshotId: string; startTick: number; untilTick: number};

export type PowerConfig = {
	/** Time from power-on to serving. */
	bootSeconds: number;
	/** Rate at which snapshots, clones and restores read or write memory and disk images (shared storage). */
	imageMiBps: number;
	/** Start-up time of a container (it needs no boot). */
	containerStartSeconds: number;
};

export type Counters = {
	overloadedHostTicks: number;
	sustainedOverloadIntervals: number;
	/** Host-intervals in which a VM on the host paged, and what was paged (swap traffic, MiB). */
	pagingHostIntervals: number;
	pagedMiB: number;
	/** Hotspot episodes (./episodes.ts): started, cured (with the sum and maximum of their cure times), and cured ones that came back. */
	episodesStarted: number;
	episodesCured: number;
	episodeCureSecondsSum: number;
	episodeCureSecondsMax: number;
	episodesCameBack: number;
	migrationsStarted: number;
	migrationsCompleted: number;
	migrationsAborted: number;
	movedMiB: number;
	/** Network effects of migrations and mode changes: addresses that changed, connections that broke. */
	addressesChanged: number;
	connectionsDropped: number;
	/** Energy of the worker hosts (the scratch host is left out, models.md 7.2). */
	energyKWh: number;
	/** Sums over ticks, for means: up workers, running VMs per up worker, CPU utilisation of up workers. */
	activeHostTicks: number;
	consolidationRatioSum: number;
	activeUtilisationSum: number;
	snapshotsTaken: number;
	vmsRestarted: number;
	vmsLost: number;
	/** Simulated seconds of work lost by VMs restarted from a snapshot after a failure. */
	workLostSeconds: number;
	/** Next numeric suffix for snapshot, clone and operation ids. */
	nextObjectId: number;
	/** CloudSim's SLA inputs (models.md 5.4, as its code aggregates them): workers' active and fully loaded time, VMs' requested CPU and what migrations took of it. */
	activeHostSeconds: number;
	overloadedActiveHostSeconds: number;
	requestedCpuUnitSeconds: number;
	migrationLostCpuUnitSeconds: number;
	/** Next numeric suffix for migration ids. */
	nextMigrationId: number;
};

export type World = {
	scenarioName: string;
	seed: number;
	/** Ticks completed so far; simulated time is `tick * tickSeconds`. */
	tick: number;
	config: WorldConfig;
	policy: string;
	/** Opaque, JSON-safe state owned by the current policy. */
	policyState: unknown;
	/** Opaque, JSON-safe state owned by the datacenter's semantics (`config.semantics`). */
	semanticsState: unknown;
	hosts: Host[];
	vms: Vm[];
	migrations: Migration[];
	/** NAT port forwards, by host then port. */
	forwards: PortForward[];
	snapshots: Snapshot[];
	operations: Operation[];
	/** Serial of the next generated MAC. */
	nextMacSerial: number;
	counters: Counters;
};

export type LoadTarget = {kind: 'vm'; vmId: string} | {kind: 'host'; hostId: string};

/** The one vocabulary of the keyboard, scenario timelines and policy plans. */
export type Command
	= | {type: 'injectLoad'; target: LoadTarget; resource: Resource; amount: number; durationTicks: number | null}
		| {type: 'clearLoad'; target: LoadTarget}
		| {
			type: 'requestMigration';
			vmId: string;
			destinationHostId: string;
			mode: MigrationMode | null;
			/** A new allocation at the destination (a resize on arrival, SP09); null keeps the current one. */
			allocationMiB?: number | null;
			requestedBy?: string;
		}
		/** Grows or shrinks a VM's allocation on its host (ballooning), when the host has the memory. */
		| {type: 'resizeVm'; vmId: string; memoryMiB: number; requestedBy?: string}
		| {type: 'setPolicy'; policy: string}
		| {type: 'setNetworkMode'; vmId: string; mode: NetworkMode; /** For custom: the network (default the VM's first custom one). */ network?: string}
		| {type: 'addPortForward'; vmId: string; hostPort: number; vmPort: number}
		| {type: 'removePortForward'; hostId: string; hostPort: number}
		| {type: 'attachNetwork'; vmId: string; network: string}
		| {type: 'detachNetwork'; vmId: string; network: string}
		| {type: 'failHost'; hostId: string}
		| {type: 'recoverHost'; hostId: string}
		| {type: 'setLinkBandwidth'; hostId: string; networkMbps: number}
		| {type: 'powerOn'; hostId: string}
		| {type: 'powerOff'; hostId: string}
		| {type: 'drainHost'; hostId: string}
		| {type: 'snapshot'; vmId: string}
		| {type: 'clone'; vmId: string; destinationHostId: string}
		| {type: 'restore'; vmId: string; snapshotId: string};

export type CommandType = Command['type'];

type At = {tick: number};

/** What happened, in the past tense. `tick` is the tick during which it happened. */
export type SimEvent = At & (
	| {type: 'loadInjected'; target: LoadTarget; resource: Resource; amount: number; durationTicks: number | null}
	| {type: 'loadCleared'; target: LoadTarget; count: number}
	| {type: 'loadExpired'; target: LoadTarget; resource: Resource; amount: number}
	| {type: 'migrationStarted'; migrationId: string; vmId: string; from: string; to: string; mode: MigrationMode; requestedBy: string}
	| {type: 'migrationCompleted'; migrationId: string; vmId: string; from: string; to: string; mode: MigrationMode; durationSeconds: number; downtimeSeconds: number; movedMiB: number}
	| {type: 'migrationAborted'; migrationId: string; vmId: string; from: string; to: string; reason: string}
	| {type: 'migrationRound'; migrationId: string; vmId: string; round: number; dataMiB: number; seconds: number; dirtiedMiB: number}
	| {type: 'migrationPhaseChanged'; migrationId: string; vmId: string; phase: MigrationPhase; sentMiB: number; elapsedSeconds: number}
	| {type: 'migrationFailed'; migrationId: string; vmId: string; from: string; to: string; reason: string}
	| {type: 'vmLost'; vmId: string; reason: string}
	/** Its workload asks nothing: CloudSim's datacenter takes such a VM as done and removes it for good. */
	| {type: 'vmFinished'; vmId: string; hostId: string}
	| {type: 'linkBandwidthChanged'; hostId: string; from: number; to: number}
	| {type: 'vmResized'; vmId: string; hostId: string; fromMiB: number; toMiB: number; requestedBy: string}
	| {type: 'migrationRefused'; vmId: string; to: string; reason: string}
	| {type: 'hostOverloaded'; hostId: string; resources: Resource[]}
	| {type: 'hostOverloadEnded'; hostId: string; durationTicks: number}
	| {type: 'hostFailed'; hostId: string; stoppedVmIds: string[]}
	| {type: 'hostRecovered'; hostId: string; restartedVmIds: string[]}
	| {type: 'policyChanged'; from: string; to: string}
	| {type: 'networkModeChanged'; vmId: string; from: NetworkMode; to: NetworkMode; fromIp: string; toIp: string; connectionsDropped: number}
	| {type: 'portForwardAdded'; hostId: string; hostPort: number; vmId: string; vmPort: number}
	| {type: 'portForwardRemoved'; hostId: string; hostPort: number; vmId: string; vmPort: number; reason: string}
	| {type: 'networkAttached'; vmId: string; network: string; ip: string}
	| {type: 'networkDetached'; vmId: string; network: string; ip: string}
	| {type: 'hostPoweredOn'; hostId: string; bootSeconds: number}
	| {type: 'hostBooted'; hostId: string}
	| {type: 'hostPoweredOff'; hostId: string}
	| {type: 'drainStarted'; hostId: string; vmIds: string[]}
	| {type: 'hostDrained'; hostId: string}
	| {type: 'snapshotStarted'; vmId: string; snapshotId: string; seconds: number}
	| {type: 'snapshotTaken'; vmId: string; snapshotId: string; memoryMiB: number; storageMiB: number}
	| {type: 'cloneStarted'; vmId: string; cloneId: string; hostId: string; seconds: number}
	| {type: 'cloneCreated'; vmId: string; cloneId: string; hostId: string}
	| {type: 'restoreStarted'; vmId: string; snapshotId: string; seconds: number}
	| {type: 'vmRestored'; vmId: string; snapshotId: string; lostSeconds: number}
	| {type: 'vmRestartedFromSnapshot'; vmId: string; from: string; to: string; snapshotId: string; lostSeconds: number}
	| {type: 'vmNetworkMoved'; migrationId: string | null; vmId: string; from: string; to: string; effect: NetworkEffect}
	| {type: 'commandRejected'; command: CommandType; reason: string}
	| {type: 'hotspotDetected'; hostId: string; resource: Resource; samples: number[]; forecast: number}
	| {type: 'hotspotResolved'; hostId: string; resource: Resource; durationSeconds: number}
	/** The yardstick's episodes (./episodes.ts), whatever the policy: first detection, cure (after the hold), and a detection soon after a cure. */
	| {type: 'hotspotEpisodeStarted'; hostId: string; resource: MetricResource}
	| {type: 'hotspotEpisodeCured'; hostId: string; resource: MetricResource; cureSeconds: number; detections: number}
	| {type: 'hotspotEpisodeCameBack'; hostId: string; resource: MetricResource; afterSeconds: number}
	| {type: 'migrationPlanned'; vmId: string; from: string; to: string; vsr: number; reason: string}
	| {type: 'swapPlanned'; vmId: string; from: string; to: string; swappedVmIds: string[]; via: string}
	| {type: 'planRejected'; hostId: string; reason: string}
);

export type SimEventType = SimEvent['type'];
