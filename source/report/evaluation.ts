/**
`sandpiper eval`: every policy on the same seeds, and what each achieved (SP07 section 7's
comparison of Sandpiper with no migration). Pure: the shell passes a builder for (seed, policy).
*/
import type {Strategies} from '../sim/strategies.js';
import type {MetricsConfig} from '../sim/types.js';
import {runSeed, type Built, type SeedResult} from './eval-seed.js';
import {stat, type Stat} from './stat.js';
import {pairedValues, seedReductions} from './paired-reduction.js';

export type {Built} from './eval-seed.js';

export type {Stat} from './stat.js';
export {stat} from './stat.js';

/** One seed's figures, for pairing and plotting outside. */
export type SeedFigures = {
	seed: number;
	sustainedOverloadIntervals: number;
	/** 1 - this seed's sustained-overload intervals / none's on the same seed; null for none, or where none had none. */
	reduction: number | null;
	overloadedHostTicks: number;
	pagingHostIntervals: number;
	episodes: number;
	/** The mean cure time of this seed's cured episodes (as a sweep keeps it); null when none was cured. */
	cureSecondsMean: number | null;
	cureSecondsMax: number | null;
};

/**
The yardstick's hotspot episodes (docs/metrics.md): episodes per seed (and those still open at the end);
cure seconds and the came-back share over every cured episode of every seed, null when none was cured.
*/
export type EpisodeEvaluation = {
	count: Stat;
	open: Stat;
	cureSeconds: {mean: number | null; max: number | null};
	cameBackShare: number | null;
};

export type PolicyEvaluation = {
	name: string;
	sustainedOverloadIntervals: Stat;
	/** Sustained-overload intervals, 1 - policy / none paired per seed; null for none itself or where nothing pairs. */
	reduction: Stat | null;
	overloadedHostTicks: Stat;
	hotAtEnd: Stat;
	episodes: EpisodeEvaluation;
	/** Host-intervals in which a VM on the host paged. */
	pagingHostIntervals: Stat;
	migrations: Stat;
	swaps: Stat;
	movedMiB: Stat;
	/** Energy of the worker hosts (kWh), mean powered-on workers, running VMs per powered-on worker. */
	energyKWh: Stat;
	activeHosts: Stat;
	consolidationRatio: Stat;
	/**
	The policy's own detector, from each hotspot it detects to its resolution, over every one of every
	seed (a flicker is a hotspot of its own; `episodes` is the policy-free view); null when none resolved.
	*/
	resolutionSeconds: {mean: number | null; max: number | null};
	/** 1 - (this policy's mean sustained-overload intervals / none's); null for none itself. */
	reductionVsNone: number | null;
	/** 1 - (this policy's mean energy / none's); null for none itself. */
	energySavingVsNone: number | null;
	/** CloudSim's SLA metrics (models.md 5.4), in a datacenter run with CloudSim's semantics. */
	slatah?: Stat;
	pdm?: Stat;
	/** SLATAH x PDM per seed (BB12's SLAV), in the same runs. */
	slav?: Stat;
	perSeed: SeedFigures[];
};

export type Evaluation = {
	scenario: string;
	ticks: number;
	tickSeconds: number;
	seeds: number[];
	/** The yardstick's config (k, n, thresholds, episode hold and came-back window), from the first run's world. */
	metrics: MetricsConfig;
	/** What reductions pair against: none on the same seeds, run for that even when not among the policies (`listed` false). */
	baseline: {policy: 'none'; listed: boolean};
	policies: PolicyEvaluation[];
};

export type EvaluationOptions = {
	seeds: readonly number[];
	policies: readonly string[];
	ticks: number;
	build: (seed: number, policy: string) => Built;
	strategies: Strategies;
};

type NumericKey = {[Key in keyof SeedResult]: SeedResult[Key] extends number ? Key : never}[keyof SeedResult];

export function evaluate(options: EvaluationOptions): Evaluation {
	const run = (policy: string) => options.seeds.map(seed => runSeed(seed, options.build(seed, policy), options.strategies, options.ticks));
	const results = options.policies.map(policy => ({policy, seeds: run(policy)}));
	const listed = results.find(result => result.policy === 'none')?.seeds;
	const none = listed ?? run('none');
	const baseline = stat(none.map(seed => seed.sustainedOverloadIntervals)).mean;
	const baselineEnergy = stat(none.map(seed => seed.energyKWh)).mean;
	const first = options.build(options.seeds[0] ?? 1, options.policies[0] ?? 'none').world;
	const withSla = first.config.semantics === 'cloudsim';
	return {
		scenario: first.scenarioName,
		ticks: options.ticks,
		tickSeconds: first.config.tickSeconds,
		seeds: [...options.seeds],
		metrics: first.config.metrics,
		baseline: {policy: 'none', listed: listed !== undefined},
		policies: results.map(({policy, seeds}) => {
			const pick = (key: NumericKey) => stat(seeds.map(seed => seed[key]));
			const sla = withSla ? {slatah: pick('slatah'), pdm: pick('pdm'), slav: pick('slav')} : {};
			const resolutions = seeds.flatMap(seed => seed.resolutions);
			const sustained = pick('sustainedOverloadIntervals');
			const isNone = policy === 'none';
			const reductions = isNone ? seeds.map(() => null) : seedReductions(seeds, none);
			const paired = pairedValues(reductions);
			return {
				name: policy,
				sustainedOverloadIntervals: sustained,
				reduction: paired === null ? null : stat(paired),
				overloadedHostTicks: pick('overloadedHostTicks'),
				hotAtEnd: pick('hotAtEnd'),
				episodes: episodeEvaluation(seeds),
				pagingHostIntervals: pick('pagingHostIntervals'),
				migrations: pick('migrations'),
				swaps: pick('swaps'),
				movedMiB: pick('movedMiB'),
				energyKWh: pick('energyKWh'),
				activeHosts: pick('activeHosts'),
				consolidationRatio: pick('consolidationRatio'),
				resolutionSeconds: {
					mean: resolutions.length === 0 ? null : stat(resolutions).mean,
					max: resolutions.length === 0 ? null : Math.max(...resolutions),
				},
				reductionVsNone: isNone || baseline === 0 ? null : 1 - (sustained.mean / baseline),
				energySavingVsNone: isNone || baselineEnergy === 0 ? null : 1 - (pick('energyKWh').mean / baselineEnergy),
				...sla,
				perSeed: seeds.map((seed, index) => ({
					seed: seed.seed,
					sustainedOverloadIntervals: seed.sustainedOverloadIntervals,
					reduction: reductions[index] ?? null,
					overloadedHostTicks: seed.overloadedHostTicks,
					pagingHostIntervals: seed.pagingHostIntervals,
					episodes: seed.episodes,
					cureSecondsMean: seed.episodesCured === 0 ? null : seed.cureSecondsSum / seed.episodesCured,
					cureSecondsMax: seed.cureSecondsMax,
				})),
			};
		}),
	};
}

function episodeEvaluation(seeds: readonly SeedResult[]): EpisodeEvaluation {
	const cured = seeds.reduce((sum, seed) => sum + seed.episodesCured, 0);
	const maxima = seeds.flatMap(seed => seed.cureSecondsMax === null ? [] : [seed.cureSecondsMax]);
	return {
		count: stat(seeds.map(seed => seed.episodes)),
		open: stat(seeds.map(seed => seed.episodesOpen)),
		cureSeconds: {
			mean: cured === 0 ? null : seeds.reduce((sum, seed) => sum + seed.cureSecondsSum, 0) / cured,
			max: maxima.length === 0 ? null : Math.max(...maxima),
		},
		cameBackShare: cured === 0 ? null : seeds.reduce((sum, seed) => sum + seed.episodesCameBack, 0) / cured,
	};
}
