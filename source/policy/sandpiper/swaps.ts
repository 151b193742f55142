/**
Swaps in progress (SP07 section 6): v to the scratch host, the partner's set to v's host, v to the
partner's; each step a migration, issued once the last one landed. A swap's three hosts take part in
nothing else until it ends.
*/
import {findVm} from '../../sim/lookup.js';
import type {PlannedSwap} from '../place/swap.js';
import {requestMigration, type Requests} from '../round/requests.js';
import type {ManagerState} from './state.js';

/** Moves each swap on: the next step once the last one landed; gives up when a step did not happen. At most `budget` steps are issued. */
export function advanceSwaps(requests: Requests, state: ManagerState, budget: number): void {
	const {world} = requests;
	let remaining = budget;
	state.swaps = state.swaps.filter(swap => {
		for (;;) {
			const step = swap.steps[swap.stage];
			const vm = step && findVm(world, step.vmId);
			if (!step || !vm) {
				return false;
			}

			if (swap.issued) {
				if (vm.migrationId !== null) {
					return true;
				}

				if (vm.hostId !== step.to) {
					requests.events.push({
						tick: world.tick, type: 'planRejected', hostId: swap.from, reason: `swap of ${swap.vmId} with ${swap.to} stopped: ${step.vmId} did not reach ${step.to}`,
					});
					return false;
				}

				swap.stage++;
				swap.issued = false;
				continue;
			}

			if (remaining <= 0) {
				return true;
			}

			requestMigration(requests, {vmId: step.vmId, from: vm.hostId, to: step.to});
			swap.issued = true;
			remaining--;
			return true;
		}
	});
}

/** The hosts of the swaps in progress, with why, added to `blocked`. */
export function heldBySwaps(state: ManagerState, blocked: Map<string, string>): Map<string, string> {
	for (const swap of state.swaps) {
		for (const hostId of [swap.from, swap.to, swap.via]) {
			blocked.set(hostId, `${hostId} is part of the swap of ${swap.vmId}`);
		}
	}

	return blocked;
}

/** Logs each planned swap and issues its first step. */
export function startSwaps(requests: Requests, state: ManagerState, swaps: readonly PlannedSwap[]): void {
	for (const swap of swaps) {
		requests.events.push({
			tick: requests.world.tick, type: 'swapPlanned', vmId: swap.vmId, from: swap.from, to: swap.to, swappedVmIds: swap.swappedVmIds, via: swap.via,
		});
		state.swaps.push({
			vmId: swap.vmId,
			from: swap.from,
			to: swap.to,
			via: swap.via,
			steps: [{vmId: swap.vmId, to: swap.via}, ...swap.swappedVmIds.map(vmId => ({vmId, to: swap.from})), {vmId: swap.vmId, to: swap.to}],
			stage: 0,
			issued: true,
		});
		requestMigration(requests, {vmId: swap.vmId, from: swap.from, to: swap.via});
	}
}
