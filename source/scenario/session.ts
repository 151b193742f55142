/**
Recorded sessions (`--record`, `--replay`): the commands a user gave, with the tick each took effect,
for a scenario and seed. Replaying them on the same scenario and seed reproduces the run exactly: the
core is deterministic, and keys are commands like a timeline's. A session also keeps a hash of the
run's inputs and the program's version, so that a replay on a changed scenario is refused, not run
differently without a word.
*/
import type {TimedCommand} from '../sim/run.js';
import type {Command} from '../sim/types.js';
import {knownPolicies} from '../policy/registry.js';
import {checkTimedCommands, ScenarioInvalidError, type BuiltScenario} from './build-world.js';
import {labelled, readScenarioText} from './read-scenario.js';
import type {Session} from './schema.js';

export class SessionMismatchError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SessionMismatchError';
	}
}

export type SessionHeader = {
	scenario: string;
	seed: number;
	/** SHA-256 of the run's inputs (./input-hash.ts). */
	scenarioHash: string;
	/** The sandpiper version that recorded it. */
	program: string;
};

export async function readSession(path: string): Promise<Session> {
	const text = await readScenarioText(path, 'session');
	// Loaded here, not above: the command line imports this module's error, and a run without a session needs no zod.
	const [{parseWith}, {sessionSchema}] = await Promise.all([import('./parse-scenario.js'), import('./schema.js')]);
	return labelled(path, () => parseWith(sessionSchema, text));
}

/** The session file for what was recorded. */
export function sessionText(header: SessionHeader, timeline: ReadonlyArray<{tick: number; command: Command}>): string {
	return `${JSON.stringify({
		version: 1, scenario: header.scenario, seed: header.seed, scenarioHash: header.scenarioHash, program: header.program, timeline,
	}, null, '\t')}\n`;
}

export type ReplayCheck = {
	/** The hash of the inputs the replay would run on. */
	scenarioHash: string;
	/** This program's version. */
	program: string;
	/** Replay even if the hash or the version differs. */
	force: boolean;
};

/** Why the session cannot be replayed on `built`, or undefined. A session from before hashes were kept is checked by name only. */
export function replayRefusal(built: BuiltScenario, session: Session, check: ReplayCheck): string | undefined {
	if (session.scenario !== built.world.scenarioName) {
		return `the session was recorded on scenario ${session.scenario}, not ${built.world.scenarioName} (pass its --scenario)`;
	}

	if (check.force) {
		return undefined;
	}

	if (session.scenarioHash !== undefined && session.scenarioHash !== check.scenarioHash) {
		return `scenario ${session.scenario} has changed since the session was recorded (its inputs hash to ${check.scenarioHash.slice(0, 12)}, not ${session.scenarioHash.slice(0, 12)}); the replay would differ: --force replays it anyway`;
	}

	if (session.program !== undefined && session.program !== check.program) {
		return `the session was recorded by sandpiper ${session.program}, this is ${check.program}; the replay may differ: --force replays it anyway`;
	}

	return undefined;
}

/**
The scenario's timeline with the session's commands after its own at the same tick, as they ran. The
session's commands are checked exactly as a scenario's timeline is (ids, policy names, networks).
*/
export function withSession(built: BuiltScenario, session: Session, check: ReplayCheck): BuiltScenario {
	const refusal = replayRefusal(built, session, check);
	if (refusal !== undefined) {
		throw new SessionMismatchError(refusal);
	}

	const issues = checkTimedCommands(built.world, session.timeline, knownPolicies, 'timeline');
	if (issues.length > 0) {
		throw new ScenarioInvalidError(issues);
	}

	const timeline: TimedCommand[] = [...built.timeline, ...session.timeline]
		.map((entry, index) => ({entry, index}))
		.toSorted((a, b) => (a.entry.tick - b.entry.tick) || (a.index - b.index))
		.map(({entry}): TimedCommand => entry);
	return {...built, timeline};
}
