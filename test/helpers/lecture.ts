/**
A lecture of `sandpiper serve` for the in-process tests: the bundled scenario on a manual clock (no
test waits on the wall clock), and a server of it with the defaults a test does not care about.
*/
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {loadHostKey} from '../../source/serve/host-key.js';
import {Lecture} from '../../source/serve/lecture.js';
import {LectureServer, type ServerOptions} from '../../source/serve/server.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {temporaryFolder} from './temporary.js';

/** The bundled scenario started on a manual clock (`policy` none unless given). */
export async function manualLecture(options: {maxForks?: number; policy?: string} = {}) {
	const built = await loadScenario({policy: options.policy ?? 'none'});
	const clock = createManualTickSource();
	const lecture = new Lecture({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, maxForks: options.maxForks ?? 1, clock,
	});
	lecture.start();
	return {lecture, clock};
}

/** A server of `lecture`: a host key of its own, open viewers, nothing logged unless `overrides` say so. */
export function testServer(lecture: Lecture, overrides: Partial<ServerOptions> = {}): LectureServer {
	return new LectureServer({
		hostKey: loadHostKey(undefined, {XDG_STATE_HOME: temporaryFolder('sandpiper-serve-state-')}).privateKey,
		access: {presenters: undefined, viewers: {kind: 'open'}, viewerKeys: undefined},
		lecture,
		maxSessions: 1,
		idleTimeoutSeconds: 0,
		log() {
			// Nothing to see.
		},
		changed() {
			// Nothing to show.
		},
		now: () => 0,
		...overrides,
	});
}
