/** The whole simulated world, and the tallies it keeps for the reports. */
import type {WorldConfig} from './config.js';
import type {Host} from './host.js';
import type {Operation, Snapshot} from './image.js';
import type {Migration} from './migration.js';
import type {PortForward} from './network.js';
import type {Vm} from './vm.js';

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
