/**
Phase 1 of a tick: apply commands to the draft world. A command that cannot be carried out never
throws: it becomes an event that says why (`commandRejected`, `migrationRefused`).
*/
import {
	allocatedMiB, batchLedger, recordMigration, recordMoveOn, type BatchLedger,
} from './batch-ledger.js';
import {freeMemoryMiB, usableMemoryMiB} from './capacity.js';
import {applyImageCommand} from './images.js';
import {applyLifecycle} from './lifecycle.js';
import {newMigration} from './migration-record.js';
import {applyResize} from './resize.js';
import {migrationModeNames} from './migration-modes.js';
import {findHost, findVm} from './lookup.js';
import {semanticsOf} from './semantics-of.js';
import type {Strategies} from './strategies.js';
import type {
	Command, CommandType, InjectedLoad, LoadTarget, MigrationMode, SimEvent, Vm, World,
} from './types.js';
import {isDown} from './vm-state.js';

type Emit = (event: SimEvent) => void;

function loadsOf(world: World, target: LoadTarget): InjectedLoad[] | string {
	if (target.kind === 'vm') {
		return findVm(world, target.vmId)?.injected ?? `no VM ${target.vmId}`;
	}

	return findHost(world, target.hostId)?.injected ?? `no host ${target.hostId}`;
}

/** The mode a migration runs in: the one asked for, else the default; a container always checkpoints and restores. */
export function migrationModeFor(world: World, vm: Vm, asked: MigrationMode | null): MigrationMode {
	return vm.kind === 'container' ? 'stop-and-copy' : (asked ?? world.config.migration.defaultMode);
}

/**
Sends a VM whose migration this batch started on to another destination, where the semantics lets it
(`movesOn`): the migration, not begun, now ends there, and it counts as one more. False when the
request is an ordinary one.
*/
function moveOn(world: World, command: Extract<Command, {type: 'requestMigration'}>, strategies: Strategies, emit: Emit): boolean {
	const vm = findVm(world, command.vmId);
	if (!semanticsOf(world, strategies).movesOn || vm === undefined || vm.migrationId === null) {
		return false;
	}

	const migration = world.migrations.find(candidate => candidate.id === vm.migrationId);
	const destination = findHost(world, command.destinationHostId);
	if (migration?.startTick !== world.tick || migration.elapsedSeconds > 0 || destination?.state !== 'up' || destination.id === vm.hostId || destination.id === migration.destinationHostId) {
		return false;
	}

	const from = migration.destinationHostId;
	migration.movedOnFrom.push(from);
	migration.destinationHostId = destination.id;
	world.counters.migrationsStarted++;
	emit({
		tick: world.tick, type: 'migrationStarted', migrationId: migration.id, vmId: vm.id, from, to: destination.id, mode: migration.mode, requestedBy: command.requestedBy ?? world.policy,
	});
	return true;
}

/** Why a migration cannot start, or undefined when it can. `ledger`: a batch's allocations by host, when the caller keeps them. */
export function migrationRefusal(world: World, command: Extract<Command, {type: 'requestMigration'}>, strategies: Strategies, ledger?: BatchLedger): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	const destination = findHost(world, command.destinationHostId);
	if (!destination) {
		return `no host ${command.destinationHostId}`;
	}

	if (vm.migrationId !== null) {
		return `${vm.id} is already migrating`;
	}

	if (vm.hostId === destination.id) {
		return `${vm.id} already runs on ${destination.id}`;
	}

	if (isDown(vm)) {
		return `${vm.id} is ${vm.state}`;
	}

	const source = findHost(world, vm.hostId);
	if (source?.state !== 'up') {
		return `source ${vm.hostId} is down`;
	}

	if (destination.state !== 'up') {
		return `destination ${destination.id} is down`;
	}

	if (destination.draining) {
		return `${destination.id} is being drained`;
	}

	if (vm.kind === 'container' && command.mode !== null && command.mode !== 'stop-and-copy') {
		return `${vm.id} is a container: it moves by checkpoint/restore (stop-and-copy), not ${migrationModeNames[command.mode]}`;
	}

	const mode = migrationModeFor(world, vm, command.mode);
	const model = strategies.migrationModels[mode];
	if (!model) {
		return `${migrationModeNames[mode]} migration is not modelled`;
	}

	// A container's checkpoint is the kernel's (CRIU), not a hypervisor's: any host with a kernel takes it.
	if (model.live && vm.kind === 'vm' && source.hypervisor.family !== destination.hypervisor.family) {
		return `live migration needs the same hypervisor: ${source.id} runs ${source.hypervisor.family}, ${destination.id} ${destination.hypervisor.family}`;
	}

	const allocation = command.allocationMiB ?? vm.memoryMiB;
	if (!(Number.isFinite(allocation) && allocation > 0)) {
		return `a new allocation must be a positive number of MiB, got ${allocation}`;
	}

	const free = ledger ? usableMemoryMiB(destination) - allocatedMiB(ledger, destination.id) : freeMemoryMiB(world, destination);
	if (free < allocation) {
		return `${destination.id} has ${Math.max(0, Math.floor(free))} MiB free, ${vm.id} needs ${allocation} MiB`;
	}

	return undefined;
}

/**
Commands that move no VM and end no migration, so a batch's ledger holds across them: a migration
request only starts one (recorded in the ledger), a host is powered on empty and powered off only
when empty and untouched by migrations, and loads and the policy are not placement.
*/
const keepsLedger: ReadonlySet<CommandType> = new Set<CommandType>(['requestMigration', 'powerOn', 'powerOff', 'injectLoad', 'clearLoad', 'setPolicy']);

/**
Applies commands in order, as `applyCommand` one by one would. A policy's round can ask for hundreds of
migrations and power commands; each one's check then reads a ledger kept for the batch (made once, and
again after a command that may change it) instead of scanning every VM for its host.
*/
export function applyCommands(world: World, commands: readonly Command[], strategies: Strategies, emit: Emit): void {
	let ledger: BatchLedger | undefined;
	for (const command of commands) {
		if (!keepsLedger.has(command.type)) {
			ledger = undefined;
			applyCommand(world, command, strategies, emit);
			continue;
		}

		if (command.type === 'requestMigration' || command.type === 'powerOff') {
			ledger ??= batchLedger(world);
		}

		const started = world.counters.migrationsStarted;
		const migrations = world.migrations.length;
		applyCommand(world, command, strategies, emit, ledger);
		if (ledger && world.migrations.length !== migrations) {
			recordMigration(ledger, world.migrations.at(-1)!);
		} else if (ledger && world.counters.migrationsStarted !== started && command.type === 'requestMigration') {
			// A move on: the migration's reservation and end go to its new destination.
			const migration = world.migrations.find(candidate => candidate.vmId === command.vmId)!;
			recordMoveOn(ledger, migration, migration.movedOnFrom.at(-1)!);
		}
	}
}

/**
A command that cannot be carried out, as an event. A function of its own, not a callback made in
`applyCommand`: made on every call (every migration a policy asks for), it was garbage a parity day
made forty-five thousand times.
*/
function rejected(emit: Emit, tick: number, command: Command, reason: string): void {
	emit({
		tick, type: 'commandRejected', command: command.type, reason,
	});
}

/** `ledger`: what the batch keeps (`applyCommands`); without it, checks scan the world. */
export function applyCommand(world: World, command: Command, strategies: Strategies, emit: Emit, ledger?: BatchLedger): void {
	const {tick} = world;

	switch (command.type) {
		case 'injectLoad': {
			const loads = loadsOf(world, command.target);
			if (typeof loads === 'string') {
				rejected(emit, tick, command, loads);
				return;
			}

			if (!Number.isFinite(command.amount) || command.amount <= 0) {
				rejected(emit, tick, command, `load must be a positive amount, got ${command.amount}`);
				return;
			}

			if (command.durationTicks !== null && !(Number.isInteger(command.durationTicks) && command.durationTicks > 0)) {
				rejected(emit, tick, command, `duration must be a positive whole number of ticks, got ${command.durationTicks}`);
				return;
			}

			loads.push({
				resource: command.resource,
				amount: command.amount,
				untilTick: command.durationTicks === null ? null : tick + command.durationTicks,
			});
			emit({
				tick, type: 'loadInjected', target: command.target, resource: command.resource, amount: command.amount, durationTicks: command.durationTicks,
			});
			return;
		}

		case 'clearLoad': {
			const loads = loadsOf(world, command.target);
			if (typeof loads === 'string') {
				rejected(emit, tick, command, loads);
				return;
			}

			const count = loads.length;
			loads.length = 0;
			emit({
				tick, type: 'loadCleared', target: command.target, count,
			});
			return;
		}

		case 'requestMigration': {
			if (moveOn(world, command, strategies, emit)) {
				return;
			}

			const refusal = migrationRefusal(world, command, strategies, ledger);
			if (refusal !== undefined) {
				emit({
					tick, type: 'migrationRefused', vmId: command.vmId, to: command.destinationHostId, reason: refusal,
				});
				return;
			}

			startMigration(world, command, strategies, emit);
			return;
		}

		case 'setPolicy': {
			const policy = Object.hasOwn(strategies.policies, command.policy) ? strategies.policies[command.policy] : undefined;
			if (!policy) {
				rejected(emit, tick, command, `unknown policy ${command.policy} (known: ${Object.keys(strategies.policies).join(', ')})`);
				return;
			}

			const from = world.policy;
			world.policy = policy.name;
			world.policyState = policy.initialState(world);
			emit({
				tick, type: 'policyChanged', from, to: policy.name,
			});
			return;
		}

		case 'setNetworkMode':
		case 'addPortForward':
		case 'removePortForward':
		case 'attachNetwork':
		case 'detachNetwork': {
			const refusal = strategies.network.apply(world, command, emit);
			if (refusal !== undefined) {
				rejected(emit, tick, command, refusal);
			}

			return;
		}

		case 'failHost':
		case 'recoverHost':
		case 'powerOn':
		case 'powerOff':
		case 'drainHost': {
			const refusal = applyLifecycle(world, command, strategies, emit, ledger);
			if (refusal !== undefined) {
				rejected(emit, tick, command, refusal);
			}

			return;
		}

		case 'snapshot':
		case 'clone':
		case 'restore': {
			const refusal = applyImageCommand(world, command, strategies, emit);
			if (refusal !== undefined) {
				rejected(emit, tick, command, refusal);
			}

			return;
		}

		case 'resizeVm': {
			applyResize(world, command, emit);
			return;
		}

		case 'setLinkBandwidth': {
			const host = findHost(world, command.hostId);
			if (!host) {
				rejected(emit, tick, command, `no host ${command.hostId}`);
				return;
			}

			if (!(Number.isFinite(command.networkMbps) && command.networkMbps > 0)) {
				rejected(emit, tick, command, `link bandwidth must be a positive number of Mbit/s, got ${command.networkMbps}`);
				return;
			}

			const from = host.capacity.networkMbps;
			host.capacity.networkMbps = command.networkMbps;
			emit({
				tick, type: 'linkBandwidthChanged', hostId: host.id, from, to: command.networkMbps,
			});
		}
	}
}

function startMigration(world: World, command: Extract<Command, {type: 'requestMigration'}>, strategies: Strategies, emit: Emit): void {
	const vm = findVm(world, command.vmId)!;
	const id = `m${world.counters.nextMigrationId}`;
	const mode = migrationModeFor(world, vm, command.mode);
	world.counters.nextMigrationId++;
	world.counters.migrationsStarted++;
	const blank = newMigration({
		id,
		vmId: vm.id,
		sourceHostId: vm.hostId,
		destinationHostId: command.destinationHostId,
		mode,
		startTick: world.tick,
		memoryMiB: vm.memoryMiB,
		allocationMiB: command.allocationMiB ?? vm.memoryMiB,
		dirtying: vm.dirtying,
		requestedBy: command.requestedBy ?? 'command',
	});
	const migration = strategies.migrationModels[mode]!.begin(blank, world.config.migration);
	world.migrations.push(migration);
	vm.migrationId = id;
	emit({
		tick: world.tick, type: 'migrationStarted', migrationId: id, vmId: vm.id, from: migration.sourceHostId, to: migration.destinationHostId, mode: migration.mode, requestedBy: migration.requestedBy,
	});
}

