#!/usr/bin/env node
/**
The command line: flags -> scenario -> a headless run, a report, or the dashboard. With ./cli/ the only
code that touches `process` (argv, exit codes, signals, isTTY). Bad input ends in one line on stderr and
status 2, a failure in one line and status 1; never a stack trace. Every way out goes through
./cli/exit.ts, which restores the terminal and removes half-written output.
*/
import process from 'node:process';
import chalk from 'chalk';
import meow from 'meow';
import {
	commandFlags, commands, flags, help,
} from './cli/help.js';
import {fail, installExitHandlers} from './cli/exit.js';
import {checkWritablePath} from './cli/paths.js';
import {OutputError} from './cli/sink.js';
import {
	findUnknownFlag, parseEvalOptions, parseMigrationOptions, parseNetworkOptions, parseRunOptions, UsageError,
} from './run-options.js';
import {ScenarioInvalidError} from './scenario/build-world.js';
import {PlacementError} from './scenario/cloudsim-datacenter.js';
import {ScenarioSyntaxError} from './scenario/parse-scenario.js';
import {ScenarioFileError} from './scenario/read-scenario.js';
import {SessionMismatchError} from './scenario/session.js';
import {TraceError} from './scenario/traces.js';

/** Errors whose message tells the user what to change in their input: exit 2. */
const inputErrors = [UsageError, ScenarioFileError, ScenarioSyntaxError, ScenarioInvalidError, TraceError, PlacementError, SessionMismatchError];

/** Meow's flags, or a UsageError: it throws (with a stack) for a flag given twice. */
function parseFlags(argv: readonly string[]) {
	try {
		return meow(help, {importMeta: import.meta, flags, argv: [...argv]});
	} catch (error) {
		const twice = /^The flag --(?<flag>[\w\-]+) can only be set once/v.exec(error instanceof Error ? error.message : '');
		if (twice) {
			throw new UsageError(`--${twice.groups!['flag']!}: given more than once; give each flag once`);
		}

		throw error;
	}
}

async function main(): Promise<void> {
	const command = commands.find(name => name === process.argv[2]);
	const argv = process.argv.slice(command === undefined ? 2 : 3);
	const unknownFlag = findUnknownFlag(argv, [...commandFlags[command ?? 'run'], 'help', 'version']);
	if (unknownFlag !== undefined) {
		throw new UsageError(`unknown flag ${unknownFlag} (see sandpiper --help)`);
	}

	const cli = parseFlags(argv);
	if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') {
		chalk.level = 0;
	}

	if (cli.input.length > 0) {
		throw new UsageError(`unexpected argument ${JSON.stringify(cli.input[0])} (see sandpiper --help)`);
	}

	switch (command) {
		case 'migration': {
			const options = parseMigrationOptions(cli.flags);
			const {runMigration} = await import('./cli/reports.js');
			await runMigration(options);
			return;
		}

		case 'network': {
			const options = parseNetworkOptions(cli.flags);
			const {runNetwork} = await import('./cli/reports.js');
			await runNetwork(options);
			return;
		}

		case 'eval': {
			const options = parseEvalOptions(cli.flags);
			const {runEval} = await import('./cli/reports.js');
			await runEval(options);
			return;
		}

		case undefined: {
			break;
		}
	}

	let options = parseRunOptions(cli.flags);
	// Before any work: a session must not end on a recording it cannot save.
	await checkWritablePath('record', options.recordPath);
	if (options.demo && !process.stdout.isTTY) {
		throw new UsageError('--demo needs a terminal: stdout is not one');
	}

	if (!options.headless && !process.stdout.isTTY) {
		process.stderr.write('sandpiper: stdout is not a terminal; running headless (pass --headless to silence this note)\n');
		options = {...options, headless: true};
	}

	if (options.headless && options.recordPath !== undefined) {
		throw new UsageError('--record saves the commands given at the dashboard; a headless run takes none (--replay plays a session headless)');
	}

	const program = cli.pkg.version ?? 'unknown';
	if (options.headless) {
		const {runHeadless} = await import('./cli/headless.js');
		await runHeadless(options, program);
	} else {
		const {runDashboard} = await import('./cli/dashboard.js');
		await runDashboard(options, program);
	}
}

// React and Ink load later (dynamically); without this they would run their development builds,
// which cost several times the CPU per frame.
process.env['NODE_ENV'] ??= 'production';
installExitHandlers();
try {
	await main();
} catch (error) {
	if (error instanceof Error && inputErrors.some(type => error instanceof type)) {
		fail(error.message, 2);
	}

	if (error instanceof OutputError) {
		fail(error.message, 1);
	}

	fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 1);
}
