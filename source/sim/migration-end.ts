/**
How a migration ends before its time: aborted (the VM runs on at its source) or failed with the VM
lost (post-copy after the switch, when one end fails). Commands, host failures and the step use them.
*/
import {findVm} from './lookup.js';
import type {Migration, SimEvent, World} from './types.js';

type Emit = (event: SimEvent) => void;

/**
Takes a migration that ends early out of the world, counts what it moved, and frees its VM from it;
returns the VM for the caller to settle.
*/
function endEarly(world: World, migration: Migration) {
	world.migrations = world.migrations.filter(m => m.id !== migration.id);
	world.counters.migrationsAborted++;
	world.counters.movedMiB += migration.sentMiB;
	const vm = findVm(world, migration.vmId);
	if (vm) {
		vm.migrationId = null;
	}

	return vm;
}

/** Ends a post-copy migration whose VM had its memory on both hosts when one failed: the VM is lost. */
export function loseVm(world: World, migration: Migration, reason: string, emit: Emit): void {
	const vm = endEarly(world, migration);
	if (vm) {
		vm.state = 'lost';
		vm.lostReason = reason;
	}

	emit({
		tick: world.tick, type: 'migrationFailed', migrationId: migration.id, vmId: migration.vmId, from: migration.sourceHostId, to: migration.destinationHostId, reason,
	});
	emit({
		tick: world.tick, type: 'vmLost', vmId: migration.vmId, reason,
	});
}

/** Ends a migration before the switch: the VM stays on its source. */
export function abortMigration(world: World, migration: Migration, reason: string, emit: Emit): void {
	const vm = endEarly(world, migration);
	if (vm?.state === 'paused') {
		vm.state = 'running';
	}

	emit({
		tick: world.tick, type: 'migrationAborted', migrationId: migration.id, vmId: migration.vmId, from: migration.sourceHostId, to: migration.destinationHostId, reason,
	});
}
