/**
`sandpiper serve`: a live lecture over SSH (../serve/). Everything that can be wrong with the input is
found before the port is bound (exit 2): keys, files, the scenario, the address. The server's terminal
shows a log and a status line; q there, SIGTERM, SIGINT or SIGHUP close every connection with a line
saying why, and the server exits 0.
*/
import type {Buffer} from 'node:buffer';
import process from 'node:process';
import type {ServeOptions} from '../options/serve.js';
import {loadScenario} from '../scenario/load-scenario.js';
import {readAuthorizedKeys} from '../serve/authorized-keys.js';
import {loadHostKey} from '../serve/host-key.js';
import {Lecture} from '../serve/lecture.js';
import {ServerLog} from '../serve/server-log.js';
import {LectureServer} from '../serve/server.js';
import {defaultStrategies} from '../strategies.js';
import {safeText} from '../terminal/safe-text.js';
import {atExit, exitWith, onShutdownSignal} from './exit.js';

export async function runServe(options: ServeOptions): Promise<void> {
	const environment = process.env;
	const presenters = options.presentersPath === undefined ? undefined : readAuthorizedKeys(options.presentersPath, 'presenters');
	const viewerKeys = options.viewers.kind === 'keys' ? readAuthorizedKeys(options.viewers.path, 'viewers') : undefined;
	const built = await loadScenario({path: options.scenarioPath, seed: options.seed});
	const hostKey = loadHostKey(options.hostKeyPath, environment);
	const log = new ServerLog(process.stdout, () => new Date());
	const lecture = new Lecture({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, maxForks: options.maxForks,
	});
	const counted = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
	const showStatus = () => {
		const snapshot = lecture.session.getSnapshot();
		const {presenters: presenting, viewers} = server.counts;
		const people = `${counted(presenting, 'presenter')}, ${counted(viewers, 'viewer')}, ${counted(lecture.forkCount, 'fork')}`;
		log.status(`lecture tick ${snapshot.tick} ${snapshot.state.kind} ${snapshot.speed}x · ${people} · q stops`);
	};

	const server = new LectureServer({
		hostKey: hostKey.privateKey,
		access: {presenters, viewers: options.viewers, viewerKeys},
		lecture,
		maxSessions: options.maxSessions,
		idleTimeoutSeconds: options.idleTimeoutSeconds,
		log(line) {
			log.line(line);
		},
		changed: showStatus,
		now: () => Date.now(),
	});
	const address = await server.listen(options.host, options.port);
	const shown = address.host.includes(':') ? `[${address.host}]` : address.host;
	log.line(`listening on ${shown}:${address.port}, scenario ${safeText(built.world.scenarioName)}, seed ${built.world.seed}`);
	log.line(`host key ${hostKey.fingerprint} (${hostKey.generated ? 'new, saved to' : 'from'} ${safeText(hostKey.path)})`);
	const {viewers} = options;
	const who = viewers.kind === 'open' ? 'anyone may watch' : (viewers.kind === 'keys' ? 'viewers by the keys in --viewers' : `viewers with the password in $${viewers.variable}`);
	const target = shown === '0.0.0.0' || shown === '[::]' ? 'THIS-HOST' : shown;
	log.line(`students: ssh -t -p ${address.port} ${target} (${who}); presenters: the same with a key in --presenters (${presenters?.count ?? 0} listed)`);

	let stopping = false;
	const stop = async (why: string) => {
		if (stopping) {
			return;
		}

		stopping = true;
		log.line(`shutting down (${why})`);
		await server.close(`the lecture has ended (${why})`);
		lecture.stop();
		log.close();
		exitWith(0);
	};

	onShutdownSignal(signal => {
		void stop(signal);
	});
	if (process.stdin.isTTY) {
		process.stdin.setRawMode(true);
		atExit(() => {
			process.stdin.setRawMode(false);
		});
		process.stdin.on('data', (data: Buffer) => {
			const text = data.toString('latin1');
			if (text.includes('q') || text.includes('\u0003')) {
				void stop('q on the server');
			}
		});
	}

	lecture.session.subscribe(showStatus);
	server.warmUp();
	lecture.start();
	showStatus();
	await new Promise(() => {
		// Runs until `stop` ends the process.
	});
}
