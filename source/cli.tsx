#!/usr/bin/env node
/**
The command line: flags -> scenario -> a headless run, a report, or the dashboard (./cli/main.ts). With
./cli/ the only code that touches `process` (argv, exit codes, signals, isTTY). Bad input ends in one
line on stderr and status 2, a failure in one line and status 1; never a stack trace. Every way out
goes through ./cli/exit.ts, which restores the terminal and removes half-written output.
*/
import module from 'node:module';
import process from 'node:process';

// Node 22.1 and later keep the compiled code of what loads below between runs (Node 20 has no such
// cache): so everything else is imported after this line, dynamically.
const enableCompileCache: unknown = Reflect.get(module, 'enableCompileCache');
if (typeof enableCompileCache === 'function') {
	Reflect.apply(enableCompileCache, module, []);
}

// React and Ink load later (dynamically); without this they would run their development builds,
// which cost several times the CPU per frame.
process.env['NODE_ENV'] ??= 'production';
const {fail, installExitHandlers, say} = await import('./cli/exit.js');
const {failureOf, main} = await import('./cli/main.js');
installExitHandlers();
try {
	await main(process.argv.slice(2), say);
} catch (error) {
	const {message, code} = failureOf(error);
	fail(message, code);
}
