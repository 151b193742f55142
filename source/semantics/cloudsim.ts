/**
CloudSim's semantics (CloudSim 4.0's power package, as its PlanetLab runs of BB12 use it), for parity:
- workloads are read 0.1 s into each interval (CloudSim's updates fall at 300 k + 0.1 s), so a trace
  sample of 0 followed by another asks a little;
- a VM that asks exactly no CPU at an update is done and leaves the datacenter for good (vmFinished);
- a migration takes RAM / (BW / 2) (1,740 MB at 1 Gbit/s: 27.8 s) and ends inside the interval it
  starts in; until then the source grants the VM in full and the destination 10 % of it;
- energy: each host's power, the mean of its two ends (trapezoid), over each piece of the interval
  between updates (the round and each migration's end), and nothing for a piece a host began at 0 %;
  nothing before the first round;
- SLATAH: a host is active over a piece it began granting something, and in violation when it began
  granting less than asked (a VM migrating in asked in full, a VM over one core or a host over its
  MIPS granted less); PDM: what a migrating VM asked and its source did not grant (90 % of its capped
  request), over the time it migrates, against all the CPU asked.
Each interval is settled once the next update's demand is known (CloudSim settles it at that update),
with demand between updates linear, as its traces are. See models.md 5.6 and docs/cloudsim-parity.md.
*/
import {accountPower} from '../sim/account-power.js';
import {cloudsimSpecpower, curveWatts} from '../sim/power-curve.js';
import {hostPosition, vmHostPositions, vmPosition} from '../sim/lookup.js';
import type {Semantics} from '../sim/strategies.js';
import type {World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';

/** Seconds into an interval at which CloudSim's updates fall. */
const updateOffsetSeconds = 0.1;
/** CloudSim's hosts have two cores; a VM is granted at most one. */
const coresPerHost = 2;
/** The share of a VM's grant a migration costs it, and the share its destination grants it meanwhile. */
const migrationShare = 0.1;

type CloudsimState = {
	/** Each VM's CPU request at the last update, by VM position (none before the first round). */
	previousDemand: number[] | null;
	energyKWh: number;
	activeSeconds: number;
	violationSeconds: number;
	requestedUnitSeconds: number;
	lostUnitSeconds: number;
};

function stateOf(world: World): CloudsimState {
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the state is this module's own, written by `afterDemand` only.
	const known = world.semanticsState as CloudsimState | null;
	return known ?? {
		previousDemand: null, energyKWh: 0, activeSeconds: 0, violationSeconds: 0, requestedUnitSeconds: 0, lostUnitSeconds: 0,
	};
}

/** A migration's CloudSim duration: RAM in MB over half the destination's link in MB/s. */
function migrationSeconds(world: World, memoryMiB: number, destination: number): number {
	const host = world.hosts[destination];
	return host ? memoryMiB / (host.capacity.networkMbps / 16) : 0;
}

/** A host's draw as CloudSim reads its SPECpower table. */
function watts(host: World['hosts'][number], utilisation: number): number {
	const table = host.power.specpowerWatts;
	return table ? cloudsimSpecpower(table, utilisation) : curveWatts(host.power, utilisation);
}

/** Settles the interval that just ended: its pieces between updates, for energy and the SLA inputs. */
function settle(world: World, state: CloudsimState, previous: readonly number[]): void {
	const {hosts, vms} = world;
	const seconds = world.config.tickSeconds;
	const hostOf = vmHostPositions(world);
	// Each migration's VM, destination and end (seconds into the interval).
	const moving = new Int32Array(vms.length).fill(-1);
	const endsAt = new Float64Array(vms.length);
	// Hosts a VM was sent to and moved on from in the same round: CloudSim still carries the VM in there until it ends.
	const passedOver = new Map<number, number[]>();
	const cutSet = new Set([0, seconds]);
	for (const migration of world.migrations) {
		const vmIndex = vmPosition(world, migration.vmId);
		const destination = hostPosition(world, migration.destinationHostId);
		if (vmIndex === undefined || destination === undefined) {
			continue;
		}

		moving[vmIndex] = destination;
		endsAt[vmIndex] = Math.min(seconds, migrationSeconds(world, migration.memoryMiB, destination));
		cutSet.add(endsAt[vmIndex]);
		if (migration.movedOnFrom.length > 0) {
			passedOver.set(vmIndex, migration.movedOnFrom.flatMap(id => hostPosition(world, id) ?? []));
		}
	}

	const cuts = [...cutSet].toSorted((a, b) => a - b);
	const cutCount = cuts.length;
	const coreUnits = Float64Array.from(hosts, host => host.capacity.cpuUnits / coresPerHost);
	// VMs that stay put: their hosts' grants and requests at every cut, in one pass (demand is linear between updates).
	const staticGranted = new Float64Array(hosts.length * cutCount);
	const staticAsked = new Float64Array(hosts.length * cutCount);
	const movers: number[] = [];
	let vmIndex = -1;
	for (const vm of vms) {
		vmIndex++;
		const home = hostOf[vmIndex]!;
		if (home < 0 || !isPlaced(vm) || vm.state === 'stopped') {
			continue;
		}

		if (moving[vmIndex]! >= 0) {
			movers.push(vmIndex);
			continue;
		}

		const from = previous[vmIndex] ?? 0;
		const change = vm.usage.demand.cpu - from;
		const core = coreUnits[home]!;
		for (let cut = 0; cut < cutCount; cut++) {
			const demand = from + (change * (cuts[cut]! / seconds));
			staticGranted[(home * cutCount) + cut]! += Math.min(demand, core);
			staticAsked[(home * cutCount) + cut]! += demand;
		}
	}

	const granted = new Float64Array(hosts.length);
	const asked = new Float64Array(hosts.length);
	const grantedAtEnd = new Float64Array(hosts.length);
	// The moving VMs' part at `at`, the moves that ended by `movedBy` made; what they asked and did not get.
	const addMovers = (into: Float64Array, askedInto: Float64Array | undefined, at: number, movedBy: number): number => {
		let lost = 0;
		for (const mover of movers) {
			const from = previous[mover] ?? 0;
			const demand = from + ((vms[mover]!.usage.demand.cpu - from) * (at / seconds));
			const destination = moving[mover]!;
			const arrived = endsAt[mover]! <= movedBy;
			const host = arrived ? destination : hostOf[mover]!;
			const grant = Math.min(demand, coreUnits[host]!);
			into[host]! += grant;
			if (askedInto) {
				askedInto[host]! += demand;
			}

			if (!arrived) {
				for (const incoming of [...(passedOver.get(mover) ?? []), destination]) {
					into[incoming]! += migrationShare * Math.min(demand, coreUnits[incoming]!);
					if (askedInto) {
						askedInto[incoming]! += demand;
					}
				}

				// The source grants a migrating VM 90 % of its capped request; PDM counts all it asked and did not get.
				lost += demand - ((1 - migrationShare) * grant);
			}
		}

		return lost;
	};

	for (let piece = 0; piece + 1 < cutCount; piece++) {
		const start = cuts[piece]!;
		const end = cuts[piece + 1]!;
		const length = end - start;
		for (let index = 0; index < hosts.length; index++) {
			granted[index] = staticGranted[(index * cutCount) + piece]!;
			asked[index] = staticAsked[(index * cutCount) + piece]!;
			grantedAtEnd[index] = staticGranted[(index * cutCount) + piece + 1]!;
		}

		state.lostUnitSeconds += addMovers(granted, asked, start, start) * length;
		addMovers(grantedAtEnd, undefined, end, start);
		let index = -1;
		for (const host of hosts) {
			index++;
			// Every VM's request once, wherever it runs (a migrating VM's destinations count it in `asked` too).
			state.requestedUnitSeconds += staticAsked[(index * cutCount) + piece]! * length;
			if (host.role !== 'worker') {
				continue;
			}

			const capacity = host.capacity.cpuUnits;
			const from = Math.min(1, granted[index]! / capacity);
			if (from > 0) {
				const to = Math.min(1, grantedAtEnd[index]! / capacity);
				state.energyKWh += (watts(host, from) + watts(host, to)) / 2 * length / 3_600_000;
				state.activeSeconds += length;
				// A host asked for more than it has grants all it has, less than asked.
				if (Math.min(granted[index]!, capacity) < asked[index]!) {
					state.violationSeconds += length;
				}
			}
		}

		for (const mover of movers) {
			const from = previous[mover] ?? 0;
			state.requestedUnitSeconds += (from + ((vms[mover]!.usage.demand.cpu - from) * (start / seconds))) * length;
		}
	}
}

/** CloudSim's clock at each update: 0.1 s, then the interval added again and again (a double, as its events carry it). */
const clocks: number[] = [];

function clockAt(tick: number, tickSeconds: number): number {
	if (clocks[0] !== tickSeconds) {
		clocks.length = 0;
		clocks.push(tickSeconds, updateOffsetSeconds);
	}

	while (clocks.length <= tick + 1) {
		clocks.push(clocks.at(-1)! + tickSeconds);
	}

	return clocks[tick + 1]!;
}

/** A trace read as CloudSim's `UtilizationModelPlanetLabInMemory` reads it at `time`, to the last bit (the last sample held). */
function planetlabUtilisation(values: readonly number[], sampleSeconds: number, time: number): number {
	const at = (index: number) => values[Math.min(index, values.length - 1)] ?? 0;
	if (time % sampleSeconds === 0) {
		return at(Math.trunc(time) / Math.trunc(sampleSeconds));
	}

	const low = Math.floor(time / sampleSeconds);
	const high = Math.ceil(time / sampleSeconds);
	const delta = (at(high) - at(low)) / ((high - low) * sampleSeconds);
	return at(low) + (delta * (time - (low * sampleSeconds)));
}

export const cloudsimSemantics: Semantics = {
	name: 'cloudsim',
	demandTick: (tick, tickSeconds) => tick + (updateOffsetSeconds / tickSeconds),
	movesOn: true,
	replayAt: (values, sampleTicks, _loop, tick, tickSeconds) => planetlabUtilisation(values, sampleTicks * tickSeconds, clockAt(tick, tickSeconds)),
	afterDemand(world) {
		const state = stateOf(world);
		if (state.previousDemand) {
			settle(world, state, state.previousDemand);
		}

		// The first round is at the end of the first interval: nothing is settled before it.
		const previousDemand = world.tick >= 1 ? world.vms.map(vm => vm.usage.demand.cpu) : null;
		world.semanticsState = {...state, previousDemand};
	},
	beforeRound(world, emit) {
		// CloudSim's first update (at 0.1 s) only submits the workloads.
		if (world.tick === 0) {
			return;
		}

		for (const vm of world.vms) {
			if (isPlaced(vm) && vm.state === 'running' && vm.migrationId === null && vm.usage.demand.cpu === 0) {
				vm.state = 'finished';
				emit({
					tick: world.tick, type: 'vmFinished', vmId: vm.id, hostId: vm.hostId,
				});
			}
		}
	},
	migrationRates(world, sources) {
		// CloudSim keeps half of each NIC for the VMs and gives migrations the other half: T = RAM / (BW / 2).
		return Array.from(sources, index => {
			const source = world.hosts[index];
			return source?.state === 'up' ? source.capacity.networkMbps / 2 / 8 : 0;
		});
	},
	account(world, strategies) {
		accountPower(world, strategies);
		const state = stateOf(world);
		const {counters} = world;
		counters.energyKWh = state.energyKWh;
		counters.activeHostSeconds = state.activeSeconds;
		counters.overloadedActiveHostSeconds = state.violationSeconds;
		counters.requestedCpuUnitSeconds = state.requestedUnitSeconds;
		counters.migrationLostCpuUnitSeconds = state.lostUnitSeconds;
	},
};
