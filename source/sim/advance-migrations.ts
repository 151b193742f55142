/**
Phase 4 of a tick: each running migration advances by its model at this tick's rate; one that finished
re-homes its VM (a post-copy one already at its switch), counts, and moves the VM's network.
*/
import {abortMigration} from './migration-end.js';
import type {MigrationEnds} from './migration-phase.js';
import type {Strategies} from './strategies.js';
import type {SimEvent, World} from './types.js';

export function advanceMigrations(world: World, ends: MigrationEnds, strategies: Strategies, emit: (event: SimEvent) => void): void {
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
