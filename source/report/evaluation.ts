/**
`sandpiper eval`: every policy on the same seeds, and what each achieved (SP07 section 7's
comparison of Sandpiper with no migration). Pure: the shell passes a builder for (seed, policy).
*/
import {runTicks, type TimedCommand} from '../sim/run.js';
import type {Strategies} from '../sim/strategies.js';
import type {World} from '../sim/types.js';
import {cloudsimMetrics} from './run-report.js';

export type Built = {world: World; timeline: readonly TimedCommand[]};

export type Stat = {mean: number; sd: number};

export type PolicyEvaluation = {
	name: string;
	sustainedOverloadIntervals: Stat;
	overloadedHostTicks: Stat;
	hotAtEnd: Stat;
	migrations: Stat;
	swaps: Stat;
	movedMiB: Stat;
	/** Energy of the worker hosts (kWh), mean powered-on workers, running VMs per powered-on worker. */
	energyKWh: Stat;
	activeHosts: Stat;
	consolidationRatio: Stat;
	/** From hotspot detection to resolution, over every hotspot of every seed; null when none resolved. */
	resolutionSeconds: {mean: number | null; max: number | null};
	/** 1 - (this policy's mean sustained-overload intervals / none's); null for none itself or without none. */
	reductionVsNone: number | null;
	/** 1 - (this policy's mean energy / none's); null for none itself or without none. */
	energySavingVsNone: number | null;
	/** CloudSim's SLA metrics (models.md 5.4), in a datacenter run with CloudSim's semantics. */
	slatah?: Stat;
	pdm?: Stat;
};

export type Evaluation = {
	scenario: string;
	ticks: number;
	tickSeconds: number;
	seeds: number[];
	policies: PolicyEvaluation[];
};

/** Mean and sample standard deviation (n - 1; 0 for a single value). */
export function stat(values: readonly number[]): Stat {
	if (values.length === 0) {
		return {mean: 0, sd: 0};
	}

	const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
	const variance = values.length > 1 ? values.reduce((sum, value) => sum + ((value - mean) ** 2), 0) / (values.length - 1) : 0;
	return {mean, sd: Math.sqrt(variance)};
}

type SeedResult = {
	sustainedOverloadIntervals: number;
	overloadedHostTicks: number;
	hotAtEnd: number;
	migrations: number;
	swaps: number;
	movedMiB: number;
	energyKWh: number;
	activeHosts: number;
	consolidationRatio: number;
	resolutions: number[];
	slatah: number;
	pdm: number;
};

function runSeed(built: Built, strategies: Strategies, ticks: number): SeedResult {
	let swaps = 0;
	const resolutions: number[] = [];
	const {world} = runTicks(built.world, strategies, {
		ticks,
		timeline: built.timeline,
		// Counted as they happen: a run holds none of its events (a PlanetLab day has hundreds of thousands).
		onEvent(event) {
			if (event.type === 'swapPlanned') {
				swaps++;
			} else if (event.type === 'hotspotResolved') {
				resolutions.push(event.durationSeconds);
			}
		},
	});
	return {
		sustainedOverloadIntervals: world.counters.sustainedOverloadIntervals,
		overloadedHostTicks: world.counters.overloadedHostTicks,
		hotAtEnd: world.hosts.filter(host => host.role === 'worker' && host.sustainedOverload).length,
		migrations: world.counters.migrationsStarted,
		swaps,
		movedMiB: world.counters.movedMiB,
		energyKWh: world.counters.energyKWh,
		activeHosts: world.counters.activeHostTicks / Math.max(1, ticks),
		consolidationRatio: world.counters.consolidationRatioSum / Math.max(1, ticks),
		resolutions,
		...cloudsimMetrics(world.counters),
	};
}

export type EvaluationOptions = {
	seeds: readonly number[];
	policies: readonly string[];
	ticks: number;
	build: (seed: number, policy: string) => Built;
	strategies: Strategies;
};

export function evaluate(options: EvaluationOptions): Evaluation {
	const results = options.policies.map(policy => ({
		policy,
		seeds: options.seeds.map(seed => runSeed(options.build(seed, policy), options.strategies, options.ticks)),
	}));
	const none = results.find(result => result.policy === 'none')?.seeds;
	const baseline = none === undefined ? undefined : stat(none.map(seed => seed.sustainedOverloadIntervals)).mean;
	const baselineEnergy = none === undefined ? undefined : stat(none.map(seed => seed.energyKWh)).mean;
	const first = options.build(options.seeds[0] ?? 1, options.policies[0] ?? 'none').world;
	const withSla = first.config.semantics === 'cloudsim';
	return {
		scenario: first.scenarioName,
		ticks: options.ticks,
		tickSeconds: first.config.tickSeconds,
		seeds: [...options.seeds],
		policies: results.map(({policy, seeds}) => {
			const pick = (key: Exclude<keyof SeedResult, 'resolutions'>) => stat(seeds.map(seed => seed[key]));
			const sla = withSla ? {slatah: pick('slatah'), pdm: pick('pdm')} : {};
			const resolutions = seeds.flatMap(seed => seed.resolutions);
			const sustained = pick('sustainedOverloadIntervals');
			return {
				name: policy,
				sustainedOverloadIntervals: sustained,
				overloadedHostTicks: pick('overloadedHostTicks'),
				hotAtEnd: pick('hotAtEnd'),
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
				reductionVsNone: policy === 'none' || baseline === undefined || baseline === 0 ? null : 1 - (sustained.mean / baseline),
				energySavingVsNone: policy === 'none' || baselineEnergy === undefined || baselineEnergy === 0 ? null : 1 - (pick('energyKWh').mean / baselineEnergy),
				...sla,
			};
		}),
	};
}
