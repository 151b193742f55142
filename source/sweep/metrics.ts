/**
What a sweep keeps of each run: the figures of an `eval` run (../report/eval-seed.ts), by name, and
the mean cure time of the run's cured hotspot episodes (null when none was cured).
*/
import type {SeedResult} from '../report/eval-seed.js';

export const metricNames = [
	'sustainedOverloadIntervals',
	'overloadedHostTicks',
	'hotAtEnd',
	'migrations',
	'swaps',
	'movedMiB',
	'energyKWh',
	'activeHosts',
	'consolidationRatio',
	'episodes',
	'episodesOpen',
	'cureSecondsMean',
	'cureSecondsMax',
	'episodesCameBack',
	'pagingHostIntervals',
	'slatah',
	'pdm',
	'slav',
] as const;

export type MetricName = typeof metricNames[number];

export const defaultMetrics: readonly MetricName[] = ['sustainedOverloadIntervals', 'migrations', 'energyKWh', 'cureSecondsMean'];

export type RunFigures = Record<MetricName, number | null>;

export function runFigures(result: SeedResult): RunFigures {
	return {
		sustainedOverloadIntervals: result.sustainedOverloadIntervals,
		overloadedHostTicks: result.overloadedHostTicks,
		hotAtEnd: result.hotAtEnd,
		migrations: result.migrations,
		swaps: result.swaps,
		movedMiB: result.movedMiB,
		energyKWh: result.energyKWh,
		activeHosts: result.activeHosts,
		consolidationRatio: result.consolidationRatio,
		episodes: result.episodes,
		episodesOpen: result.episodesOpen,
		cureSecondsMean: result.episodesCured === 0 ? null : result.cureSecondsSum / result.episodesCured,
		cureSecondsMax: result.cureSecondsMax,
		episodesCameBack: result.episodesCameBack,
		pagingHostIntervals: result.pagingHostIntervals,
		slatah: result.slatah,
		pdm: result.pdm,
		slav: result.slav,
	};
}
