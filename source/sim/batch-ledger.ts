/**
What a batch of commands (a policy's round: hundreds of migrations and power commands) keeps between
them instead of scanning every VM for each: memory allocated per host, resident VMs per host, and the
migrations that start or end at each host. It holds while no command moves VMs or ends migrations;
`applyCommands` renews it after any other command. Figures are kept by host position in typed arrays:
a parity round builds one every tick, and maps keyed by host id cost several times more to fill.
*/
import {migrationReservation} from './capacity.js';
import {hostPosition, vmHostPositions} from './lookup.js';
import type {Migration, World} from './types.js';
import {isPlaced} from './vm-state.js';

export type BatchLedger = {
	world: World;
	/** Memory allocated on each host: resident VMs plus what migrations reserve there. */
	memoryMiB: Float64Array;
	/** VMs that occupy each host (not lost). */
	residents: Int32Array;
	/** Migrations with an end at each host. */
	migrating: Int32Array;
};

export function batchLedger(world: World): BatchLedger {
	const count = world.hosts.length;
	const ledger: BatchLedger = {
		world, memoryMiB: new Float64Array(count), residents: new Int32Array(count), migrating: new Int32Array(count),
	};
	const hostOf = vmHostPositions(world);
	let index = -1;
	for (const vm of world.vms) {
		index++;
		const at = hostOf[index]!;
		if (at >= 0 && isPlaced(vm)) {
			ledger.memoryMiB[at]! += vm.memoryMiB;
			ledger.residents[at]!++;
		}
	}

	for (const migration of world.migrations) {
		recordMigration(ledger, migration);
	}

	return ledger;
}

/** A migration the batch has just started: its reservation and both its ends. */
export function recordMigration(ledger: BatchLedger, migration: Migration): void {
	const {world} = ledger;
	const {hostId, memoryMiB} = migrationReservation(migration);
	const reserved = hostPosition(world, hostId);
	if (reserved !== undefined) {
		ledger.memoryMiB[reserved]! += memoryMiB;
	}

	countEnd(ledger, migration.sourceHostId);
	countEnd(ledger, migration.destinationHostId);
}

/** A migration sent on from `fromHostId` to its destination now (a semantics' move on): its reservation and end go along. */
export function recordMoveOn(ledger: BatchLedger, migration: Migration, fromHostId: string): void {
	const {hostId, memoryMiB} = migrationReservation(migration);
	const from = hostPosition(ledger.world, fromHostId);
	const to = hostPosition(ledger.world, hostId);
	if (from !== undefined && hostId === migration.destinationHostId) {
		ledger.memoryMiB[from]! -= memoryMiB;
	}

	if (to !== undefined && hostId === migration.destinationHostId) {
		ledger.memoryMiB[to]! += memoryMiB;
	}

	countEnd(ledger, fromHostId, -1);
	countEnd(ledger, migration.destinationHostId);
}

function countEnd(ledger: BatchLedger, hostId: string, change = 1): void {
	const at = hostPosition(ledger.world, hostId);
	if (at !== undefined) {
		ledger.migrating[at]! += change;
	}
}

/** Memory allocated on a host, as the ledger counts it. */
export function allocatedMiB(ledger: BatchLedger, hostId: string): number {
	const at = hostPosition(ledger.world, hostId);
	return at === undefined ? 0 : ledger.memoryMiB[at]!;
}

/** VMs on a host and whether a migration starts or ends there, as the ledger counts them. */
export function occupancy(ledger: BatchLedger, hostId: string): {residents: number; migrating: boolean} {
	const at = hostPosition(ledger.world, hostId);
	return at === undefined ? {residents: 0, migrating: false} : {residents: ledger.residents[at]!, migrating: ledger.migrating[at]! > 0};
}
