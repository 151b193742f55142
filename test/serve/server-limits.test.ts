/**
Connections that never open a dashboard are not kept: one that has not opened one within the grace time
is closed (the timer driven by hand here), and only so many may wait at once beyond the dashboards.
*/
import {Buffer} from 'node:buffer';
import {connect, type Socket} from 'node:net';
import test from 'ava';
import {pendingAllowed} from '../../source/serve/server.js';
import {createManualTickSource} from '../../source/ui/tick-source.js';
import {manualLecture, testServer} from '../helpers/lecture.js';

async function started() {
	const {lecture} = await manualLecture();
	const timers = createManualTickSource();
	const logged: string[] = [];
	const server = testServer(lecture, {
		maxSessions: 2,
		log(line) {
			logged.push(line);
		},
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
