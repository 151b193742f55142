/**
A worker process of `sweep run --jobs N` (./sweep-pool.ts forks it): runs the runs it is sent, one at a
time, writes each record and says how it went. It never reads the sweep file: the parent sends each run
whole, so the runs are the plan the parent checked, even if the file changes meanwhile. Its own entry, so
that the parent's command line never grows a hidden mode.
*/
import process from 'node:process';
import type {SweepRun} from '../sweep/plan.js';
import {resolvedPath} from '../sweep/read-sweep.js';
import {runOne} from '../sweep/run-one.js';
import {defaultStrategies} from '../strategies.js';
import {installExitHandlers} from './exit.js';
import {writeRecord} from './sweep-results.js';

export type ToWorker = {run: SweepRun; directory: string; base: string} | {done: true};
export type FromWorker = {ready: true} | {index: number; failed: boolean};

// Signals remove a record still being written, and end the worker with 128 + N; an error is one line.
installExitHandlers();
// The parent is gone (killed alone, or ended): nothing will come, and nothing can be said.
process.on('disconnect', () => {
	process.exit(0);
});
const send = (message: FromWorker) => {
	process.send?.(message, undefined, {}, () => undefined);
};

process.on('message', (message: ToWorker) => {
	if ('done' in message) {
		process.disconnect();
		return;
	}

	void (async () => {
		const record = await runOne(message.run, path => resolvedPath(message.base, path), defaultStrategies);
		await writeRecord(message.directory, record);
		send({index: message.run.index, failed: 'error' in record});
	})();
});
send({ready: true});
