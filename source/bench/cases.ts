/**
The benchmark cases: each builds a world and runs it, timed. Measured in a child process each, so
that peak memory belongs to one case.
*/
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {cloudsimMetrics} from '../report/run-report.js';
import {buildScenario, loadScenario} from '../scenario/load-scenario.js';
import {generateScenario} from '../scenario/generate.js';
import {scenarioSchema} from '../scenario/schema.js';
import type {BuiltScenario} from '../scenario/build-world.js';
import {indexTimeline, runTicks} from '../sim/run.js';
import {stepInPlace} from '../sim/step.js';
import {defaultStrategies} from '../strategies.js';
import {sandpiperPolicy} from '../policy/sandpiper/sandpiper.js';
import {blankMigration, compareMigrations, defaultMigrationConfig} from '../migration/compare.js';
import {precopy} from '../migration/precopy.js';
import {migrationRates} from '../sim/links.js';
import type {Host} from '../sim/types.js';

export type CaseResult = {
	/** CloudSim's figures for the trace cases. */
	metrics?: {energyKWh: number; migrations: number; slatah: number; pdm: number; slav: number; esv: number};
	name: string;
	hosts: number;
	vms: number;
	ticks: number;
	seconds: number;
	buildSeconds: number;
	/**
	CPU time the machine's hypervisor gave other guests while the timed run went on (steal, both cores
	together), where the machine tells it: a run that lost much is slow for that reason, not its code's.
	*/
	stolenSeconds?: number;
	/** Events the run emitted, warm-up included. */
	events: number;
};

export type BenchCase = {
	name: string;
	description: string;
	/** Ticks run untimed first, so the JIT has warmed up. */
	warmupTicks: number;
	ticks: number;
	build(): Promise<BuiltScenario>;
};

function generated(hosts: number, vms: number): () => Promise<BuiltScenario> {
	return async () => buildScenario(scenarioSchema.parse(generateScenario({hosts, vms})));
}

export type PlanningResult = {hosts: number; vms: number; hotHosts: number; milliseconds: number[]; moves: number; rejections: number};

/**
One Sandpiper planning round (observe, detect, plan) on a generated 1,000-host / 5,000-VM datacenter
with 50 hot hosts: 50 hosts carry extra CPU load for long enough that k of n intervals are over.
*/
export function planningRound(now: () => number, repetitions = 7): PlanningResult {
	const built = buildScenario(scenarioSchema.parse(generateScenario({hosts: 1000, vms: 5000})));
	const timeline = Array.from({length: 50}, (_, index) => ({
		tick: 0,
		command: {
			type: 'injectLoad' as const, target: {kind: 'host' as const, hostId: built.world.hosts[index * 20]!.id}, resource: 'cpu' as const, amount: 120, durationTicks: null,
		},
	}));
	const {world} = runTicks(built.world, defaultStrategies, {ticks: 60, timeline});
	const milliseconds: number[] = [];
	let decision = sandpiperPolicy.decide(world, sandpiperPolicy.initialState(world));
	for (let index = 0; index < repetitions; index++) {
		const start = now();
		decision = sandpiperPolicy.decide(world, sandpiperPolicy.initialState(world));
		milliseconds.push(now() - start);
	}

	return {
		hosts: world.hosts.length,
		vms: world.vms.length,
		hotHosts: decision.events.filter(event => event.type === 'hotspotDetected').length,
		milliseconds,
		moves: decision.commands.length,
		rejections: decision.rejections.length,
	};
}

/** The real PlanetLab day of CloudSim's benchmark, when ../shared is there (never copied into the repo). */
export const planetlabDay = fileURLToPath(new URL('../../../shared/traces/planetlab/20110303', import.meta.url));

function planetlab(hosts: number, vms: number | undefined, policy?: string): () => Promise<BuiltScenario> {
	return async () => loadScenario({
		traceDir: planetlabDay, hosts, vms, reuseTraces: true, cloudsim: policy === undefined, policy,
	});
}

/** The PlanetLab cases (800 hosts is CloudSim's setup; the larger ones reuse the files to show how time grows). */
export const planetlabCases: readonly BenchCase[] = existsSync(planetlabDay)
	? [
		{
			name: 'planetlab-800-cloudsim', description: 'PlanetLab 20110303 (1,052 VMs) on 800 hosts, CloudSim parity, 288 steps of 300 s', build: planetlab(800, undefined), warmupTicks: 0, ticks: 288,
		},
		{
			name: 'planetlab-800-sandpiper', description: 'the same day with Sandpiper', build: planetlab(800, undefined, 'sandpiper'), warmupTicks: 0, ticks: 288,
		},
		{
			name: 'planetlab-1600x2104', description: 'twice the datacenter, files reused, parity', build: planetlab(1600, 2104), warmupTicks: 0, ticks: 288,
		},
		{
			name: 'planetlab-3200x4208', description: 'four times the datacenter, files reused, parity', build: planetlab(3200, 4208), warmupTicks: 0, ticks: 288,
		},
	]
	: [];

export const benchCases: readonly BenchCase[] = [
	{
		name: 'day-16x35', description: 'default scenario, one simulated day (86,400 ticks of 1 s), policy none', build: async () => loadScenario({policy: 'none'}), warmupTicks: 0, ticks: 86_400,
	},
	{
		name: 'day-16x35-sandpiper', description: 'the same day with Sandpiper', build: async () => loadScenario({policy: 'sandpiper'}), warmupTicks: 0, ticks: 86_400,
	},
	{
		name: 'dc-1000x5000', description: 'generated 1,000 hosts / 5,000 VMs', build: generated(1000, 5000), warmupTicks: 20, ticks: 300,
	},
	{
		name: 'dc-10000x50000', description: 'generated 10,000 hosts / 50,000 VMs', build: generated(10_000, 50_000), warmupTicks: 10, ticks: 60,
	},
];

/** `stolen`: the machine's steal time so far, in seconds, or undefined where it cannot tell. */
export async function runCase(benchCase: BenchCase, now: () => number, stolen?: () => number | undefined): Promise<CaseResult> {
	const buildStart = now();
	const built = await benchCase.build();
	const buildSeconds = (now() - buildStart) / 1000;
	// The case owns the world it built: it runs in place (a copy would only double what it holds), warm-up first, untimed.
	const {world} = built;
	const timeline = indexTimeline(built.timeline);
	// Events stream to a tally, as a long headless run that only counts them would take them.
	let events = 0;
	const tally = () => {
		events++;
	};

	for (let tick = 0; tick < benchCase.warmupTicks; tick++) {
		stepInPlace(world, timeline.get(world.tick) ?? [], defaultStrategies, tally);
	}

	const start = now();
	const stolenBefore = stolen?.();
	for (let tick = 0; tick < benchCase.ticks; tick++) {
		stepInPlace(world, timeline.get(world.tick) ?? [], defaultStrategies, tally);
	}

	const seconds = (now() - start) / 1000;
	const stolenAfter = stolen?.();
	const {counters} = world;
	return {
		name: benchCase.name,
		hosts: built.world.hosts.length,
		vms: built.world.vms.length,
		ticks: benchCase.ticks,
		seconds,
		buildSeconds,
		stolenSeconds: stolenBefore === undefined || stolenAfter === undefined ? undefined : stolenAfter - stolenBefore,
		events,
		metrics: {energyKWh: counters.energyKWh, migrations: counters.migrationsStarted, ...cloudsimMetrics(counters)},
	};
}

export type MigrationEngineResult = {migrations: number; ticks: number; microsecondsPerTick: number; compareMicroseconds: number};

/**
The migration engine alone: 100 concurrent pre-copy migrations (each host sends one and receives one)
sharing links and advancing every tick, and one teaching comparison of the three modes.
*/
export function migrationEngine(now: () => number): MigrationEngineResult {
	const hosts = Array.from({length: 200}, (_, index) => ({id: `h${index}`, state: 'up' as const, capacity: {networkMbps: 1000}}));
	const hostIndex = new Map(hosts.map((host, index) => [host.id, index]));
	const config = defaultMigrationConfig;
	const start = Array.from({length: 100}, (_, index) => {
		const migration = precopy.begin(blankMigration('precopy', 512 + (index * 8), 16 + index, 2 + (index % 7)), config);
		return {
			...migration, id: `m${index}`, sourceHostId: `h${index}`, destinationHostId: `h${((index * 7) + 13) % 200}`,
		};
	});
	const vmTraffic = hosts.map((_, index) => (index % 5) * 60);
	const ticks = 2000;
	let migrations = start;
	const begin = now();
	for (let tick = 0; tick < ticks; tick++) {
		const caps = migrations.map(migration => precopy.rateCapMiBps(migration, config));
		const rates = migrationRates(migrations, hosts as unknown as Host[], hostIndex, caps, vmTraffic); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- only id, state and capacity.networkMbps are read
		migrations = migrations.map((migration, index) => {
			const next = precopy.advance(migration, {
				rateMiBps: rates[index]!, tickSeconds: 0.1, config, workingSetMiB: 300,
			});
			return next.finished ? {...start[index]!} : next.migration;
		});
	}

	const microsecondsPerTick = (now() - begin) * 1000 / ticks;
	const compareStart = now();
	const repetitions = 1000;
	for (let index = 0; index < repetitions; index++) {
		compareMigrations({
			memoryMiB: 1024, dirtyRateMiBps: 20, wwsMiB: 256, bandwidthMbps: 1000,
		});
	}

	return {
		migrations: start.length, ticks, microsecondsPerTick, compareMicroseconds: (now() - compareStart) * 1000 / repetitions,
	};
}
