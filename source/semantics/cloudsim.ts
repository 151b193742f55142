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
import type {Semantics} from '../sim/strategies.js';
import type {World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';
import {settleInterval, type SettleTotals} from './cloudsim-settle.js';

/** Seconds into an interval at which CloudSim's updates fall. */
const updateOffsetSeconds = 0.1;

type CloudsimState = SettleTotals & {
	/** Each VM's CPU request at the last update, by VM position (none before the first round). */
	previousDemand: number[] | null;
};

function stateOf(world: World): CloudsimState {
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the state is this module's own, written by `afterDemand` only.
	const known = world.semanticsState as CloudsimState | null;
	return known ?? {
		previousDemand: null, energyKWh: 0, activeSeconds: 0, violationSeconds: 0, requestedUnitSeconds: 0, lostUnitSeconds: 0,
	};
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
			settleInterval(world, state, state.previousDemand);
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
