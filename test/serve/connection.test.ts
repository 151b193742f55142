/**
One connection over a channel that can fill up, as a slow client's does: frames for it are dropped while
it is full (nothing queues behind it), and once it drains it gets the latest frame whole.
*/
import {EventEmitter} from 'node:events';
import test from 'ava';
import type {ServerChannel} from 'ssh2';
import {Connection} from '../../source/serve/connection.js';
import {SharedFrames} from '../../source/serve/shared-frames.js';
import {manualLecture} from '../helpers/lecture.js';
import {turns, turnsUntil} from '../helpers/turns.js';

/** What the connection uses of an ssh2 channel, with a buffer that fills when told to. */
class SlowChannel extends EventEmitter { // eslint-disable-line unicorn/prefer-event-target -- as ssh2's channel is
	readonly written: string[] = [];
	full = false;
	ended = false;

	write(data: string): boolean {
		this.written.push(data);
		return !this.full;
	}

	exit(): void {
		// The status goes with the end.
	}

	end(): void {
		this.ended = true;
	}
}

test('a full channel gets no frames until it drains, then the latest one whole; the end says why and leaves the alternate screen', async t => {
	const {lecture, clock} = await manualLecture();
	const channel = new SlowChannel();
	let ended = false;
	const connection = new Connection({
		channel: channel as unknown as ServerChannel,
		columns: 80,
		rows: 24,
		lecture,
		shared: new SharedFrames(),
		role: 'viewer',
		idleTimeoutSeconds: 0,
		log() {
			// Nothing to see.
		},
		onEnd() {
			ended = true;
		},
	});
	const all = () => channel.written.join('');
	await turnsUntil(() => all().includes('tick 0 '), 'the first frame');
	t.true(all().startsWith('\u001B[?1049h'), 'on the alternate screen');
	// Only the cells that changed go out: the frame of tick 1 is a few characters.
	const before = channel.written.length;
	clock.fire();
	await turnsUntil(() => channel.written.length > before, 'the frame of tick 1');
	channel.full = true;
	clock.fire();
	await turns(3);
	const whenFull = channel.written.length;
	for (let tick = 0; tick < 5; tick++) {
		clock.fire();
		await turns(2); // eslint-disable-line no-await-in-loop -- each tick drawn before the next
	}

	t.is(channel.written.length, whenFull, 'nothing more is written while the channel is full');
	channel.full = false;
	channel.emit('drain');
	await turns(2);
	const afterDrain = channel.written.slice(whenFull).join('');
	t.true(afterDrain.includes('\u001B[2J'), 'the screen is drawn whole');
	t.true(afterDrain.includes('tick 7 '), 'with the latest frame');
	t.false(afterDrain.includes('tick 3 '), 'none of those missed');
	connection.end('the lecture has ended (test)');
	t.true(ended);
	t.true(channel.ended);
	t.true(all().endsWith('\u001B[?25h\u001B[?1049lsandpiper: the lecture has ended (test)\r\n'));
	lecture.stop();
});
