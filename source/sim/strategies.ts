/**
The function types the core consumes. Policies and migration models plug in here; the core never
imports them, so a new policy or model is a new file and a registry entry, never an `if` in `step`.
*/
import type {
	Command, Host, Migration, MigrationConfig, MigrationMode, MigrationPhase, SemanticsName, SimEvent, Vm, World,
} from './types.js';

/** Why a policy left a hot host as it is (`no host has 768 MiB free under the CPU threshold`). */
export type PlanRejection = {hostId: string; reason: string};

/** A policy's answer for one monitoring interval. It never mutates the world. */
export type PolicyDecision = {
	commands: Command[];
	rejections: PlanRejection[];
	/** Detection events (hotspotDetected, ...) the policy wants in the log. */
	events: SimEvent[];
	/** The policy's next private state (JSON-safe). */
	state: unknown;
};

export type Policy = {
	name: string;
	description: string;
	initialState(world: World): unknown;
	decide(world: World, state: unknown): PolicyDecision;
};

/** What happened inside a migration during a tick, for the event log. */
export type MigrationNote
	= | {kind: 'round'; round: number; dataMiB: number; seconds: number; dirtiedMiB: number}
		| {kind: 'phase'; phase: MigrationPhase};

export type MigrationAdvance = {
	migration: Migration;
	/** The migration is over: the VM runs on the destination, with all its memory there. */
	finished: boolean;
	notes: MigrationNote[];
};

export type MigrationContext = {
	/** What the links granted this migration for this tick (MiB/s). */
	rateMiBps: number;
	tickSeconds: number;
	config: MigrationConfig;
	/** The VM's working set now (post-copy's faults are a share of it). */
	workingSetMiB: number;
};

export type MigrationModel = {
	mode: MigrationMode;
	/** Whether live migration between these hypervisor families is possible (cold copy always is). */
	live: boolean;
	/** The first phase of a new migration (a record no one else holds yet: the model may change it and return it). */
	begin(migration: Migration, config: MigrationConfig): Migration;
	/** Whether the VM is paused while the migration is in its current phase. */
	vmPaused(migration: Migration): boolean;
	/** Moves a migration on by one tick (several phases may pass in a long tick); may change the record it is given, and returns the advanced one. */
	advance(migration: Migration, context: MigrationContext): MigrationAdvance;
	/** The most the migration asks of a link now (MiB/s), before sharing. */
	rateCapMiBps(migration: Migration, config: MigrationConfig): number;
};

export type NetworkCommand = Extract<Command, {type: 'setNetworkMode' | 'addPortForward' | 'removePortForward' | 'attachNetwork' | 'detachNetwork'}>;

/**
Addressing and what moves do to connections (bridged, NAT, host-only, custom networks). It works on
the draft world the core owns during a tick, as commands do.
*/
export type NetworkModel = {
	/** Carries out a network command, emitting its events; returns why it cannot, or undefined. */
	apply(world: World, command: NetworkCommand, emit: (event: SimEvent) => void): string | undefined;
	/** `vm` now runs on another host (a migration's destination, or a restart after a failure): re-address it, move its forwards, say what its connections went through. */
	moved(world: World, vm: Vm, move: HostMove, emit: (event: SimEvent) => void): void;
	/** A new VM (a clone) needs NICs like its original's, with its own MACs and addresses. */
	addNics(world: World, vm: Vm, original: Vm): void;
};

export type HostMove = {fromHostId: string; toHostId: string; migrationId: string | null};

/** Hypervisor CPU for a VM: a share of its own CPU, and a factor on the per-I/O cost (models.md 7.2's 2 units per 100 Mbit/s). */
export type VmOverhead = {cpuShare: number; ioFactor: number};

/** The cost of running a workload virtualised (or as a container), by technique and hypervisor type. */
export type OverheadModel = {
	name: string;
	forVm(vm: Vm, hypervisorType: 1 | 2): VmOverhead;
};

/** Draw of a host in watts from its state and CPU utilisation (models.md 4). */
export type PowerModel = {
	name: string;
	watts(host: Host, cpuUtilisation: number): number;
};

/**
How the datacenter is accounted and what happens inside an interval: this project's model, or
CloudSim's. The core calls each hook it has at its place in the tick; a hook it lacks is the core's
own behaviour.
*/
export type Semantics = {
	name: SemanticsName;
	/**
	Whether a VM whose migration was asked for in this same batch may be asked to move on before it
	arrives: its migration goes to the new destination instead, and counts again (CloudSim carries out
	every entry of a round's migration map, so a VM can move twice in one round).
	*/
	movesOn?: boolean;
	/** The (fractional) tick at which workloads are read for tick `tick`. */
	demandTick?(tick: number, tickSeconds: number): number;
	/** How a replayed series is read at tick `tick` (whole: the tick being sampled), instead of the core's interpolation at the demand tick. */
	replayAt?(values: readonly number[], sampleTicks: number, loop: boolean, tick: number, tickSeconds: number): number;
	/** After demand is sampled, before anything moves: close what the last interval left open. */
	afterDemand?(world: World, strategies: Strategies): void;
	/** Just before the policy's round (every tick). */
	beforeRound?(world: World, emit: (event: SimEvent) => void): void;
	/** Each migration's rate this tick (MiB/s), instead of sharing the links. */
	migrationRates?(world: World, sourcePositions: Int32Array): number[];
	/** Power, energy and the SLA inputs for the tick, instead of the core's. */
	account?(world: World, strategies: Strategies): void;
};

export type Strategies = {
	semantics: Readonly<Record<SemanticsName, Semantics>>;
	policies: Readonly<Record<string, Policy>>;
	migrationModels: Readonly<Partial<Record<MigrationMode, MigrationModel>>>;
	network: NetworkModel;
	overhead: OverheadModel;
	power: PowerModel;
};
