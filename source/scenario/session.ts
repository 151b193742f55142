/**
Recorded sessions (`--record`, `--replay`): the commands a user gave, with the tick each took effect,
for a scenario and seed. Replaying them on the same scenario and seed reproduces the run exactly: the
core is deterministic, and keys are commands like a timeline's.
*/
import type {TimedCommand} from '../sim/run.js';
import type {Command} from '../sim/types.js';
import type {BuiltScenario} from './build-world.js';
import {parseWith} from './parse-scenario.js';
import {readScenarioText} from './read-scenario.js';
import {sessionSchema, type Session} from './schema.js';

export class SessionMismatchError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SessionMismatchError';
	}
}

export async function readSession(path: string): Promise<Session> {
	return parseWith(sessionSchema, await readScenarioText(path));
}

/** The session file for what was recorded. */
export function sessionText(scenario: string, seed: number, timeline: ReadonlyArray<{tick: number; command: Command}>): string {
	return `${JSON.stringify({
		version: 1, scenario, seed, timeline,
	}, null, '\t')}\n`;
}

/** The scenario's timeline with the session's commands after its own at the same tick, as they ran. */
export function withSession(built: BuiltScenario, session: Session): BuiltScenario {
	if (session.scenario !== built.world.scenarioName) {
		throw new SessionMismatchError(`the session was recorded on scenario ${session.scenario}, not ${built.world.scenarioName} (pass its --scenario)`);
	}

	const timeline: TimedCommand[] = [...built.timeline, ...session.timeline]
		.map((entry, index) => ({entry, index}))
		.toSorted((a, b) => (a.entry.tick - b.entry.tick) || (a.index - b.index))
		.map(({entry}): TimedCommand => entry);
	return {...built, timeline};
}
