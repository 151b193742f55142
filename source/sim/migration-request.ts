/**
A migration request: where the semantics lets it, a move on; else the refusal that says why it cannot
start, or its start.
*/
import {allocatedMiB, type BatchLedger} from './batch-ledger.js';
import {freeMemoryMiB, usableMemoryMiB} from './capacity.js';
import {findHost, findVm} from './lookup.js';
import {newMigration} from './migration-record.js';
import {migrationModeNames} from './migration-modes.js';
import {semanticsOf} from './semantics-of.js';
import type {Strategies} from './strategies.js';
import type {
	Command, MigrationMode, SimEvent, Vm, World,
} from './types.js';
import {isDown} from './vm-state.js';

type Emit = (event: SimEvent) => void;

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

/** `ledger`: what the batch keeps (`applyCommands`); without it, the checks scan the world. */
export function requestMigration(world: World, command: Extract<Command, {type: 'requestMigration'}>, strategies: Strategies, emit: Emit, ledger?: BatchLedger): void {
	if (moveOn(world, command, strategies, emit)) {
		return;
	}

	const refusal = migrationRefusal(world, command, strategies, ledger);
	if (refusal !== undefined) {
		emit({
			tick: world.tick, type: 'migrationRefused', vmId: command.vmId, to: command.destinationHostId, reason: refusal,
		});
		return;
	}

	startMigration(world, command, strategies, emit);
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
