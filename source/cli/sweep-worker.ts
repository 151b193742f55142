/**
A worker process of `sweep run --jobs N` (./sweep-pool.ts forks it): reads the sweep, then runs the indices
it is sent one at a time, writes each record and says how it went. Its own entry, so that the parent's
command line never grows a hidden mode.
*/
import process from 'node:process';
import {readSweep} from '../sweep/read-sweep.js';
import {runOne} from '../sweep/run-one.js';
import {defaultStrategies} from '../strategies.js';
import {writeRecord} from './sweep-results.js';

export type ToWorker = {index: number} | {done: true};
export type FromWorker = {ready: true} | {index: number; failed: boolean};

const [sweepPath, directory] = process.argv.slice(2);
const {plan, resolve} = await readSweep(sweepPath!);
const send = (message: FromWorker) => process.send!(message);
process.on('message', (message: ToWorker) => {
	if ('done' in message) {
		process.disconnect();
		return;
	}

	void (async () => {
		const record = await runOne(plan.runs[message.index]!, resolve, defaultStrategies);
		await writeRecord(directory!, record);
		send({index: message.index, failed: 'error' in record});
	})();
});
send({ready: true});
