/**
Phase 1 of a tick: apply commands to the draft world. A command that cannot be carried out never
throws: it becomes an event that says why (`commandRejected`, `migrationRefused`).
*/
import {
	batchLedger, recordMigration, recordMoveOn, type BatchLedger,
} from './batch-ledger.js';
import {applyImageCommand} from './images.js';
import {applyLifecycle} from './lifecycle.js';
import {clearLoad, injectLoad} from './load-commands.js';
import {requestMigration} from './migration-request.js';
import {applyResize} from './resize.js';
import {setLinkBandwidth, setPolicy} from './setting-commands.js';
import type {Strategies} from './strategies.js';
import type {
	Command, CommandType, SimEvent, World,
} from './types.js';

// The view checks a request by the same rule before it sends one (the picker, the destinations listed).
export {migrationModeFor, migrationRefusal} from './migration-request.js';

type Emit = (event: SimEvent) => void;

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
	let refusal: string | undefined;
	switch (command.type) {
		case 'injectLoad': {
			refusal = injectLoad(world, command, emit);
			break;
		}

		case 'clearLoad': {
			refusal = clearLoad(world, command, emit);
			break;
		}

		case 'requestMigration': {
			// Its refusal is an event of its own (`migrationRefused`: which VM, to where), not `commandRejected`.
			requestMigration(world, command, strategies, emit, ledger);
			break;
		}

		case 'setPolicy': {
			refusal = setPolicy(world, command, strategies, emit);
			break;
		}

		case 'setNetworkMode':
		case 'addPortForward':
		case 'removePortForward':
		case 'attachNetwork':
		case 'detachNetwork': {
			refusal = strategies.network.apply(world, command, emit);
			break;
		}

		case 'failHost':
		case 'recoverHost':
		case 'powerOn':
		case 'powerOff':
		case 'drainHost': {
			refusal = applyLifecycle(world, command, strategies, emit, ledger);
			break;
		}

		case 'snapshot':
		case 'clone':
		case 'restore': {
			refusal = applyImageCommand(world, command, strategies, emit);
			break;
		}

		case 'resizeVm': {
			applyResize(world, command, emit);
			break;
		}

		case 'setLinkBandwidth': {
			refusal = setLinkBandwidth(world, command, emit);
			break;
		}
	}

	if (refusal !== undefined) {
		rejected(emit, tick, command, refusal);
	}
}
