/**
Connections that never open a dashboard are not kept: one that has not opened one within the grace time
is closed (the timer driven by hand here), and only so many may wait at once beyond the dashboards.
*/
import {Buffer} from 'node:buffer';
import {connect, type Socket} from 'node:net';
import test from 'ava';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {loadHostKey} from '../../source/serve/host-key.js';
import {Lecture} from '../../source/serve/lecture.js';
import {LectureServer, pendingAllowed} from '../../source/serve/server.js';
import {defaultStrategies} from '../../source/strategies.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {temporaryFolder} from '../helpers/temporary.js';

async function started() {
	const built = await loadScenario({policy: 'none'});
	const lecture = new Lecture({
		world: built.world, timeline: built.timeline, strategies: defaultStrategies, maxForks: 1,
	});
	const timers = createManualTickSource();
	const logged: string[] = [];
	const server = new LectureServer({
		hostKey: loadHostKey(undefined, {XDG_STATE_HOME: temporaryFolder('sandpiper-serve-state-')}).privateKey,
		access: {presenters: undefined, viewers: {kind: 'open'}, viewerKeys: undefined},
		lecture,
		maxSessions: 2,
		idleTimeoutSeconds: 0,
		log(line) {
			logged.push(line);
		},
		changed() {
			// Nothing to show.
		},
		now: () => 0,
		timers,
	});
	const {port} = await server.listen('127.0.0.1', 0);
	return {
		server, port, timers, logged, lecture,
	};
}

/** A TCP client that never speaks SSH: it reads the server's banner and waits. */
async function silent(port: number): Promise<{socket: Socket; banner: Promise<string>; closed: Promise<void>}> {
	const socket = connect(port, '127.0.0.1');
	const banner = new Promise<string>(resolve => {
		socket.once('data', (data: Uint8Array) => {
			resolve(Buffer.from(data).toString('latin1'));
		});
	});
	const closed = new Promise<void>(resolve => {
		socket.once('close', () => {
			resolve();
		});
	});
	socket.on('error', () => undefined);
	await new Promise(resolve => {
		socket.once('connect', resolve);
	});
	return {socket, banner, closed};
}

test('a connection that opens no dashboard within the grace time is closed', async t => {
	const {server, port, timers, logged} = await started();
	const client = await silent(port);
	const banner = await client.banner;
	t.true(banner.startsWith('SSH-2.0-sandpiper'));
	t.is(timers.pending(), 1);
	timers.fire();
	await client.closed;
	t.true(logged.some(line => line.endsWith('closed, no dashboard after 30 s')));
	await server.close('test over');
});

test(`at most ${pendingAllowed} connections may wait without a dashboard; the next is turned away at once`, async t => {
	const {server, port, logged} = await started();
	const waiting = [];
	for (let index = 0; index < pendingAllowed; index++) {
		const client = await silent(port); // eslint-disable-line no-await-in-loop -- one after another, so the server counts them in order
		await client.banner; // eslint-disable-line no-await-in-loop
		waiting.push(client);
	}

	const turnedAway = await silent(port);
	await turnedAway.closed;
	t.true(logged.some(line => line.includes('turned away')));
	t.is(waiting.filter(client => client.socket.destroyed).length, 0, 'those waiting are still connected');
	for (const client of waiting) {
		client.socket.destroy();
	}

	await server.close('test over');
});
