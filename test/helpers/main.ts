/**
The command line's `main` in-process, what it writes to standard output captured: the work of a
`node dist/cli.js` run without a process for it. What only a process shows (the exit status, the line on
stderr, --help's exit) stays with `runCli` (./cli.ts).
*/
import {Buffer} from 'node:buffer';
import {fstatSync} from 'node:fs';
import process from 'node:process';
import {main} from '../../source/cli/main.js';

/** `code` is the status the entry would end with once main resolves: process.exitCode, or 0. */
export type MainResult = {code: number; stdout: string; notes: string[]};

/** Runs take turns: standard output is one stream, so two captures at once would mix. */
let turn: Promise<unknown> = Promise.resolve();

async function capture(words: readonly string[]): Promise<MainResult> {
	// The sink writes to a file descriptor 1 that is a file directly, past the stream (see cli/sink.ts).
	if (fstatSync(1).isFile()) {
		throw new Error('runMain: standard output is a file, which the capture cannot see');
	}

	let stdout = '';
	const notes: string[] = [];
	const {write} = process.stdout;
	const {exitCode} = process;
	process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
		stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const done = rest.find(argument => typeof argument === 'function');
		if (done) {
			process.nextTick(done);
		}

		return true;
	};

	let code: number;
	try {
		await main(words, message => {
			notes.push(message);
		});
		code = Number(process.exitCode ?? 0);
	} finally {
		process.stdout.write = write;
		process.exitCode = exitCode;
	}

	return {code, stdout, notes};
}

/** `main(words)` in this process: its status, what it wrote to stdout and the notes it gave; it rejects with what main throws. */
export async function runMain(words: readonly string[]): Promise<MainResult> {
	const run = turn.then(async () => capture(words));
	turn = run.catch(() => undefined);
	return run;
}
