import type {Strategies} from './strategies.js';
import type {World} from './types.js';

/**
Power and energy per host (the power strategy, models.md 4), the worker total, and the sums behind the
consolidation figures: active hosts, running VMs per active host, and their mean CPU utilisation.
Also each VM's disk writes since its last snapshot (what the next one stores).
*/
export function accountPower(world: World, strategies: Strategies): void {
	const {tickSeconds} = world.config;
	let active = 0;
	let utilisation = 0;
	for (const host of world.hosts) {
		const watts = strategies.power.watts(host, host.usage.utilisation.cpu);
		host.powerWatts = watts;
		const kWh = watts * tickSeconds / 3_600_000;
		host.energyKWh += kWh;
		if (host.role === 'worker') {
			world.counters.energyKWh += kWh;
			if (host.state === 'up') {
				active++;
				utilisation += host.usage.utilisation.cpu;
				// CloudSim counts a host active while it has load, and in violation while it cannot serve all of it.
				if (host.usage.utilisation.cpu > 0) {
					world.counters.activeHostSeconds += tickSeconds;
					// Added every time, zero or not: the first host in violation meets no untried code.
					world.counters.overloadedActiveHostSeconds += host.usage.unmet.cpu > 1e-9 ? tickSeconds : 0;
				}
			}
		}
	}

	let running = 0;
	for (const vm of world.vms) {
		if (vm.state === 'running' || vm.state === 'paused') {
			running++;
			vm.diskWrittenMB += vm.usage.granted.disk * tickSeconds;
			world.counters.requestedCpuUnitSeconds += vm.usage.demand.cpu * tickSeconds;
		}
	}

	world.counters.activeHostTicks += active;
	if (active > 0) {
		world.counters.consolidationRatioSum += running / active;
		world.counters.activeUtilisationSum += utilisation / active;
	}
}
