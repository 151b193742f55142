/**
Every way out of the program, in one place: the end of main, q, Ctrl-C, SIGINT, SIGTERM, SIGHUP and an
internal error all run the same clean-ups (restore the terminal, remove a half-written output) before
the process ends. Clean-ups run last-registered first, so what was set up last is undone first.
*/
import process from 'node:process';
import {safeText} from '../terminal/safe-text.js';
import {removeUnfinishedFiles} from './sink.js';

const signalNumbers = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15} as const;
type HandledSignal = keyof typeof signalNumbers;

const cleanups: Array<() => void> = [];
let interruptHandler: (() => void) | undefined;
let shutdownHandler: ((signal: string) => void) | undefined;
let terminalGone = false;

/** Runs `cleanup` on the way out, however the program ends (synchronous: it may run inside 'exit'). */
export function atExit(cleanup: () => void): void {
	cleanups.push(cleanup);
}

function runCleanups(): void {
	for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
		try {
			cleanup();
		} catch {
			// One clean-up failing must not keep the others from running.
		}
	}
}

/**
SIGTERM, SIGINT and SIGHUP call `handler` instead of ending the program, once (a server closes its
connections first, then exits 0); the same signal again ends it at once.
*/
export function onShutdownSignal(handler: (signal: string) => void): void {
	shutdownHandler = handler;
}

/** The first Ctrl-C calls `handler` instead of ending the program (a headless run stops and reports); a second one ends it. */
export function onInterrupt(handler: () => void): void {
	interruptHandler = handler;
}

/** Writes one line to stderr (outside text made safe), unless the terminal has hung up. */
export function say(message: string): void {
	if (!terminalGone) {
		process.stderr.write(`sandpiper: ${safeText(message)}\n`);
	}
}

export function exitWith(code: number): never {
	runCleanups();
	// This is the CLI's one way out; every caller has written its line and cleaned up.
	process.exit(code); // eslint-disable-line unicorn/no-process-exit
}

/** One line on stderr, then out with `code`: 2 for bad usage or input, 1 for a failure. */
export function fail(message: string, code: number): never {
	say(message);
	exitWith(code);
}

function onSignal(signal: HandledSignal): void {
	if (signal === 'SIGHUP') {
		// The terminal is gone (a closed window, a dropped SSH link): nothing more can be shown on it.
		terminalGone = true;
	}

	if (shutdownHandler) {
		const handler = shutdownHandler;
		shutdownHandler = undefined;
		handler(signal);
		return;
	}

	if (signal === 'SIGINT' && interruptHandler) {
		const handler = interruptHandler;
		interruptHandler = undefined;
		handler();
		return;
	}

	exitWith(128 + signalNumbers[signal]);
}

export function installExitHandlers(): void {
	for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			onSignal(signal);
		});
	}

	// Without a listener, SIGUSR1 would open Node's inspector on a port, over the dashboard.
	process.on('SIGUSR1', () => undefined);
	// Registered first, so it runs last: any temporary output file a clean-up did not remove.
	atExit(removeUnfinishedFiles);
	// `process.exit` anywhere (meow's --help, Ink) still cleans up.
	process.on('exit', runCleanups);
	const internalError = (error: unknown) => {
		fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 1);
	};

	process.on('uncaughtException', internalError);
	process.on('unhandledRejection', internalError);
	// A reader that stops early (`sandpiper network | head`) closes the pipe: that ends the run quietly,
	// as in any Unix tool. A terminal that hung up has nothing left to tell.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || terminalGone) {
			exitWith(terminalGone ? 129 : 0);
		}

		fail(`cannot write the output: ${error.message}`, 1);
	});
	process.stderr.on('error', () => {
		terminalGone = true;
	});
}
