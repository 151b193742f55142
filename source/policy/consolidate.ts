/**
Consolidation for energy (the course material's 3:1 example; Beloglazov and Buyya, CCPE 2012's
power-aware best-fit decreasing), and its combination with Sandpiper.

`consolidate`, every monitoring interval:
1. hosts that are on but empty are switched off (one worker always stays on);
2. a host that is hot, or cannot take its own VMs' peaks, gets relief: its largest VM by peak CPU goes
   to the best-fit host that takes its peaks; when none does, the first host that is off is powered on
   (it serves after its boot delay) and takes the VM once it is up;
3. when nothing is hot, the least-loaded host is emptied if every one of its VMs fits elsewhere: its
   VMs in decreasing peak CPU, each to the host left fullest (best fit: the least power added on
   identical hosts) that still takes its peaks; once empty it is switched off by step 1.
"Takes its peaks": the host's projected peaks (the sum of its VMs' peak estimates and the hypervisor's
baseline) stay under every threshold and its memory has room, so consolidation never packs a host
beyond what its VMs' peaks need.

`sandpiper+consolidate`: Sandpiper runs while anything is hot (and powers a host on when it finds no
room); when nothing is hot and the powered-on hosts' mean CPU is below `consolidateBelow`, it
consolidates.
*/
import {allocatedMemoryByHost, usableMemoryMiB} from '../sim/capacity.js';
import {residentsOf} from '../sim/lifecycle.js';
import type {Policy, PolicyDecision} from '../sim/strategies.js';
import type {Command, SimEvent, World} from '../sim/types.js';
import {detectHotspots} from './sandpiper/detector.js';
import {
	capacityOf, observe, rateResources, type HostView, type Rates, type VmView,
} from './sandpiper/monitor.js';
import {createSandpiperPolicy, settleTracked} from './sandpiper/sandpiper.js';
import {asManagerState, initialManagerState, type ManagerState} from './sandpiper/state.js';

/** Below this mean CPU of the powered-on hosts, the datacenter is cool enough to consolidate. */
export const consolidateBelow = 0.5;

/**
Consolidation packs to this share of each threshold, not to the threshold itself: headroom for the
next wave of demand, so hosts are not switched off only to be powered on minutes later (this
project's choice, like the upper/lower thresholds of the consolidation literature).
*/
export const packingHeadroom = 0.85;

type Round = {
	world: World;
	state: ManagerState;
	view: ReturnType<typeof observe>;
	/** Projected peaks per host, in units, including moves planned this round. */
	peaks: Map<string, Rates>;
	freeMiB: Map<string, number>;
	busy: Set<string>;
	budget: number;
	commands: Command[];
	events: SimEvent[];
};

function projectedPeaks(host: HostView, world: World): Rates {
	const peaks: Rates = {cpu: world.config.overhead.baseCpuUnits, network: 0, disk: 0};
	for (const vm of host.vms) {
		for (const resource of rateResources) {
			peaks[resource] += vm.peak[resource];
		}
	}

	return peaks;
}

/** Whether `host` takes `vm`'s peaks under every threshold (times `share`), with memory to spare; its CPU fill afterwards, or undefined. */
function fillAfter(round: Round, vm: VmView, host: HostView, share: number): number | undefined {
	const peaks = round.peaks.get(host.id)!;
	const {thresholds} = round.world.config.monitoring;
	for (const resource of rateResources) {
		if ((peaks[resource] + vm.peak[resource]) / capacityOf(host.host, resource) > thresholds[resource] * share) {
			return undefined;
		}
	}

	if ((round.freeMiB.get(host.id) ?? 0) < vm.memoryMiB) {
		return undefined;
	}

	return (peaks.cpu + vm.peak.cpu) / capacityOf(host.host, 'cpu');
}

function isActive(host: HostView): boolean {
	return host.host.role === 'worker' && host.host.state === 'up' && !host.host.draining;
}

/** Best fit: the host left fullest on CPU that still takes the VM's peaks. */
function bestFit(round: Round, vm: VmView, exclude: ReadonlySet<string>, share = 1): HostView | undefined {
	let best: HostView | undefined;
	let bestFill = -1;
	for (const host of round.view.hosts) {
		if (!isActive(host) || exclude.has(host.id) || round.busy.has(host.id) || round.state.cooldownUntil[host.id] !== undefined) {
			continue;
		}

		const fill = fillAfter(round, vm, host, share);
		if (fill !== undefined && fill > bestFill) {
			best = host;
			bestFill = fill;
		}
	}

	return best;
}

function move(round: Round, vm: VmView, from: HostView, to: HostView, reason: string): void {
	const target = round.peaks.get(to.id)!;
	const source = round.peaks.get(from.id)!;
	for (const resource of rateResources) {
		target[resource] += vm.peak[resource];
		source[resource] -= vm.peak[resource];
	}

	round.freeMiB.set(to.id, round.freeMiB.get(to.id)! - vm.memoryMiB);
	round.freeMiB.set(from.id, round.freeMiB.get(from.id)! + vm.memoryMiB);
	round.busy.add(to.id);
	round.budget--;
	round.events.push({
		tick: round.world.tick, type: 'migrationPlanned', vmId: vm.id, from: from.id, to: to.id, vsr: vm.vsr, reason,
	});
	round.commands.push({
		type: 'requestMigration', vmId: vm.id, destinationHostId: to.id, mode: null, requestedBy: round.world.policy,
	});
	round.state.tracked.push({vmId: vm.id, from: from.id, to: to.id});
}

function newRound(world: World, state: ManagerState): Round {
	const view = observe(world, 'black-box');
	const allocated = allocatedMemoryByHost(world);
	const busy = new Set<string>();
	for (const migration of world.migrations) {
		busy.add(migration.sourceHostId);
		busy.add(migration.destinationHostId);
	}

	return {
		world,
		state,
		view,
		peaks: new Map(view.hosts.map(host => [host.id, projectedPeaks(host, world)])),
		freeMiB: new Map(world.hosts.map(host => [host.id, usableMemoryMiB(host) - (allocated.get(host.id) ?? 0)])),
		busy,
		budget: world.config.manager.maxConcurrentMigrations - world.migrations.length,
		commands: [],
		events: [],
	};
}

function powerOnOne(round: Round, reason: string): void {
	const {world} = round;
	if (world.hosts.some(host => host.state === 'booting') || round.commands.some(command => command.type === 'powerOn')) {
		return;
	}

	const off = world.hosts.find(host => host.role === 'worker' && host.state === 'off');
	if (off) {
		round.commands.push({type: 'powerOn', hostId: off.id});
		round.events.push({
			tick: world.tick, type: 'planRejected', hostId: off.id, reason: `powering ${off.id} on: ${reason}`,
		});
	}
}

/** Hosts whose VMs' peaks no longer fit them, or that are hot: move their largest VM off, or power a host on. */
function relieve(round: Round, hot: ReadonlySet<string>): void {
	const {thresholds} = round.world.config.monitoring;
	for (const host of round.view.hosts) {
		if (!isActive(host)) {
			continue;
		}

		const peaks = round.peaks.get(host.id)!;
		const over = hot.has(host.id) || rateResources.some(resource => peaks[resource] / capacityOf(host.host, resource) > thresholds[resource]);
		if (!over || round.busy.has(host.id) || round.budget <= 0) {
			continue;
		}

		const vm = host.vms.filter(candidate => candidate.movable).toSorted((a, b) => (b.peak.cpu - a.peak.cpu) || a.id.localeCompare(b.id))[0];
		if (!vm) {
			continue;
		}

		const to = bestFit(round, vm, new Set([host.id]));
		if (to) {
			move(round, vm, host, to, `${host.id} cannot take its VMs' peaks; ${vm.id} to the best fit`);
			round.busy.add(host.id);
		} else {
			powerOnOne(round, `no powered-on host takes ${vm.id}'s peaks`);
		}
	}
}

/** Empties the least-loaded host when every VM of it fits elsewhere; switches empty hosts off. */
function consolidate(round: Round): void {
	const {world, state} = round;
	const active = round.view.hosts.filter(host => isActive(host));
	for (const host of active) {
		const empty = residentsOf(world, host.id).length === 0 && !round.busy.has(host.id);
		if (empty && active.length > 1 && round.commands.filter(command => command.type === 'powerOff').length < active.length - 1) {
			round.commands.push({type: 'powerOff', hostId: host.id});
			if (state.emptying === host.id) {
				state.emptying = null;
			}
		}
	}

	if (state.emptying !== null && world.hosts.find(host => host.id === state.emptying)?.state !== 'up') {
		state.emptying = null;
	}

	if (state.emptying !== null || round.budget <= 0) {
		return;
	}

	const candidates = active
		.filter(host => residentsOf(world, host.id).length > 0 && !round.busy.has(host.id) && state.cooldownUntil[host.id] === undefined)
		.toSorted((a, b) => (round.peaks.get(a.id)!.cpu - round.peaks.get(b.id)!.cpu) || a.id.localeCompare(b.id));
	for (const source of candidates) {
		const vms = source.vms.filter(vm => vm.movable).toSorted((a, b) => (b.peak.cpu - a.peak.cpu) || a.id.localeCompare(b.id));
		if (vms.length !== residentsOf(world, source.id).length || vms.length > round.budget) {
			continue;
		}

		// Plan on copies: commit only if every VM finds a place.
		const trial: Round = {
			...round, peaks: new Map([...round.peaks].map(([id, peaks]) => [id, {...peaks}])), freeMiB: new Map(round.freeMiB), busy: new Set(round.busy), commands: [], events: [], state: {...state, tracked: [...state.tracked]},
		};
		const exclude = new Set([source.id]);
		const placed = vms.every(vm => {
			const to = bestFit({...trial, busy: new Set()}, vm, exclude, packingHeadroom);
			if (!to) {
				return false;
			}

			move(trial, vm, source, to, `consolidating: emptying ${source.id} to switch it off`);
			return true;
		});
		if (placed) {
			round.commands.push(...trial.commands);
			round.events.push(...trial.events);
			state.tracked = trial.state.tracked;
			round.budget = trial.budget;
			state.emptying = source.id;
			return;
		}
	}
}

function hotHosts(world: World, round: Round): Set<string> {
	const {monitoring, manager} = world.config;
	const hot = new Set<string>();
	for (const host of round.view.hosts) {
		if (detectHotspots(host, monitoring, 'black-box', manager.timeSeriesWindow).length > 0) {
			hot.add(host.id);
		}
	}

	return hot;
}

export const consolidatePolicy: Policy = {
	name: 'consolidate',
	description: 'Consolidation for energy: power-aware best fit by peaks, empty hosts switched off, hosts powered on when demand returns',
	initialState: () => initialManagerState(),
	decide(world, stateValue): PolicyDecision {
		const state = asManagerState(stateValue);
		settleTracked(world, state);
		const round = newRound(world, state);
		const hot = hotHosts(world, round);
		relieve(round, hot);
		if (hot.size === 0 && activeCpu(world) < consolidateBelow) {
			consolidate(round);
		}

		return {
			commands: round.commands, rejections: [], events: round.events, state,
		};
	},
};

const sandpiper = createSandpiperPolicy('sandpiper', 'black-box', '');

/** Mean CPU utilisation of the powered-on workers at the last interval. */
function activeCpu(world: World): number {
	const active = world.hosts.filter(host => host.role === 'worker' && host.state === 'up');
	return active.length === 0 ? 0 : active.reduce((sum, host) => sum + host.usage.utilisation.cpu, 0) / active.length;
}

export const sandpiperConsolidatePolicy: Policy = {
	name: 'sandpiper+consolidate',
	description: 'Sandpiper while anything is hot (powering a host on when nothing has room); consolidation when the datacenter is cool',
	initialState: () => initialManagerState(),
	decide(world, stateValue): PolicyDecision {
		const decision = sandpiper.decide(world, stateValue);
		const state = asManagerState(decision.state);
		const anyHot = Object.keys(state.hot).length > 0;
		if (anyHot) {
			const round = newRound(world, state);
			if (decision.rejections.length > 0) {
				powerOnOne(round, decision.rejections[0]!.reason);
			}

			return {
				...decision, commands: [...decision.commands, ...round.commands], events: [...decision.events, ...round.events], state,
			};
		}

		if (activeCpu(world) >= consolidateBelow || decision.commands.length > 0) {
			return {...decision, state};
		}

		const round = newRound(world, state);
		consolidate(round);
		return {
			commands: [...decision.commands, ...round.commands], rejections: decision.rejections, events: [...decision.events, ...round.events], state,
		};
	},
};

