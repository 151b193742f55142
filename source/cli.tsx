#!/usr/bin/env node
/**
The command line: flags -> scenario -> a headless run, a report, or the dashboard (./cli/main.ts). With
./cli/ the only code that touches `process` (argv, exit codes, signals, isTTY). Bad input ends in one
line on stderr and status 2, a failure in one line and status 1; never a stack trace. Every way out
goes through ./cli/exit.ts, which restores the terminal and removes half-written output.
*/
import process from 'node:process';
import {fail, installExitHandlers, say} from './cli/exit.js';
import {failureOf, main} from './cli/main.js';

// React and Ink load later (dynamically); without this they would run their development builds,
// which cost several times the CPU per frame.
process.env['NODE_ENV'] ??= 'production';
installExitHandlers();
try {
	await main(process.argv.slice(2), say);
} catch (error) {
	const {message, code} = failureOf(error);
	fail(message, code);
}
