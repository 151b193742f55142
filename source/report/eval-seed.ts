/**
One (policy, seed) run of `sandpiper eval` and what it achieved, tallied as it goes: the run holds none
of its events (a PlanetLab day has hundreds of thousands).
*/
import {runTicks, type TimedCommand} from '../sim/run.js';
import type {Strategies} from '../sim/strategies.js';
import type {World} from '../sim/types.js';
import {cloudsimMetrics} from './run-report.js';

export type Built = {world: World; timeline: readonly TimedCommand[]};

export type SeedResult = {
	seed: number;
	sustainedOverloadIntervals: number;
	overloadedHostTicks: number;
	hotAtEnd: number;
	migrations: number;
	swaps: number;
	movedMiB: number;
	energyKWh: number;
	activeHosts: number;
	consolidationRatio: number;
	/** The policy's own detector: seconds from each `hotspotDetected` to its `hotspotResolved`. */
	resolutions: number[];
	/** The yardstick's hotspot episodes (sim/episodes.ts): started, still open at the end, cured and their cure times, cured ones that came back. */
	episodes: number;
	episodesOpen: number;
	episodesCured: number;
	cureSecondsSum: number;
	cureSecondsMax: number | null;
	episodesCameBack: number;
	pagingHostIntervals: number;
	slatah: number;
	pdm: number;
	/** SLATAH x PDM, this run's own (a mean of products is not the product of the means). */
	slav: number;
};

export function runSeed(seed: number, built: Built, strategies: Strategies, ticks: number): SeedResult {
	let swaps = 0;
	const resolutions: number[] = [];
	const {world} = runTicks(built.world, strategies, {
		ticks,
		timeline: built.timeline,
		onEvent(event) {
			if (event.type === 'swapPlanned') {
				swaps++;
			} else if (event.type === 'hotspotResolved') {
				resolutions.push(event.durationSeconds);
			}
		},
	});
	const {counters} = world;
	return {
		seed,
		sustainedOverloadIntervals: counters.sustainedOverloadIntervals,
		overloadedHostTicks: counters.overloadedHostTicks,
		hotAtEnd: world.hosts.filter(host => host.role === 'worker' && host.sustainedOverload).length,
		migrations: counters.migrationsStarted,
		swaps,
		movedMiB: counters.movedMiB,
		energyKWh: counters.energyKWh,
		activeHosts: counters.activeHostTicks / Math.max(1, ticks),
		consolidationRatio: counters.consolidationRatioSum / Math.max(1, ticks),
		resolutions,
		episodes: counters.episodesStarted,
		episodesOpen: counters.episodesStarted - counters.episodesCured,
		episodesCured: counters.episodesCured,
		cureSecondsSum: counters.episodeCureSecondsSum,
		cureSecondsMax: counters.episodesCured === 0 ? null : counters.episodeCureSecondsMax,
		episodesCameBack: counters.episodesCameBack,
		pagingHostIntervals: counters.pagingHostIntervals,
		...cloudsimMetrics(counters),
	};
}
