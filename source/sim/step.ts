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
import {accountPower} from './account-power.js';
import {advanceMigrations} from './advance-migrations.js';
import {applyCommand, applyCommands} from './commands.js';
import {
	noTraffic, shareHost, staysIdle, type HostTraffic,
} from './contention.js';
import {expireLoads} from './expire-loads.js';
import {endsInterval} from './history.js';
import {advanceOperations} from './images.js';
import {advanceLifecycle} from './lifecycle.js';
import {RefilledLists} from './lists.js';
import {hostIndex as hostPositions, vmHostPositions} from './lookup.js';
import {
	applyMigrationPenalties, linkRates, migrationEnds, migrationTraffic, updateVmStates,
} from './migration-phase.js';
import {accountOverload} from './overload-metric.js';
import {recordHistory} from './record-history.js';
import {withVectors} from './resource-vector.js';
import {semanticsOf} from './semantics-of.js';
import type {Semantics, Strategies} from './strategies.js';
import type {
	Command, Host, SimEvent, Vm, World,
} from './types.js';
import {isPlaced} from './vm-state.js';
import {sampleDemand} from './workload.js';

export type StepResult = {
	world: World;
	events: SimEvent[];
};

/**
A deep copy. The world is JSON by contract (a property test checks the round trip), and V8 gives
JSON.parse's arrays fast elements, where structuredClone's arrays run several times slower. Resource
vectors come back as vectors (./resource-vector.ts says why: a plain {cpu, memory, disk, network} boxes
every number written into it, which made an evaluation's runs allocate twice what they needed).
*/
export function cloneWorld(world: World): World {
	// eslint-disable-next-line unicorn/prefer-structured-clone, @typescript-eslint/no-unsafe-type-assertion -- see above; the world is JSON by contract.
	return withVectors(JSON.parse(JSON.stringify(world))) as World;
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

/**
Every VM draws every tick, whatever its state, so its stream never depends on placement; but a VM that
finished (CloudSim's, gone for good: by the end of the parity day half of them) has no demand to draw.
*/
function sampleDemands(world: World, semantics: Semantics): void {
	const {tick} = world;
	const {tickSeconds} = world.config;
	const demandTick = semantics.demandTick?.(tick, tickSeconds) ?? tick;
	const {replayAt} = semantics;
	const replay = replayAt ? (values: readonly number[], sampleTicks: number, loop: boolean) => replayAt(values, sampleTicks, loop, tick, tickSeconds) : undefined;
	for (const vm of world.vms) {
		if (vm.state === 'finished') {
			continue;
		}

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
