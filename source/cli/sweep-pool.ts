/**
`sweep run --jobs N`: the plan's runs over N worker processes (./sweep-worker.ts), each sent the next
index as soon as it finishes one, so a long run never holds the others back. A worker that dies takes
its run with it: the run is recorded as failed and a new worker takes its place.
*/
import {fork, type ChildProcess} from 'node:child_process';
import {dirname, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SweepRun} from '../sweep/plan.js';
import {writeRecord} from './sweep-results.js';
import type {FromWorker, ToWorker} from './sweep-worker.js';

// Beside this module, in its language: tsc's output (dist/sweep/), the bundle (dist/bundle/, an entry of
// its own), or the sources under tsx in tests (the child inherits the parent's --import=tsx).
const modulePath = fileURLToPath(import.meta.url);
const workerPath = join(dirname(modulePath), `sweep-worker${extname(modulePath)}`);

export type PoolOptions = {
	sweepPath: string;
	directory: string;
	runs: readonly SweepRun[];
	jobs: number;
	onRun(run: SweepRun, failed: boolean): void;
};

export async function runPool(options: PoolOptions): Promise<void> {
	const queue = [...options.runs];
	const byIndex = new Map(options.runs.map(run => [run.index, run]));
	let workers = 0;
	await new Promise<void>((resolve, reject) => {
		const start = () => {
			workers++;
			const child: ChildProcess = fork(workerPath, [options.sweepPath, options.directory], {stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json'});
			let current: SweepRun | undefined;
			const next = () => {
				current = queue.shift();
				const message: ToWorker = current ? {index: current.index} : {done: true};
				child.send(message);
			};

			child.on('message', (message: FromWorker) => {
				if ('index' in message) {
					options.onRun(byIndex.get(message.index)!, message.failed);
				}

				next();
			});
			child.on('error', reject);
			child.on('exit', (code, signal) => {
				workers--;
				const lost = current;
				current = undefined;
				void (async () => {
					// A worker stopped by a signal meant for the sweep (Ctrl-C, a batch system's end) was interrupted: its
					// run has no record, so a resumed sweep runs it. One that crashed, or was killed alone, failed.
					const interrupted = signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP';
					if (lost && !interrupted && (code !== 0 || signal !== null)) {
						const {index, id, policy, seed, ticks, parameters, source} = lost;
						await writeRecord(options.directory, {
							version: 1, id, index, policy, seed, ticks, parameters, source, error: `its worker process ended (${signal ?? `exit status ${code}`})`,
						});
						options.onRun(lost, true);
						if (queue.length > 0) {
							start();
						}
					}

					if (!lost && code !== 0 && queue.length > 0) {
						throw new Error(`a sweep worker could not start (${signal ?? `exit status ${code}`})`);
					}

					if (workers === 0) {
						resolve();
					}
				})().catch(reject);
			});
		};

		for (let count = 0; count < Math.min(options.jobs, queue.length); count++) {
			start();
		}

		if (workers === 0) {
			resolve();
		}
	});
}
