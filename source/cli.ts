#!/usr/bin/env node
/**
The command line: flags -> scenario -> a headless run, or the dashboard. The only file that touches
`process` (argv, exit codes, signals, isTTY). Bad input ends in one line on stderr and status 2,
a failure in one line and status 1; never a stack trace.
*/
import {constants, writeFileSync} from 'node:fs';
import {
	access, open, stat, writeFile, type FileHandle,
} from 'node:fs/promises';
import {dirname} from 'node:path';
import process from 'node:process';
import chalk from 'chalk';
import meow from 'meow';
import {writeHeadless, type Write} from './headless-report.js';
import {policyNames} from './policy/registry.js';
import {
	findUnknownFlag, parseEvalOptions, parseMigrationOptions, parseNetworkOptions, parseRunOptions, UsageError, type EvalOptions, type RunOptions,
} from './run-options.js';
import {ScenarioInvalidError, type BuiltScenario} from './scenario/build-world.js';
import {loadScenario} from './scenario/load-scenario.js';
import {ScenarioSyntaxError} from './scenario/parse-scenario.js';
import {ScenarioFileError, demoScenarioPath} from './scenario/read-scenario.js';
import {PlacementError} from './scenario/cloudsim-datacenter.js';
import {TraceError} from './scenario/traces.js';
import {
	readSession, SessionMismatchError, sessionText, withSession,
} from './scenario/session.js';
import type {Session} from './scenario/schema.js';
import type {Command as SimCommand} from './sim/types.js';
import {keymap} from './ui/keymap.js';

const help = `
	Usage
	  $ sandpiper [options]              live dashboard
	  $ sandpiper --headless [options]   run without UI and print a report
	  $ sandpiper eval [options]         every policy on the same seeds, compared
	  $ sandpiper migration [options]    pre-copy, post-copy and stop-and-copy side by side
	  $ sandpiper network [options]      addressing plan and who can reach whom

	Options
	  --scenario FILE   scenario file (default: the bundled 16-server / 35-VM scenario)
	  --seed N          random seed (default: the scenario's)
	  --policy NAME     ${policyNames.join(', ')} (default: the scenario's)
	  --headless        no UI: run --ticks ticks and print a report
	  --ticks N         ticks to run headless (default 3600)
	  --format F        table, json or csv (default table)
	  --output FILE     write the report to FILE instead of stdout
	  --demo            play a walkthrough (default: the bundled 90 s demo; --scenario for another)
	  --record FILE     write every command you give, with its tick, as a session file
	  --replay FILE     play a recorded session back (same scenario and seed)
	  --trace-dir DIR   replay PlanetLab CPU traces (CloudSim's format), one file per VM, in name order
	  --workload-csv F  per-VM series from a CSV (vm,tick,cpu,mem,disk,net) as those VMs' workloads
	  --hosts N         with --trace-dir: CloudSim's benchmark datacenter of N hosts for the traces
	  --vms N           with --hosts: this many VMs (trace files reused in order)
	  --cloudsim        CloudSim parity: THR-MMT-0.8, RAM / (BW / 2) migrations, SLATAH, PDM, SLAV, ESV

	Options of eval
	  --scenario FILE   as above
	  --seeds LIST      seeds to run, as 1-10 or 1,4,9 (default 1-10)
	  --policies LIST   policies to compare (default: all of them)
	  --ticks N         ticks per run (default 3600)
	  --format F        table or json (default table)
	  --output FILE     write the result to FILE
	  --containers      instead: the same workload as VMs and as containers (overhead, density, moves)

	Options of migration (memory in MiB, rates in MiB/s, bandwidth in Mbit/s)
	  --memory N        VM memory (default 1024)
	  --dirty-rate N    dirtying beyond the writable working set (default 20)
	  --wws N           writable working set (default 256)
	  --bandwidth N     link bandwidth (default 1000)
	  --working-set N   working set post-copy faults on (default: the wws)
	  --cloudsim        also CloudSim's estimate, RAM / (BW / 2)
	  --format F        table or json (default table)

	Options of network
	  --scenario FILE   as above
	  --format F        table or json (default table)
	  --output FILE     write the plan to FILE

	Keys
${keymap.map(binding => `	  ${binding.label.padEnd(8)}${binding.help}`).join('\n')}

	Exit status: 0 success, 1 runtime error, 2 bad usage or bad input.
`;

const commands = ['eval', 'migration', 'network'] as const;
type Command = typeof commands[number];
const command = commands.find(name => name === process.argv[2]);

const flags = {
	headless: {type: 'boolean', default: false},
	scenario: {type: 'string'},
	seed: {type: 'string'},
	ticks: {type: 'string'},
	policy: {type: 'string'},
	format: {type: 'string'},
	output: {type: 'string'},
	seeds: {type: 'string'},
	policies: {type: 'string'},
	memory: {type: 'string'},
	dirtyRate: {type: 'string'},
	wws: {type: 'string'},
	bandwidth: {type: 'string'},
	workingSet: {type: 'string'},
	cloudsim: {type: 'boolean', default: false},
	containers: {type: 'boolean', default: false},
	traceDir: {type: 'string'},
	workloadCsv: {type: 'string'},
	demo: {type: 'boolean', default: false},
	record: {type: 'string'},
	replay: {type: 'string'},
	hosts: {type: 'string'},
	vms: {type: 'string'},
} as const;

const commandFlags: Record<'run' | Command, readonly string[]> = {
	run: ['headless', 'scenario', 'seed', 'ticks', 'policy', 'format', 'output', 'traceDir', 'hosts', 'vms', 'cloudsim', 'demo', 'record', 'replay', 'workloadCsv'],
	eval: ['scenario', 'seeds', 'policies', 'ticks', 'format', 'output', 'containers'],
	migration: ['memory', 'dirtyRate', 'wws', 'bandwidth', 'workingSet', 'cloudsim', 'format'],
	network: ['scenario', 'format', 'output'],
};

const unknownFlag = findUnknownFlag(process.argv.slice(command === undefined ? 2 : 3), [...commandFlags[command ?? 'run'], 'help', 'version']);
if (unknownFlag !== undefined) {
	process.stderr.write(`sandpiper: unknown flag ${unknownFlag} (see sandpiper --help)\n`);
	process.exit(2);
}

const cli = meow(help, {importMeta: import.meta, flags, argv: process.argv.slice(command === undefined ? 2 : 3)});

function fail(message: string, code: number): never {
	process.stderr.write(`sandpiper: ${message}\n`);
	process.exit(code);
}

function describeInputError(error: unknown, options: {scenarioPath?: string} | undefined): string | undefined {
	if (error instanceof UsageError || error instanceof ScenarioFileError || error instanceof TraceError || error instanceof PlacementError || error instanceof SessionMismatchError) {
		return error.message;
	}

	if (error instanceof ScenarioSyntaxError || error instanceof ScenarioInvalidError) {
		return `${options?.scenarioPath ?? 'bundled scenario'}: ${error.message}`;
	}

	return undefined;
}

/**
Checks `--output` before any work, so that a long run does not end on a path it cannot write. The file
itself is written at the end: a run that fails leaves none.
*/
async function checkOutputPath(path: string | undefined): Promise<void> {
	if (path === undefined) {
		return;
	}

	const directory = dirname(path);
	const directoryStats = await stat(directory).catch(() => undefined);
	if (!directoryStats?.isDirectory()) {
		throw new UsageError(`--output: cannot write ${path}: no directory ${directory}`);
	}

	const pathStats = await stat(path).catch(() => undefined);
	if (pathStats?.isDirectory()) {
		throw new UsageError(`--output: cannot write ${path}: it is a directory`);
	}

	await access(directory, constants.W_OK).catch(() => {
		throw new UsageError(`--output: cannot write ${path}: permission denied`);
	});
}

async function writeOutput(text: string, path: string | undefined): Promise<void> {
	if (path === undefined) {
		process.stdout.write(text);
	} else {
		await writeFile(path, text);
	}
}

function loadOptions(options: RunOptions, session?: Session) {
	return {
		path: options.scenarioPath ?? (options.demo ? demoScenarioPath : undefined), seed: session?.seed ?? options.seed, policy: options.policy, traceDir: options.traceDir, workloadCsv: options.workloadCsv, hosts: options.hosts, vms: options.vms, cloudsim: options.cloudsim,
	};
}

/** A trace run lasts as long as its longest trace unless --ticks says otherwise. */
function ticksFor(options: RunOptions, built: Awaited<ReturnType<typeof loadScenario>>): number {
	if (options.ticksGiven || options.traceDir === undefined) {
		return options.ticks;
	}

	let samples = 0;
	for (const vm of built.world.vms) {
		for (const shape of vm.workload.shapes) {
			if (shape.kind === 'replay') {
				samples = Math.max(samples, shape.values.length * shape.sampleTicks);
			}
		}
	}

	return samples > 0 ? samples : options.ticks;
}

/** The scenario, with a replayed session's commands in its timeline. */
async function loadRun(options: RunOptions): Promise<BuiltScenario> {
	const session = options.replayPath === undefined ? undefined : await readSession(options.replayPath);
	const built = await loadScenario(loadOptions(options, session));
	return session ? withSession(built, session) : built;
}

async function runHeadless(options: RunOptions): Promise<void> {
	await checkOutputPath(options.outputPath);
	const built = await loadRun(options);
	const ticks = ticksFor(options, built);
	if (options.outputPath === undefined) {
		// Each piece once stdout has taken it: a report can be larger than memory should hold at once.
		await writeHeadless(built, ticks, options.format, async chunk => new Promise((resolve, reject) => {
			process.stdout.write(chunk, error => {
				if (error) {
					reject(error);
				} else {
					resolve();
				}
			});
		}));
		return;
	}

	// The file is opened once the run is over, as before: a run that fails leaves no file behind.
	let file: FileHandle | undefined;
	const write: Write = async chunk => {
		file ??= await open(options.outputPath!, 'w');
		await (typeof chunk === 'string' ? file.write(chunk) : file.write(chunk));
	};

	try {
		await writeHeadless(built, ticks, options.format, write);
	} finally {
		await file?.close();
	}
}

async function runEval(options: EvalOptions): Promise<void> {
	const [{readScenario, defaultScenarioPath}, {buildScenario}, {evaluate}, {formatEvaluationJson, formatEvaluationTable}, {defaultStrategies}] = await Promise.all([
		import('./scenario/read-scenario.js'),
		import('./scenario/load-scenario.js'),
		import('./report/evaluation.js'),
		import('./report/format-evaluation.js'),
		import('./strategies.js'),
	]);
	const scenario = await readScenario(options.scenarioPath ?? defaultScenarioPath);
	if (options.containers) {
		const [{compareContainers}, {formatContainersJson, formatContainersTable}] = await Promise.all([import('./report/containers.js'), import('./report/format-containers.js')]);
		const comparison = compareContainers(buildScenario(scenario, {}), defaultStrategies, options.ticks);
		await writeOutput(options.format === 'json' ? formatContainersJson(comparison) : formatContainersTable(comparison), options.outputPath);
		return;
	}

	const evaluation = evaluate({
		seeds: options.seeds,
		policies: options.policies,
		ticks: options.ticks,
		strategies: defaultStrategies,
		build: (seed, policy) => buildScenario(scenario, {seed, policy}),
	});
	const output = options.format === 'json' ? formatEvaluationJson(evaluation) : formatEvaluationTable(evaluation);
	if (options.outputPath === undefined) {
		process.stdout.write(output);
	} else {
		await writeFile(options.outputPath, output);
	}
}

async function runDashboard(options: RunOptions): Promise<void> {
	// Ink and React load only here, while the scenario loads: importing Ink costs about half a second,
	// which headless runs skip.
	const modules = Promise.all([import('ink'), import('react'), import('./app.js'), import('./strategies.js')]);
	const built = await loadRun(options);
	if (options.demo && !built.demo) {
		throw new UsageError(`${options.scenarioPath ?? 'the scenario'} has no demo section: --demo needs a walkthrough script`);
	}

	// `isTTY` is undefined, not false, when stdin is not a terminal, and useInput throws unless given a real false.
	const isInteractive = Boolean(process.stdin.isTTY);
	// Not `incrementalRendering`: in Ink 6.8 it rewinds one row too few when a frame ends in a newline,
	// so every update lands a row lower and old lines pile up above (ink#909, fixed only in Ink 7, which
	// needs Node 22). The standard renderer rewrites the frame inside a synchronized-update block.
	const [{render}, {createElement}, {App}, {defaultStrategies}] = await modules;
	// The alternate screen, as htop, btop and k9s use: the dashboard starts at the top of a clean
	// screen whatever was printed before it (npm's banner), and the shell's screen comes back on exit.
	const alternateScreen = Boolean(process.stdout.isTTY);
	const leaveAlternateScreen = () => {
		if (alternateScreen) {
			process.stdout.write('\u001B[?1049l');
		}
	};

	if (alternateScreen) {
		process.stdout.write('\u001B[?1049h\u001B[H');
		process.once('exit', leaveAlternateScreen);
	}

	const recorded: Array<{tick: number; command: SimCommand}> = [];
	if (options.recordPath !== undefined) {
		const path = options.recordPath;
		// Written on exit, whatever ends the session (q, Ctrl-C, SIGTERM).
		process.once('exit', () => {
			writeFileSync(path, sessionText(built.world.scenarioName, built.world.seed, recorded));
		});
	}

	const instance = render(
		createElement(App, {
			world: built.world,
			timeline: built.timeline,
			strategies: defaultStrategies,
			isInteractive,
			initialSpeed: built.demo?.speed,
			demo: options.demo ? built.demo : undefined,
			onCommands: options.recordPath === undefined
				? undefined
				: (tick, commands) => {
					recorded.push(...commands.map(command => ({tick, command})));
				},
			onRestart() {
				recorded.length = 0;
			},
		}),
		{maxFps: 15, patchConsole: false, exitOnCtrlC: true},
	);
	// Our own SIGTERM listener stops signal-exit from re-raising, so this handler exits itself.
	process.once('SIGTERM', () => {
		instance.unmount();
		process.exit(143);
	});
	// The alternate screen is left on 'exit', after Ink's last write (it repaints the final frame as it unmounts).
	await instance.waitUntilExit();
}

// A reader that stops early (`sandpiper network | head`) closes the pipe: that ends the run quietly, as in
// any Unix tool, instead of an unhandled 'error' event and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(0);
	}

	fail(`cannot write the output: ${error.message}`, 1);
});

async function main(): Promise<void> {
	// React and Ink load later (dynamically); without this they would run their development builds,
	// which cost several times the CPU per frame.
	process.env['NODE_ENV'] ??= 'production';
	let options: {scenarioPath?: string} | undefined;
	try {
		if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') {
			chalk.level = 0;
		}

		if (cli.input.length > 0) {
			throw new UsageError(`unexpected argument ${JSON.stringify(cli.input[0])} (see sandpiper --help)`);
		}

		if (command === 'migration') {
			const migrationOptions = parseMigrationOptions(cli.flags);
			const [{compareMigrations}, {formatMigrationJson, formatMigrationTable}] = await Promise.all([import('./migration/compare.js'), import('./report/format-migration.js')]);
			const comparison = compareMigrations(migrationOptions);
			process.stdout.write(migrationOptions.format === 'json' ? formatMigrationJson(comparison, migrationOptions.cloudsim) : formatMigrationTable(migrationOptions, comparison, migrationOptions.cloudsim));
			return;
		}

		if (command === 'network') {
			const networkOptions = parseNetworkOptions(cli.flags);
			options = networkOptions;
			await checkOutputPath(networkOptions.outputPath);
			const [{networkPlan}, {formatNetworkJson, formatNetworkTable}] = await Promise.all([import('./report/network-plan.js'), import('./report/format-network.js')]);
			const built = await loadScenario({path: networkOptions.scenarioPath});
			const plan = networkPlan(built.world);
			await writeOutput(networkOptions.format === 'json' ? formatNetworkJson(plan) : formatNetworkTable(plan), networkOptions.outputPath);
			return;
		}

		if (command === 'eval') {
			const evalOptions = parseEvalOptions(cli.flags);
			options = evalOptions;
			await checkOutputPath(evalOptions.outputPath);
			await runEval(evalOptions);
			return;
		}

		let runOptions = parseRunOptions(cli.flags);
		options = runOptions;
		if (runOptions.demo && !process.stdout.isTTY) {
			throw new UsageError('--demo needs a terminal: stdout is not one');
		}

		if (!runOptions.headless && !process.stdout.isTTY) {
			process.stderr.write('sandpiper: stdout is not a terminal; running headless (pass --headless to silence this note)\n');
			runOptions = {...runOptions, headless: true};
		}

		await (runOptions.headless ? runHeadless(runOptions) : runDashboard(runOptions));
		process.exitCode = 0;
	} catch (error) {
		const inputError = describeInputError(error, options);
		if (inputError !== undefined) {
			fail(inputError, 2);
		}

		fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 1);
	}
}

await main();
