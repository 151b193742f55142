/**
A CloudSim-style baseline (Beloglazov and Buyya, CCPE 2012, THR-MMT): a host is overloaded when its
latest CPU utilisation exceeds a static threshold (0.8); the VM with the minimum migration time (the
least memory) leaves first, to the best-fit host: the one left fullest on CPU, by current usage, that
stays under the threshold and has the memory. No k-of-n filter, no forecast, no peak estimate, no swaps.
It keeps Sandpiper's limits (concurrency, one in and one out per host, cooldown) so the comparison is
about detection and choice, not about how many moves run at once.
*/
import type {Policy} from '../sim/strategies.js';
import type {Command, SimEvent} from '../sim/types.js';
import {capacityOf, observe} from './sandpiper/monitor.js';
import {settleTracked} from './sandpiper/sandpiper.js';
import {asManagerState, initialManagerState} from './sandpiper/state.js';

export const thresholdPolicy: Policy = {
	name: 'threshold',
	description: 'CloudSim-style baseline: static 80 % CPU threshold, minimum migration time, best fit',
	initialState: () => initialManagerState(),
	decide(world, stateValue) {
		const state = asManagerState(stateValue);
		const {manager} = world.config;
		settleTracked(world, state);
		// The baseline reads current usage only: no peak estimates.
		const view = observe(world, 'black-box', 'current');
		const threshold = manager.staticCpuThreshold;
		const outgoing = new Set(world.migrations.map(migration => migration.sourceHostId));
		const incoming = new Map<string, number>();
		for (const migration of world.migrations) {
			incoming.set(migration.destinationHostId, (incoming.get(migration.destinationHostId) ?? 0) + 1);
		}

		const projectedCpu = new Map(view.hosts.map(host => [host.id, host.current.cpu]));
		const freeMiB = new Map(view.hosts.map(host => [host.id, host.usableMiB - host.allocatedMiB]));
		let budget = manager.maxConcurrentMigrations - world.migrations.length;
		const commands: Command[] = [];
		const events: SimEvent[] = [];
		const rejections = [];
		const eligible = (hostId: string) => state.cooldownUntil[hostId] === undefined;
		for (const host of view.hosts) {
			if (host.host.role !== 'worker' || host.host.state !== 'up' || host.current.cpu <= threshold) {
				continue;
			}

			if (!eligible(host.id) || outgoing.has(host.id) || budget <= 0) {
				rejections.push({hostId: host.id, reason: `${host.id} cannot send a VM now`});
				continue;
			}

			const vm = host.vms.filter(candidate => candidate.movable).toSorted((a, b) => (a.memoryMiB - b.memoryMiB) || a.id.localeCompare(b.id))[0];
			if (!vm) {
				continue;
			}

			const fits = view.hosts
				.filter(target => target.id !== host.id && target.host.role === 'worker' && target.host.state === 'up' && !target.host.draining && eligible(target.id)
					&& (incoming.get(target.id) ?? 0) < manager.perHostIn && (freeMiB.get(target.id) ?? 0) >= vm.memoryMiB)
				.map(target => ({target, after: projectedCpu.get(target.id)! + (vm.current.cpu / capacityOf(target.host, 'cpu'))}))
				.filter(({after}) => after <= threshold)
				.toSorted((a, b) => (b.after - a.after) || a.target.id.localeCompare(b.target.id));
			const best = fits[0];
			if (!best) {
				rejections.push({hostId: host.id, reason: `no host stays under ${Math.round(threshold * 100)} % CPU with ${vm.id}`});
				continue;
			}

			projectedCpu.set(best.target.id, best.after);
			freeMiB.set(best.target.id, freeMiB.get(best.target.id)! - vm.memoryMiB);
			incoming.set(best.target.id, (incoming.get(best.target.id) ?? 0) + 1);
			outgoing.add(host.id);
			budget--;
			events.push({
				tick: world.tick, type: 'migrationPlanned', vmId: vm.id, from: host.id, to: best.target.id, vsr: vm.vsr, reason: `${host.id} over ${Math.round(threshold * 100)} % CPU; ${vm.id} is the quickest to move`,
			});
			commands.push({
				type: 'requestMigration', vmId: vm.id, destinationHostId: best.target.id, mode: null, requestedBy: 'threshold',
			});
			state.tracked.push({vmId: vm.id, from: host.id, to: best.target.id});
		}

		return {
			commands, rejections, events, state,
		};
	},
};
