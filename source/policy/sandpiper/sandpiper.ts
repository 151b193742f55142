/**
The Sandpiper policy (Wood et al., NSDI 2007): every monitoring interval, observe (black-box or
gray-box), detect hotspots, plan migrations and swaps, and return them as commands. Its bookkeeping
(detected hotspots, cooldowns, swaps in progress) is plain data in the world.
*/
import type {Policy, PolicyDecision} from '../../sim/strategies.js';
import type {
	Command, Resource, SimEvent, World,
} from '../../sim/types.js';
import {detectHotspots, type Hotspot} from './detector.js';
import {observe, type Visibility} from './monitor.js';
import {plan, type Plan} from './planner.js';
import {asManagerState, initialManagerState, type ManagerState} from './state.js';

/** Hotspot events for what started and ended since the last interval; updates `state.hot`. */
export function hotspotEvents(world: World, hotspots: ReadonlyMap<string, readonly Hotspot[]>, state: ManagerState): SimEvent[] {
	const events: SimEvent[] = [];
	const {tick} = world;
	for (const host of world.hosts) {
		const now = new Map((hotspots.get(host.id) ?? []).map(hotspot => [hotspot.resource, hotspot]));
		const before = state.hot[host.id] ?? {};
		for (const [resource, hotspot] of now) {
			if (before[resource] === undefined) {
				events.push({
					tick, type: 'hotspotDetected', hostId: host.id, resource, samples: hotspot.samples, forecast: hotspot.forecast,
				});
				before[resource] = tick;
			}
		}

		for (const resource of Object.keys(before) as Resource[]) { // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- keys written above
			if (!now.has(resource)) {
				events.push({
					tick, type: 'hotspotResolved', hostId: host.id, resource, durationSeconds: (tick - before[resource]!) * world.config.tickSeconds,
				});
				delete before[resource]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
			}
		}

		if (Object.keys(before).length > 0) {
			state.hot[host.id] = before;
		} else {
			delete state.hot[host.id]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
		}
	}

	return events;
}

/** Ends tracking of migrations that are over and starts both hosts' cooldowns. */
export function settleTracked(world: World, state: ManagerState): void {
	const cooldownTicks = Math.ceil(world.config.manager.cooldownSeconds / world.config.tickSeconds);
	const migrating = new Set(world.migrations.map(migration => migration.vmId));
	state.tracked = state.tracked.filter(entry => {
		if (migrating.has(entry.vmId)) {
			return true;
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

type Emit = {commands: Command[]; events: SimEvent[]};

function request(world: World, state: ManagerState, vmId: string, to: string, from: string, allocationMiB: number | null, out: Emit): void {
	out.commands.push({
		type: 'requestMigration', vmId, destinationHostId: to, mode: null, allocationMiB, requestedBy: world.policy,
	});
	state.tracked.push({vmId, from, to});
}

/** Moves each swap on: the next step once the last one landed; gives up when a step did not happen. */
function advanceSwaps(world: World, state: ManagerState, out: Emit, budget: number): number {
	if (state.swaps.length === 0) {
		return budget;
	}

	let remaining = budget;
	const vms = new Map(world.vms.map(vm => [vm.id, vm]));
	state.swaps = state.swaps.filter(swap => {
		for (;;) {
			const step = swap.steps[swap.stage];
			if (!step) {
				return false;
			}

			const vm = vms.get(step.vmId);
			if (!vm) {
				return false;
			}

			if (swap.issued) {
				if (vm.migrationId !== null) {
					return true;
				}

				if (vm.hostId !== step.to) {
					out.events.push({
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

			request(world, state, step.vmId, step.to, vm.hostId, null, out);
			swap.issued = true;
			remaining--;
			return true;
		}
	});
	return remaining;
}

export function createSandpiperPolicy(name: string, visibility: Visibility, description: string): Policy {
	return {
		name,
		description,
		initialState: () => initialManagerState(),
		decide(world, stateValue): PolicyDecision {
			const state = asManagerState(stateValue);
			const {monitoring, manager, overhead} = world.config;
			settleTracked(world, state);

			// Detection needs no peak estimates; plan (and pay for them) only when something is hot.
			const glance = observe(world, visibility, visibility === 'gray-box' ? 'current' : 'none');
			const hotspots = new Map(glance.hosts.map(host => [host.id, detectHotspots(host, monitoring, visibility, manager.timeSeriesWindow)]));
			const out: Emit = {commands: [], events: hotspotEvents(world, hotspots, state)};

			advanceSwaps(world, state, out, manager.maxConcurrentMigrations - world.migrations.length);
			const blocked = new Map<string, string>();
			for (const [hostId, until] of Object.entries(state.cooldownUntil)) {
				blocked.set(hostId, `${hostId} is cooling down after a migration until ${until * world.config.tickSeconds} s`);
			}

			for (const swap of state.swaps) {
				for (const hostId of [swap.from, swap.to, swap.via]) {
					blocked.set(hostId, `${hostId} is part of the swap of ${swap.vmId}`);
				}
			}

			const anyHot = [...hotspots.values()].some(list => list.length > 0);
			const noPlan: Plan = {moves: [], swaps: [], rejections: []};
			// Swap steps issued just now count against the limit on concurrent migrations.
			const limits = {...manager, maxConcurrentMigrations: manager.maxConcurrentMigrations - out.commands.length};
			const result = anyHot
				? plan({
					view: observe(world, visibility), hotspots, thresholds: monitoring.thresholds, manager: limits, overhead, migrations: world.migrations, blocked,
				})
				: noPlan;

			for (const move of result.moves) {
				out.events.push({
					tick: world.tick, type: 'migrationPlanned', vmId: move.vmId, from: move.from, to: move.to, vsr: move.vsr, reason: move.reason,
				});
				request(world, state, move.vmId, move.to, move.from, move.allocationMiB, out);
			}

			for (const swap of result.swaps) {
				out.events.push({
					tick: world.tick, type: 'swapPlanned', vmId: swap.vmId, from: swap.from, to: swap.to, swappedVmIds: swap.swappedVmIds, via: swap.via,
				});
				const progress = {
					vmId: swap.vmId,
					from: swap.from,
					to: swap.to,
					via: swap.via,
					steps: [{vmId: swap.vmId, to: swap.via}, ...swap.swappedVmIds.map(vmId => ({vmId, to: swap.from})), {vmId: swap.vmId, to: swap.to}],
					stage: 0,
					issued: false,
				};
				state.swaps.push(progress);
				request(world, state, swap.vmId, swap.via, swap.from, null, out);
				progress.issued = true;
			}

			const rejected = new Set<string>();
			for (const rejection of result.rejections) {
				rejected.add(rejection.hostId);
				if (state.lastRejection[rejection.hostId] !== rejection.reason) {
					out.events.push({
						tick: world.tick, type: 'planRejected', hostId: rejection.hostId, reason: rejection.reason,
					});
					state.lastRejection[rejection.hostId] = rejection.reason;
				}
			}

			for (const hostId of Object.keys(state.lastRejection)) {
				if (!rejected.has(hostId)) {
					delete state.lastRejection[hostId]; // eslint-disable-line @typescript-eslint/no-dynamic-delete
				}
			}

			return {
				commands: out.commands, rejections: result.rejections, events: out.events, state,
			};
		},
	};
}

export const sandpiperPolicy = createSandpiperPolicy('sandpiper', 'black-box', 'Sandpiper, black-box: hypervisor-level CPU, network, disk and swap');
export const sandpiperGrayPolicy = createSandpiperPolicy('sandpiper-gray', 'gray-box', 'Sandpiper, gray-box: also the guests\' working sets, acting before swapping');
