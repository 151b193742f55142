/**
The report commands (`eval`, `network`, `migration`): each result is text, written whole through a sink
(./sink.ts), so --output is replaced only once the new report is complete.
*/
import type {EvalOptions, MigrationOptions, NetworkOptions} from '../run-options.js';
import {atExit} from './exit.js';
import {checkWritablePath} from './paths.js';
import {fileSink, stdoutSink} from './sink.js';

export async function writeReport(text: string, path: string | undefined): Promise<void> {
	const sink = path === undefined ? stdoutSink() : await fileSink(path);
	atExit(() => {
		sink.abort();
	});
	await sink.write(text);
	await sink.commit();
}

export async function runEval(options: EvalOptions): Promise<void> {
	await checkWritablePath('output', options.outputPath);
	const [{readScenario, defaultScenarioPath, labelled}, {buildScenario}, {evaluate}, {formatEvaluationJson, formatEvaluationTable}, {defaultStrategies}] = await Promise.all([
		import('../scenario/read-scenario.js'),
		import('../scenario/load-scenario.js'),
		import('../report/evaluation.js'),
		import('../report/format-evaluation.js'),
		import('../strategies.js'),
	]);
	if (options.traceDir !== undefined) {
		await evalTraces(options);
		return;
	}

	const path = options.scenarioPath ?? defaultScenarioPath;
	const scenario = await readScenario(path);
	// Built once here, so that a scenario that cannot be built is named by its file before any run.
	const built = labelled(path, () => buildScenario(scenario, {}));
	if (options.containers) {
		const [{compareContainers}, {formatContainersJson, formatContainersTable}] = await Promise.all([import('../report/containers.js'), import('../report/format-containers.js')]);
		const comparison = compareContainers(built, defaultStrategies, options.ticks);
		await writeReport(options.format === 'json' ? formatContainersJson(comparison) : formatContainersTable(comparison), options.outputPath);
		return;
	}

	const evaluation = evaluate({
		seeds: options.seeds,
		policies: options.policies,
		ticks: options.ticks,
		strategies: defaultStrategies,
		build: (seed, policy) => buildScenario(scenario, {seed, policy}),
	});
	await writeReport(options.format === 'json' ? formatEvaluationJson(evaluation) : formatEvaluationTable(evaluation), options.outputPath);
}

/** Every policy on a trace day (CloudSim's datacenter with --hosts), as long as its traces unless --ticks says. */
async function evalTraces(options: EvalOptions): Promise<void> {
	const [{prepareScenario}, {evaluate}, {formatEvaluationJson, formatEvaluationTable}, {defaultStrategies}, {traceTicks}] = await Promise.all([
		import('../scenario/load-scenario.js'),
		import('../report/evaluation.js'),
		import('../report/format-evaluation.js'),
		import('../strategies.js'),
		import('../scenario/trace-ticks.js'),
	]);
	const prepared = await prepareScenario({
		path: options.scenarioPath, traceDir: options.traceDir, hosts: options.hosts, vms: options.vms,
	});
	const first = prepared.build();
	const evaluation = evaluate({
		seeds: options.seeds,
		policies: options.policies,
		ticks: options.ticksGiven ? options.ticks : traceTicks(first, options.ticks),
		strategies: defaultStrategies,
		build: (seed, policy) => prepared.build({seed, policy}),
	});
	await writeReport(options.format === 'json' ? formatEvaluationJson(evaluation) : formatEvaluationTable(evaluation), options.outputPath);
}

export async function runNetwork(options: NetworkOptions): Promise<void> {
	await checkWritablePath('output', options.outputPath);
	const [{networkPlan}, {formatNetworkJson, formatNetworkTable}, {loadScenario}] = await Promise.all([import('../report/network-plan.js'), import('../report/format-network.js'), import('../scenario/load-scenario.js')]);
	const built = await loadScenario({path: options.scenarioPath});
	const plan = networkPlan(built.world);
	await writeReport(options.format === 'json' ? formatNetworkJson(plan) : formatNetworkTable(plan), options.outputPath);
}

export async function runMigration(options: MigrationOptions): Promise<void> {
	const [{compareMigrations}, {formatMigrationJson, formatMigrationTable}] = await Promise.all([import('../migration/compare.js'), import('../report/format-migration.js')]);
	const comparison = compareMigrations(options);
	await writeReport(options.format === 'json' ? formatMigrationJson(comparison, options.cloudsim) : formatMigrationTable(options, comparison, options.cloudsim), undefined);
}
