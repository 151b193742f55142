/**
One headless run and its result as plain data: what the json, csv and table formats print.
*/
import {Run, type TimedCommand} from '../sim/run.js';
import type {Strategies} from '../sim/strategies.js';
import type {SimEvent, World} from '../sim/types.js';
import {createCollector, type HostStats} from './collector.js';
import {createSeriesCollector, type RunSeries, type SeriesCollector} from './host-series.js';

export type RunSummary = {
	hostCount: number;
	vmCount: number;
	/** Host-ticks with unmet demand on any resource. */
	overloadedHostTicks: number;
	/** (host, monitoring interval) pairs where k of the last n interval means exceeded a threshold. */
	sustainedOverloadIntervals: number;
	episodes: EpisodeSummary;
	paging: PagingSummary;
	migrations: number;
	migrationsCompleted: number;
	migrationsAborted: number;
	movedMiB: number;
	/** Network effects of migrations and mode changes (bridged across subnets, NAT, host-only). */
	addressesChanged: number;
	connectionsDropped: number;
	/** Energy of the worker hosts over the run (models.md 4). */
	energyKWh: number;
	/** Means over the run's ticks: powered-on workers, running VMs per one of them (`3.1:1`), their CPU utilisation. */
	activeHosts: number;
	consolidationRatio: number;
	activeUtilisation: number;
	/** Failures and images: snapshots taken, VMs restarted from one after a failure (and the work they lost), VMs lost. */
	snapshotsTaken: number;
	vmsRestarted: number;
	workLostSeconds: number;
	vmsLost: number;
	/** CloudSim's metrics as its code computes them (models.md 5.4), as fractions; esv in kWh. */
	slatah: number;
	pdm: number;
	slav: number;
	esv: number;
};

/**
Hotspot episodes (docs/metrics.md): started, cured, still open at the end; cure times in seconds and the
share of cured episodes that came back, null when none was cured.
*/
export type EpisodeSummary = {
	count: number;
	cured: number;
	open: number;
	cureSecondsMean: number | null;
	cureSecondsMax: number | null;
	cameBackShare: number | null;
};

/** Host-intervals in which a VM on the host paged, and the swap traffic paged (MiB). */
export type PagingSummary = {
	hostIntervals: number;
	pagedMiB: number;
};

export type RunReport = {
	scenario: string;
	seed: number;
	policy: string;
	ticks: number;
	tickSeconds: number;
	summary: RunSummary;
	hosts: HostStats[];
	/** Only in a run stopped early (Ctrl-C): every figure covers the ticks that ran, not those asked for. */
	partial?: {ticksRun: number; ticksAsked: number};
	/** Each host's interval means and sustained-overload stretches, with the event log in the report (`sandpiper plot`'s timeline). */
	series?: RunSeries;
	/** The event log, when it was asked for (`--events`). */
	events?: SimEvent[];
};

export type ReportOptions = {
	ticks: number;
	timeline: readonly TimedCommand[];
	/** Called after each tick (the CSV writer). */
	onTick?: (world: World) => void;
	/** Each event as it happens; the report's `events` are then empty (see `RunOptions.onEvent`). */
	onEvent?: (event: SimEvent) => void;
	/** Hand the world over to the run (see `RunOptions.adopt`). */
	adopt?: boolean;
	/** Keep each host's interval series for the report (`RunReport.series`). */
	series?: boolean;
};

/** A headless run advanced a piece at a time, and its report from the ticks run so far. */
export class ReportRun {
	readonly #run: Run;
	readonly #collector: ReturnType<typeof createCollector>;
	readonly #series: SeriesCollector | undefined;
	/** What the report says of the run's start (the world itself may be the run's, when it was handed over). */
	readonly #start: Pick<World, 'scenarioName' | 'seed' | 'policy'> & {tickSeconds: number};

	constructor(world: World, strategies: Strategies, options: Omit<ReportOptions, 'ticks'>) {
		const collector = createCollector(world);
		const series = options.series ? createSeriesCollector(world) : undefined;
		this.#collector = collector;
		this.#series = series;
		this.#start = {
			scenarioName: world.scenarioName, seed: world.seed, policy: world.policy, tickSeconds: world.config.tickSeconds,
		};
		this.#run = new Run(world, strategies, {
			timeline: options.timeline,
			onEvent: options.onEvent,
			adopt: options.adopt,
			onTick(current) {
				collector.onTick(current);
				series?.onTick(current);
				options.onTick?.(current);
			},
		});
	}

	get ticksRun(): number {
		return this.#run.ticksRun;
	}

	advance(ticks: number): void {
		this.#run.advance(ticks);
	}

	/** The report of the ticks run; `ticksAsked` above them marks it partial. */
	report(ticksAsked = this.ticksRun): RunReport {
		const world = this.#start;
		const end = this.#run.world;
		const ticks = this.ticksRun;
		const {counters} = end;
		return {
			scenario: world.scenarioName,
			seed: world.seed,
			policy: world.policy,
			ticks,
			tickSeconds: world.tickSeconds,
			summary: {
				hostCount: end.hosts.filter(host => host.role === 'worker').length,
				vmCount: end.vms.length,
				overloadedHostTicks: counters.overloadedHostTicks,
				sustainedOverloadIntervals: counters.sustainedOverloadIntervals,
				episodes: episodeSummary(counters),
				paging: {hostIntervals: counters.pagingHostIntervals, pagedMiB: counters.pagedMiB},
				migrations: counters.migrationsStarted,
				migrationsCompleted: counters.migrationsCompleted,
				migrationsAborted: counters.migrationsAborted,
				movedMiB: counters.movedMiB,
				addressesChanged: counters.addressesChanged,
				connectionsDropped: counters.connectionsDropped,
				energyKWh: counters.energyKWh,
				activeHosts: counters.activeHostTicks / Math.max(1, ticks),
				consolidationRatio: counters.consolidationRatioSum / Math.max(1, ticks),
				activeUtilisation: counters.activeUtilisationSum / Math.max(1, ticks),
				snapshotsTaken: counters.snapshotsTaken,
				vmsRestarted: counters.vmsRestarted,
				workLostSeconds: counters.workLostSeconds,
				vmsLost: counters.vmsLost,
				...cloudsimMetrics(counters),
			},
			hosts: this.#collector.hostStats(),
			...(ticksAsked > ticks ? {partial: {ticksRun: ticks, ticksAsked}} : {}),
			...(this.#series ? {series: this.#series.series()} : {}),
			events: this.#run.events,
		};
	}
}

export function runReport(world: World, strategies: Strategies, options: ReportOptions): RunReport {
	const run = new ReportRun(world, strategies, options);
	run.advance(options.ticks);
	return run.report();
}

/** SLATAH, PDM, SLAV = SLATAH x PDM, ESV = energy x SLAV (Beloglazov and Buyya 2012, as CloudSim's Helper computes them). */
export function cloudsimMetrics(counters: World['counters']): {slatah: number; pdm: number; slav: number; esv: number} {
	const slatah = counters.activeHostSeconds > 0 ? counters.overloadedActiveHostSeconds / counters.activeHostSeconds : 0;
	const pdm = counters.requestedCpuUnitSeconds > 0 ? counters.migrationLostCpuUnitSeconds / counters.requestedCpuUnitSeconds : 0;
	const slav = slatah * pdm;
	return {
		slatah, pdm, slav, esv: counters.energyKWh * slav,
	};
}

export function episodeSummary(counters: World['counters']): EpisodeSummary {
	const cured = counters.episodesCured;
	return {
		count: counters.episodesStarted,
		cured,
		open: counters.episodesStarted - cured,
		cureSecondsMean: cured === 0 ? null : counters.episodeCureSecondsSum / cured,
		cureSecondsMax: cured === 0 ? null : counters.episodeCureSecondsMax,
		cameBackShare: cured === 0 ? null : counters.episodesCameBack / cured,
	};
}
