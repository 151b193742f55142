/**
Migrations a policy follows to their end, and the cooldown after each (models.md 7.6): both hosts of
a finished migration take part in no other for `cooldownSeconds`, so a host is not moved again on
figures the last move has not settled yet.
*/
import {findVm} from '../../sim/lookup.js';
import type {World} from '../../sim/types.js';
import type {ManagerState} from './state.js';

/**
Ends tracking of migrations that are over and starts both hosts' cooldowns, for those that moved their
VM only: a request refused or a migration aborted moved nothing, so it settles no figures to wait for.
*/
export function settleTracked(world: World, state: ManagerState): void {
	const cooldownTicks = Math.ceil(world.config.manager.cooldownSeconds / world.config.tickSeconds);
	const migrating = new Set(world.migrations.map(migration => migration.vmId));
	state.tracked = state.tracked.filter(entry => {
		if (migrating.has(entry.vmId)) {
			return true;
		}

		if (findVm(world, entry.vmId)?.hostId !== entry.to) {
			return false;
		}

		for (const hostId of [entry.from, entry.to]) {
			state.cooldownUntil[hostId] = Math.max(state.cooldownUntil[hostId] ?? 0, world.tick + cooldownTicks);
		}

		return false;
	});
	for (const [hostId, until] of Object.entries(state.cooldownUntil)) {
		if (until <= world.tick) {
			delete state.cooldownUntil[hostId]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
		}
	}
}

/** Hosts cooling down, with why: they neither send nor take a VM until then. */
export function coolingDown(world: World, state: ManagerState): Map<string, string> {
	const blocked = new Map<string, string>();
	for (const [hostId, until] of Object.entries(state.cooldownUntil)) {
		blocked.set(hostId, `${hostId} is cooling down after a migration until ${until * world.config.tickSeconds} s`);
	}

	return blocked;
}
