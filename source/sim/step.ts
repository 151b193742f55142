/**
One tick of the simulation, in a fixed phase order:

1. apply commands (inject load, request migration, fail host, set network mode, ...), expire loads;
2. compute each VM's demand from its workload (seeded, one stream per VM);
3. share host capacity among VMs (contention), add hypervisor and migration overheads;
4. share link bandwidth among running migrations (max-min fair with the VMs' traffic); advance them
   by their models; re-home VMs that finished (post-copy ones already at the switch);
5. record bounded history (the monitor's windows);
6. every monitoring interval: the policy detects hotspots and returns a plan; start its migrations;
7. account overload (per tick and the k-of-n sustained-overload intervals); `tick + 1`.

Hosts and VMs are always iterated in id order (the order of the arrays). `step` leaves its input
untouched; `stepInPlace` advances a world the caller owns, which is what long runs use.
*/
import {applyCommand, applyCommands} from './commands.js';
import {advanceOperations} from './images.js';
import {advanceLifecycle} from './lifecycle.js';
import {abortMigration} from './migration-end.js';
import {
	noTraffic, shareHost, staysIdle, type HostTraffic,
} from './contention.js';
import {endsInterval, recordTick} from './history.js';
import {RefilledLists} from './lists.js';
import {isZero} from './resource-vector.js';
import {pushToSeries} from './series.js';
import {migrationRates, mibpsToMbps} from './links.js';
import {findVm, hostIndex as hostPositions, vmHostPositions} from './lookup.js';
import type {Semantics, Strategies} from './strategies.js';
import {semanticsOf} from './semantics-of.js';
import type {
	Command, Host, InjectedLoad, LoadTarget, SimEvent, Vm, World,
} from './types.js';
import {sampleDemand} from './workload.js';
import {accountPower} from './account-power.js';
import {accountOverload} from './overload-metric.js';
import {isPlaced, isDown} from './vm-state.js';

export type StepResult = {
	world: World;
	events: SimEvent[];
};

/**
A deep copy. The world is JSON by contract (a property test checks the round trip), and V8 gives
JSON.parse's arrays fast elements, where structuredClone's arrays run several times slower.
*/
export function cloneWorld(world: World): World {
	// eslint-disable-next-line unicorn/prefer-structured-clone, @typescript-eslint/no-unsafe-type-assertion -- see above; the world is JSON by contract.
	return JSON.parse(JSON.stringify(world)) as World;
}

/** Advances a copy of `world` by one tick. */
export function step(world: World, commands: readonly Command[], strategies: Strategies): StepResult {
	const draft = cloneWorld(world);
	const events = stepInPlace(draft, commands, strategies);
	return {world: draft, events};
}

/**
Advances `world` itself by one tick and returns what happened. With a `sink`, each event goes to it
as it happens and the array returned is empty: a long run that only tallies or streams events then
holds none of them until the tick ends (held, a parity day's events were promoted by the collector
and set its peak memory).
*/
export function stepInPlace(world: World, commands: readonly Command[], strategies: Strategies, sink?: (event: SimEvent) => void): SimEvent[] {
	const events: SimEvent[] = [];
	const emit = sink ?? ((event: SimEvent) => {
		events.push(event);
	});

	// 1. Commands; then hosts that finished booting, drains (their migrations), image work that is done, loads whose time is up.
	applyCommands(world, commands, strategies, emit);

	for (const request of advanceLifecycle(world, emit)) {
		applyCommand(world, request, strategies, emit);
	}

	advanceOperations(world, strategies, emit);
	expireLoads(world, emit);

	// 2. Demand.
	const semantics = semanticsOf(world, strategies);
	sampleDemands(world, semantics);
	semantics.afterDemand?.(world, strategies);

	// 3. Contention, with the migration traffic of this tick.
	// Lookup's index of the hosts (the core never adds, removes or reorders hosts, so every id hits).
	const hostIndex = hostPositions(world);
	const ends = migrationEnds(world, hostIndex);
	// Only a migration pauses a VM, and every way a migration ends resumes it: nothing to do without one.
	if (world.migrations.length > 0) {
		updateVmStates(world, ends, strategies);
	}

	const residents = residentLists(world);
	ends.rates = world.migrations.length === 0 ? [] : linkRates(world, strategies, ends, residents);
	shareHosts(world, residents, migrationTraffic(world, ends), strategies);
	if (world.migrations.length > 0) {
		applyMigrationPenalties(world, ends);
	}

	// 4. Migrations.
	advanceMigrations(world, ends, strategies, emit);

	// 5. History.
	const closing = endsInterval(world.tick, world.config.monitoring);
	recordHistory(world, closing);

	// 6. Policy.
	semantics.beforeRound?.(world, emit);
	if (closing) {
		runPolicy(world, strategies, emit);
	}

	// 7. Accounting.
	accountOverload(world, closing, emit);
	if (semantics.account) {
		semantics.account(world, strategies);
	} else {
		accountPower(world, strategies);
	}

	world.tick++;
	return events;
}

/** Every VM draws every tick, whatever its state, so its stream never depends on placement. */
function sampleDemands(world: World, semantics: Semantics): void {
	const {tick} = world;
	const {tickSeconds} = world.config;
	const demandTick = semantics.demandTick?.(tick, tickSeconds) ?? tick;
	const {replayAt} = semantics;
	const replay = replayAt ? (values: readonly number[], sampleTicks: number, loop: boolean) => replayAt(values, sampleTicks, loop, tick, tickSeconds) : undefined;
	for (const vm of world.vms) {
		sampleDemand(vm.workload, vm.random, demandTick, vm.usage.demand, replay);
		// A container's cgroup caps its CPU.
		if (vm.cpuLimitUnits !== null && vm.usage.demand.cpu > vm.cpuLimitUnits) {
			vm.usage.demand.cpu = vm.cpuLimitUnits;
		}
	}
}

/**
One list of resident VMs per host, refilled in place every tick: they live only within a tick, and a
long run would otherwise make one array per host per tick.
*/
const residentCache = new WeakMap<readonly Host[], RefilledLists<Vm>>();

function residentLists(world: World): Vm[][] {
	const {hosts} = world;
	let residents = residentCache.get(hosts);
	if (residents?.lists.length !== hosts.length) {
		residents = new RefilledLists<Vm>(hosts.length);
		residentCache.set(hosts, residents);
	}

	const hostOf = vmHostPositions(world);
	let index = -1;
	for (const vm of world.vms) {
		index++;
		if (isPlaced(vm)) {
			residents.add(hostOf[index]!, vm);
		}
	}

	residents.end();
	return residents.lists;
}

/**
Each running migration's VM and the positions of its two hosts (-1 where there is none), found once
a tick: phases 3 and 4 read them five times per migration, and a parity tick runs hundreds. Then each
one's link rate this tick (MiB/s), once contention has shared the links.
*/
type MigrationEnds = {
	vms: Array<Vm | undefined>;
	sources: Int32Array;
	destinations: Int32Array;
	rates: number[];
};

function migrationEnds(world: World, hostIndex: ReadonlyMap<string, number>): MigrationEnds {
	const {migrations} = world;
	const ends: MigrationEnds = {
		vms: [], sources: new Int32Array(migrations.length), destinations: new Int32Array(migrations.length), rates: [],
	};
	let index = -1;
	for (const migration of migrations) {
		index++;
		ends.vms.push(findVm(world, migration.vmId));
		ends.sources[index] = hostIndex.get(migration.sourceHostId) ?? -1;
		ends.destinations[index] = hostIndex.get(migration.destinationHostId) ?? -1;
	}

	return ends;
}

function shareHosts(world: World, residents: readonly Vm[][], traffic: ReadonlyArray<HostTraffic | undefined> | undefined, strategies: Strategies): void {
	let index = -1;
	for (const host of world.hosts) {
		index++;
		const hostTraffic = traffic?.[index];
		if (!staysIdle(host, residents[index]!, hostTraffic)) {
			shareHost(host, residents[index]!, hostTraffic ?? noTraffic, world.config, strategies.overhead);
		}
	}
}

/**
Tick samples of each host's CPU, and the interval means of hosts and VMs (`closing`: this tick ends an
interval). A host quiet for longer than it takes to fill its series with zeros (its tick samples, and
every interval sample after the interval the quiet began in) is skipped: its series are full of zeros,
so another zero changes no sample, only where the ring starts. Its accumulator still counts ticks, so
that the mean of an interval it wakes in is right. Most hosts of a consolidated datacenter are off for
hours (about 60 % of the host-ticks of the parity day).
*/
function recordHistory(world: World, closing: boolean): void {
	const {monitoring} = world.config;
	const quietLimit = Math.max(monitoring.tickHistoryLength, (monitoring.historyIntervals + 1) * monitoring.intervalTicks);
	for (const host of world.hosts) {
		const {utilisation, swapMBps} = host.usage;
		const {history} = host;
		const {accumulator} = history;
		history.quietTicks = isZero(utilisation) && swapMBps === 0 ? history.quietTicks + 1 : 0;
		// Quiet or not, the same operations run and only the values chosen differ, so that the first host
		// skipped (61 ticks into a parity run) meets no operation the optimising compiler has no feedback for.
		const skipped = history.quietTicks > quietLimit;
		const countedTicks = closing ? 0 : accumulator.ticks + 1;
		accumulator.ticks = skipped ? countedTicks : accumulator.ticks;
		if (skipped) {
			continue;
		}

		pushToSeries(history.cpuTicks, utilisation.cpu, monitoring.tickHistoryLength);
		recordTick(history.accumulator, history.intervals, monitoring.historyIntervals, closing, utilisation.cpu, utilisation.memory, utilisation.disk, utilisation.network, swapMBps);
	}

	for (const vm of world.vms) {
		const {granted, demand, swapMBps} = vm.usage;
		recordTick(vm.accumulator, vm.intervals, monitoring.historyIntervals, closing, granted.cpu, demand.memory, granted.disk, granted.network, swapMBps);
	}
}

/** Each migration's rate this tick: its model's cap, shared fairly with other migrations and the VMs' traffic. */
function linkRates(world: World, strategies: Strategies, ends: MigrationEnds, residents: readonly Vm[][]): number[] {
	const {migration: config} = world.config;
	const fixed = semanticsOf(world, strategies).migrationRates?.(world, ends.sources);
	if (fixed) {
		return fixed;
	}

	const caps = world.migrations.map(migration => strategies.migrationModels[migration.mode]?.rateCapMiBps(migration, config) ?? 0);
	const vmTraffic = residents.map(list => list.reduce((sum, vm) => sum + (vm.state === 'running' ? vm.usage.demand.network : 0), 0));
	return migrationRates(world.migrations, world.hosts, hostPositions(world), caps, vmTraffic);
}

/**
A migrating VM that runs loses CPU: CloudSim's 10 % while it migrates, and, after a post-copy switch,
the share of time it stalls on network page faults.
*/
function applyMigrationPenalties(world: World, ends: MigrationEnds): void {
	// From each migration to its VM (no map of migrations each tick): a VM has one migration at most.
	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const vm = ends.vms[index];
		if (vm?.migrationId === migration.id && vm.state === 'running') {
			const penalty = Math.min(1, world.config.migration.vmCpuPenalty + migration.stallFraction);
			vm.usage.granted.cpu *= 1 - penalty;
		}
	}
}

/** One traffic array per hosts array, emptied each tick (`Array.from({length})` walks an array-like object, slowly, every tick). */
const trafficCache = new WeakMap<readonly Host[], Array<HostTraffic | undefined>>();

/** Migration traffic per host position (only hosts a migration touches have one), or undefined when nothing migrates. */
function migrationTraffic(world: World, ends: MigrationEnds): Array<HostTraffic | undefined> | undefined {
	if (world.migrations.length === 0) {
		return undefined;
	}

	let traffic = trafficCache.get(world.hosts);
	if (traffic?.length === world.hosts.length) {
		traffic.fill(undefined);
	} else {
		traffic = Array.from({length: world.hosts.length});
		trafficCache.set(world.hosts, traffic);
	}

	const at = (index: number) => {
		if (index < 0) {
			return undefined;
		}

		traffic[index] ??= {
			outMbps: 0, inMbps: 0, migrations: 0, incomingMiB: 0,
		};
		return traffic[index];
	};

	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const mbps = mibpsToMbps(ends.rates[index]!);
		const source = at(ends.sources[index]!);
		const destination = at(ends.destinations[index]!);
		if (source) {
			source.outMbps += mbps;
			source.migrations++;
			if (migration.switched) {
				// After a post-copy switch the source still holds the pages it has not pushed.
				source.incomingMiB += migration.memoryMiB;
			}
		}

		if (destination) {
			destination.inMbps += mbps;
			destination.migrations++;
			if (!migration.switched) {
				destination.incomingMiB += migration.allocationMiB;
			}
		}
	}

	return traffic;
}

/** Paused while a migration model says so, running otherwise; stopped VMs stay stopped. */
function updateVmStates(world: World, ends: MigrationEnds, strategies: Strategies): void {
	for (const vm of world.vms) {
		if (!isDown(vm)) {
			vm.state = 'running';
		}
	}

	// Then from each migration to its VM (no map of migrations each tick): a VM has one migration at most.
	let index = -1;
	for (const migration of world.migrations) {
		index++;
		const vm = ends.vms[index];
		if (vm?.migrationId === migration.id && vm.state === 'running' && (strategies.migrationModels[migration.mode]?.vmPaused(migration) ?? false)) {
			vm.state = 'paused';
		}
	}
}

function expireLoads(world: World, emit: (event: SimEvent) => void): void {
	for (const host of world.hosts) {
		if (host.injected.length > 0) {
			host.injected = unexpired(world, host.injected, {kind: 'host', hostId: host.id}, emit);
		}
	}

	for (const vm of world.vms) {
		if (vm.injected.length > 0) {
			vm.injected = unexpired(world, vm.injected, {kind: 'vm', vmId: vm.id}, emit);
		}
	}
}

/**
The loads whose time is not up; each one that is ends with an event. A function of its own, not a
callback written in the loops above: a callback that captures a loop's host or VM can make V8 allocate
a scope for every turn of the loop, whether the callback runs or not (in accountOverload and
advanceLifecycle such scopes were 58 KB of a parity tick's 0.53 MB of garbage).
*/
function unexpired(world: World, loads: readonly InjectedLoad[], target: LoadTarget, emit: (event: SimEvent) => void): InjectedLoad[] {
	const {tick} = world;
	return loads.filter(load => {
		const expired = load.untilTick !== null && load.untilTick <= tick;
		if (expired) {
			emit({
				tick, type: 'loadExpired', target, resource: load.resource, amount: load.amount,
			});
		}

		return !expired;
	});
}

function advanceMigrations(world: World, ends: MigrationEnds, strategies: Strategies, emit: (event: SimEvent) => void): void {
	if (world.migrations.length === 0) {
		return;
	}

	// The migrations that go on are kept in the same array, at its front (never ahead of the one read):
	// a new array each tick was empty in most parity ticks and full in others, two kinds of array where
	// the policy's ledger reads them, and its optimised code fell back to slow code every tick.
	const {migrations} = world;
	let kept = 0;
	const unmodelled = [];
	let index = -1;
	for (const migration of migrations) {
		index++;
		const model = strategies.migrationModels[migration.mode];
		const vm = ends.vms[index];
		if (!model || !vm) {
			// A restored world may hold a migration of a mode these strategies lack: end it cleanly.
			migrations[kept++] = migration;
			unmodelled.push(migration);
			continue;
		}

		// A model may advance the record in place: keep what PDM needs from before.
		const elapsedBefore = migration.elapsedSeconds;
		const advanced = model.advance(migration, {
			rateMiBps: ends.rates[index]!,
			tickSeconds: world.config.tickSeconds,
			config: world.config.migration,
			workingSetMiB: vm.usage.demand.memory,
		});
		const {migration: next, finished, notes} = advanced;
		// CloudSim's PDM input: the CPU the VM lost to its migration, for the time it migrated this tick.
		world.counters.migrationLostCpuUnitSeconds += world.config.migration.vmCpuPenalty * vm.usage.demand.cpu * Math.max(0, next.elapsedSeconds - elapsedBefore);
		for (const note of notes) {
			if (note.kind === 'round') {
				emit({
					tick: world.tick, type: 'migrationRound', migrationId: next.id, vmId: next.vmId, round: note.round, dataMiB: note.dataMiB, seconds: note.seconds, dirtiedMiB: note.dirtiedMiB,
				});
			} else if (note.phase !== 'done') {
				emit({
					tick: world.tick, type: 'migrationPhaseChanged', migrationId: next.id, vmId: next.vmId, phase: note.phase, sentMiB: next.sentMiB, elapsedSeconds: next.elapsedSeconds,
				});
			}
		}

		// The VM arrives at the switch (post-copy) or at the end (pre-copy, stop-and-copy): its network moves then.
		const arrives = vm.hostId !== next.destinationHostId && (next.switched || finished);
		if (next.switched || finished) {
			vm.hostId = next.destinationHostId;
			vm.memoryMiB = next.allocationMiB;
		}

		if (finished) {
			vm.migrationId = null;
			if (vm.state === 'paused') {
				vm.state = 'running';
			}

			world.counters.migrationsCompleted++;
			world.counters.movedMiB += next.sentMiB;
			emit({
				tick: world.tick,
				type: 'migrationCompleted',
				migrationId: next.id,
				vmId: next.vmId,
				from: next.sourceHostId,
				to: next.destinationHostId,
				mode: next.mode,
				durationSeconds: next.elapsedSeconds,
				downtimeSeconds: next.downtimeSeconds,
				movedMiB: next.sentMiB,
			});
		}

		if (arrives) {
			strategies.network.moved(world, vm, {fromHostId: next.sourceHostId, toHostId: next.destinationHostId, migrationId: next.id}, emit);
		}

		if (finished) {
			continue;
		}

		migrations[kept++] = next;
	}

	if (migrations.length !== kept) {
		migrations.length = kept;
	}

	for (const migration of unmodelled) {
		abortMigration(world, migration, `no model for ${migration.mode} migration`, emit);
	}
}

function runPolicy(world: World, strategies: Strategies, emit: (event: SimEvent) => void): void {
	const policy = Object.hasOwn(strategies.policies, world.policy) ? strategies.policies[world.policy] : undefined;
	if (!policy) {
		return;
	}

	const decision = policy.decide(world, world.policyState);
	world.policyState = decision.state;
	for (const event of decision.events) {
		emit(event);
	}

	// A request says who asked; a policy that said so already (parity's hundreds a round) is not copied,
	// nor is its list when every request says so.
	const unsigned = (command: Command) => command.type === 'requestMigration' && command.requestedBy === undefined;
	const commands = decision.commands.some(command => unsigned(command))
		? decision.commands.map(command => unsigned(command) ? {...command, requestedBy: world.policy} : command)
		: decision.commands;
	applyCommands(world, commands, strategies, emit);
}
