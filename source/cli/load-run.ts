/**
The run the flags ask for: the scenario (or a traced datacenter), with a replayed session's commands
in its timeline once the session is checked against it.
*/
import type {RunOptions} from '../run-options.js';
import type {BuiltScenario} from '../scenario/build-world.js';
import {loadScenario, type LoadedScenario} from '../scenario/load-scenario.js';
import {demoScenarioPath, labelled} from '../scenario/read-scenario.js';
import {readSession, withSession} from '../scenario/session.js';
import {traceTicks} from '../scenario/trace-ticks.js';

export type LoadedRun = {
	built: BuiltScenario;
	/** The scenario as loaded, before a session joined it (for the recording's header). */
	loaded: LoadedScenario;
};

export async function loadRun(options: RunOptions, program: string): Promise<LoadedRun> {
	const session = options.replayPath === undefined ? undefined : await readSession(options.replayPath);
	const loaded = await loadScenario({
		path: options.scenarioPath ?? (options.demo ? demoScenarioPath : undefined),
		seed: session?.seed ?? options.seed,
		policy: options.policy,
		traceDir: options.traceDir,
		workloadCsv: options.workloadCsv,
		hosts: options.hosts,
		vms: options.vms,
		cloudsim: options.cloudsim,
	});
	const built = session ? labelled(options.replayPath!, () => withSession(loaded, session, {scenarioHash: loaded.inputHash(), program, force: options.force})) : loaded;
	return {built, loaded};
}

/** A trace run lasts as long as its longest trace unless --ticks says otherwise. */
export function ticksFor(options: RunOptions, built: BuiltScenario): number {
	if (options.ticksGiven || options.traceDir === undefined) {
		return options.ticks;
	}

	return traceTicks(built, options.ticks);
}

