/** A VM or container: what it runs, how it dirties memory, where it is and what it was granted. */
import type {VirtualisationTechnique} from './hypervisor.js';
import type {IntervalAccumulator, IntervalSamples} from './intervals.js';
import type {InjectedLoad} from './load.js';
import type {NetworkFunction, Nic} from './network.js';
import type {ResourceVector} from './resources.js';
import type {Workload} from './workload.js';

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
