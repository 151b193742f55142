/**
The command line's work: flags -> a command, run. The entry (../cli.tsx) calls it and turns what it
throws into one line and an exit status; tests call it in-process for the bad-input table.
*/
import {availableParallelism} from 'node:os';
import process from 'node:process';
import chalk from 'chalk';
import meow from 'meow';
import {
	findUnknownFlag, parseEvalOptions, parseMigrationOptions, parseNetworkOptions, parsePlotOptions, parseRunOptions, parseServeOptions, parseSweepOptions, UsageError,
} from '../run-options.js';
import {ScenarioInvalidError} from '../scenario/build-world.js';
import {PlacementError} from '../scenario/cloudsim-datacenter.js';
import {ScenarioSyntaxError} from '../scenario/syntax-error.js';
import {ScenarioFileError} from '../scenario/read-scenario.js';
import {SessionMismatchError} from '../scenario/session.js';
import {TraceError} from '../scenario/traces.js';
import {PlotInputError} from '../plot/plot-input-error.js';
import {OutputError} from './sink.js';
import {FailedRunsError} from './sweep-failure.js';
import {checkWritablePath} from './paths.js';
import {programVersion} from './version.js';
import {
	commandFlags, commands, flags, help,
} from './help.js';

/** Errors whose message tells the user what to change in their input: exit 2. */
const inputErrors = [UsageError, ScenarioFileError, ScenarioSyntaxError, ScenarioInvalidError, TraceError, PlacementError, SessionMismatchError, PlotInputError];

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

/**
The command the words ask for, run. Bad input throws before any work (see `failureOf`); `note` takes
the lines said on the way that are not errors.
*/
export async function main(words: readonly string[], note: (message: string) => void): Promise<void> {
	const command = commands.find(name => name === words[0]);
	const argv = words.slice(command === undefined ? 0 : 1);
	const unknownFlag = findUnknownFlag(argv, [...commandFlags[command ?? 'run'], 'help', 'version']);
	if (unknownFlag !== undefined) {
		throw new UsageError(`unknown flag ${unknownFlag} (see sandpiper --help)`);
	}

	const cli = parseFlags(argv);
	if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') {
		chalk.level = 0;
	}

	if (takesArguments(command)) {
		await runWithArguments(command, cli);
		return;
	}

	if (cli.input.length > 0) {
		throw new UsageError(`unexpected argument ${JSON.stringify(cli.input[0])} (see sandpiper --help)`);
	}

	switch (command) {
		case 'migration': {
			const options = parseMigrationOptions(cli.flags);
			const {runMigration} = await import('./reports.js');
			await runMigration(options);
			return;
		}

		case 'network': {
			const options = parseNetworkOptions(cli.flags);
			const {runNetwork} = await import('./reports.js');
			await runNetwork(options);
			return;
		}

		case 'serve': {
			const options = parseServeOptions(cli.flags, process.env);
			const {runServe} = await import('./serve.js');
			await runServe(options);
			return;
		}

		case 'eval': {
			const options = parseEvalOptions(cli.flags);
			const {runEval} = await import('./reports.js');
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
		note('stdout is not a terminal; running headless (pass --headless to silence this note)');
		options = {...options, headless: true};
	}

	if (options.headless && options.recordPath !== undefined) {
		throw new UsageError('--record saves the commands given at the dashboard; a headless run takes none (--replay plays a session headless)');
	}

	const program = programVersion();
	if (options.headless) {
		const {runHeadless} = await import('./headless.js');
		await runHeadless(options, program);
	} else {
		const {runDashboard} = await import('./dashboard.js');
		await runDashboard(options, program);
	}
}

/** The commands that take arguments besides their flags: a sweep's action and file, plot's input. */
function takesArguments(command: string | undefined): command is 'sweep' | 'plot' {
	return command === 'sweep' || command === 'plot';
}

async function runWithArguments(command: 'sweep' | 'plot', cli: ReturnType<typeof parseFlags>): Promise<void> {
	if (command === 'sweep') {
		const options = parseSweepOptions(cli.input, cli.flags, process.env, availableParallelism());
		const {runSweep} = await import('./sweep.js');
		await runSweep(options);
		return;
	}

	const options = parsePlotOptions(cli.input, cli.flags, process.stdout.isTTY);
	const {runPlot} = await import('./plot.js');
	await runPlot(options);
}

/** What an error ends the program with: its one line, and 2 for bad usage or input, 1 for a failure. */
export function failureOf(error: unknown): {message: string; code: 1 | 2} {
	if (error instanceof Error && inputErrors.some(type => error instanceof type)) {
		return {message: error.message, code: 2};
	}

	if (error instanceof OutputError || error instanceof FailedRunsError) {
		return {message: error.message, code: 1};
	}

	return {message: `internal error: ${error instanceof Error ? error.message : String(error)}`, code: 1};
}
