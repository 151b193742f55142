/**
What a batch of commands (a policy's round: hundreds of migrations and power commands) keeps between
them instead of scanning every VM for each: memory allocated per host, resident VMs per host, and the
migrations that start or end at each host. It holds while no command moves VMs or ends migrations;
`applyCommands` renews it after any other command.
*/
import {allocatedMemoryByHost, migrationReservation} from './capacity.js';
import type {Migration, World} from './types.js';

export type BatchLedger = {
	/** Memory allocated on each host: resident VMs plus what migrations reserve there. */
	memory: Map<string, number>;
	/** VMs that occupy each host (not lost). */
	residents: Map<string, number>;
	/** Migrations with an end at each host. */
	migrating: Map<string, number>;
};

function add(counts: Map<string, number>, key: string, amount: number): void {
	counts.set(key, (counts.get(key) ?? 0) + amount);
}

export function batchLedger(world: World): BatchLedger {
	const residents = new Map<string, number>();
	for (const vm of world.vms) {
		if (vm.state !== 'lost') {
			add(residents, vm.hostId, 1);
		}
	}

	const migrating = new Map<string, number>();
	for (const migration of world.migrations) {
		add(migrating, migration.sourceHostId, 1);
		add(migrating, migration.destinationHostId, 1);
	}

	return {memory: allocatedMemoryByHost(world), residents, migrating};
}

/** A migration the batch has just started: its reservation and both its ends. */
export function recordMigration(ledger: BatchLedger, migration: Migration): void {
	const {hostId, memoryMiB} = migrationReservation(migration);
	add(ledger.memory, hostId, memoryMiB);
	add(ledger.migrating, migration.sourceHostId, 1);
	add(ledger.migrating, migration.destinationHostId, 1);
}
