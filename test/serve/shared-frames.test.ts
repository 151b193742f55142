/**
Frames built once per distinct view: connections of one role and size that have not pressed a key share
one rendered view; a view nobody follows any more is ended.
*/
import test from 'ava';
import {SharedFrames} from '../../source/serve/shared-frames.js';
import {manualLecture} from '../helpers/lecture.js';
import {turns, turnsUntil} from '../helpers/turns.js';

test('followers of one role and size share one view and each gets every frame; another size is another view; the last to leave ends it', async t => {
	const {lecture, clock} = await manualLecture();
	const shared = new SharedFrames();
	const frames: string[][] = [[], [], []];
	const view = (columns: number, rows: number) => ({
		session: lecture.session, columns, rows, standing: 'VIEWER',
	});
	const into = (list: string[]) => (frame: string) => {
		list.push(frame);
	};

	const stops = [
		shared.follow(view(80, 24), into(frames[0]!)),
		shared.follow(view(80, 24), into(frames[1]!)),
		shared.follow(view(120, 40), into(frames[2]!)),
	];
	t.is(shared.count, 2);
	await turnsUntil(() => frames.every(list => list.length > 0), 'the first frames');
	clock.fire();
	await turnsUntil(() => frames[0]!.some(frame => frame.includes('tick 1 ')), 'the frame of tick 1');
	t.deepEqual(frames[0], frames[1], 'the same frames, rendered once');
	t.true(frames[0]!.at(-1)!.startsWith('00:00:01 tick 1'));
	t.true(frames[2]!.at(-1)!.includes('Hotspot alerts'), 'the wide layout at 120x40');
	t.false(frames[0]!.at(-1)!.includes('Hotspot alerts'));
	// A late follower gets the latest frame at once.
	const late: string[] = [];
	stops.push(shared.follow(view(80, 24), into(late)));
	t.is(late.length, 1);
	for (const stop of stops) {
		stop();
	}

	await turns(2);
	t.is(shared.count, 0);
	lecture.stop();
});
