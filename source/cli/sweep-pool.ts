/**
`sweep run --jobs N`: the plan's runs over N worker processes (./sweep-worker.ts), each sent the next run
as soon as it finishes one, so a long run never holds the others back.

A worker that crashes takes its run with it: the run is recorded as failed and a new worker takes the
queue on. A worker stopped by a signal (Ctrl-C, a batch system's end, a kill aimed at it) was
interrupted: its run gets no record, so running the sweep again runs it, and the command ends with an
error that says so. The workers end with the command, however it ends.
*/
import {fork, type ChildProcess} from 'node:child_process';
import {dirname, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SweepRun} from '../sweep/plan.js';
import {atExit} from './exit.js';
import {writeRecord} from './sweep-results.js';
import type {FromWorker, ToWorker} from './sweep-worker.js';

// Beside this module, in its language: tsc's output (dist/cli/), the bundle (dist/bundle/, an entry of
// its own), or the sources under tsx in tests (the child inherits the parent's --import=tsx).
const modulePath = fileURLToPath(import.meta.url);
const workerPath = join(dirname(modulePath), `sweep-worker${extname(modulePath)}`);

export type PoolOptions = {
	/** Where the sweep file is: its runs' paths are relative to it. */
	base: string;
	directory: string;
	runs: readonly SweepRun[];
	jobs: number;
	onRun(run: SweepRun, failed: boolean): void;
};

/** How many runs were interrupted (they have no record). */
export type PoolResult = {interrupted: number};

/** Ends by a signal, or by the status the worker's own signal handler exits with (128 + N). */
function interruptedBy(code: number | null, signal: NodeJS.Signals | null): boolean {
	return signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP' || code === 129 || code === 130 || code === 143;
}

export async function runPool(options: PoolOptions): Promise<PoolResult> {
	const queue = [...options.runs];
	const children = new Set<ChildProcess>();
	// SIGKILL: a worker hears a signal only between runs, and a run may take minutes. What it can leave is
	// a temporary file (merge and resume pass over it), never a half-written record.
	atExit(() => {
		for (const child of children) {
			child.kill('SIGKILL');
		}
	});
	let interrupted = 0;
	let failedToStart: string | undefined;
	await new Promise<void>((resolve, reject) => {
		const start = () => {
			const child: ChildProcess = fork(workerPath, [], {stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json'});
			children.add(child);
			let current: SweepRun | undefined;
			let ready = false;
			const next = () => {
				current = queue.shift();
				const message: ToWorker = current ? {run: current, directory: options.directory, base: options.base} : {done: true};
				child.send(message, undefined, {}, () => undefined);
			};

			child.on('message', (message: FromWorker) => {
				ready = true;
				if ('index' in message && current) {
					options.onRun(current, message.failed);
				}

				next();
			});
			child.on('error', reject);
			child.on('exit', (code, signal) => {
				children.delete(child);
				const lost = current;
				current = undefined;
				void (async () => {
					if (lost && interruptedBy(code, signal)) {
						interrupted++;
					} else if (lost && (code !== 0 || signal !== null)) {
						const {index, id, policy, seed, ticks, parameters, source} = lost;
						await writeRecord(options.directory, {
							version: 1, id, index, policy, seed, ticks, parameters, source, error: `its worker process ended (${signal ?? `exit status ${code}`})`,
						});
						options.onRun(lost, true);
					} else if (!ready && code !== 0) {
						failedToStart = signal ?? `exit status ${code}`;
					}

					// The queue goes on with a new worker, unless workers cannot even start.
					if (queue.length > 0 && failedToStart === undefined && children.size < options.jobs) {
						start();
					}

					if (children.size === 0) {
						if (failedToStart === undefined) {
							resolve();
						} else {
							reject(new Error(`a sweep worker could not start (${failedToStart})`));
						}
					}
				})().catch(reject);
			});
		};

		for (let count = 0; count < Math.min(options.jobs, queue.length); count++) {
			start();
		}

		if (children.size === 0) {
			resolve();
		}
	});
	return {interrupted};
}
