/**
A CloudSim-style baseline (Beloglazov and Buyya, CCPE 2012, THR-MMT): a host is overloaded when its
latest CPU utilisation exceeds a static threshold (0.8, ./detect/static-cpu.ts); the VM with the
minimum migration time (the least memory, ./select/min-memory.ts) leaves first, to the best-fit host
by current CPU that stays under the threshold and has the memory (./place/best-fit.ts, ties by id).
No k-of-n filter, no forecast, no peak estimate, no swaps. It keeps Sandpiper's limits (concurrency,
cooldown, a host sends one VM at a time and takes `perHostIn`) so the comparison is about detection
and choice, not about how many moves run at once.
*/
import type {Policy} from '../sim/strategies.js';
import {overStaticCpu} from './detect/static-cpu.js';
import {bestFit} from './place/best-fit.js';
import {currentCpu} from './round/load-models.js';
import {reliefPass} from './round/relief-pass.js';
import {viewRound} from './round/rate-load.js';
import {coolingDown, settleTracked} from './sandpiper/cooldown.js';
import {observe} from './sandpiper/monitor.js';
import {asManagerState, initialManagerState} from './sandpiper/state.js';
import {leastMemory} from './select/min-memory.js';

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
		const round = viewRound(view, {
			world, commands: [], events: [], tracked: state.tracked,
		}, {
			projection: currentCpu, releasesSource: false, budget: manager.maxConcurrentMigrations - world.migrations.length, blocked: coolingDown(world, state),
		});
		const {hosts} = round;
		const threshold = manager.staticCpuThreshold;
		const percent = `${Math.round(threshold * 100)} %`;
		const limits = {cpu: threshold, network: Number.POSITIVE_INFINITY, disk: Number.POSITIVE_INFINITY};
		const rejections = reliefPass(round, {
			sources: hosts.map((_, index) => index).filter(index => overStaticCpu(hosts[index]!, threshold)),
			held: source => round.blocked.has(hosts[source]!.id) || round.outgoing[source]! > 0 || round.budget <= 0 ? `${hosts[source]!.id} cannot send a VM now` : undefined,
			select: source => [leastMemory(hosts[source]!.vms)].filter(vm => vm !== undefined),
			placeFrom(source) {
				// In id order, so the first of equally full hosts is the least id.
				const candidates = round.candidates(source, index => round.incoming[index]! < manager.perHostIn)
					.toSorted((a, b) => hosts[a]!.id.localeCompare(hosts[b]!.id));
				return vm => bestFit(round, vm, candidates, limits);
			},
			allocation: vm => vm.memoryMiB,
			reason: (vm, source) => `${hosts[source]!.id} over ${percent} CPU; ${vm.id} is the quickest to move`,
			fallback: (_, [vm]) => vm && `no host stays under ${percent} CPU with ${vm.id}`,
		});
		return {
			commands: round.commands, rejections, events: round.events, state,
		};
	},
};
