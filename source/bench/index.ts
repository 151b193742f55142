/**
`npm run bench`: prints speed and memory figures; asserts nothing. Each case runs in a child process
(`node dist/bench/index.js --case NAME`) so its peak memory is its own.
*/
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import process from 'node:process';
import {summarise} from './repeated.js';
import {wholeProcess} from './whole-process.js';
import type {FrameTimes} from './ui.js';
import {inTerminal, installed, type TerminalProgram} from './terminal.js';
import {
	benchCases, migrationEngine, planetlabCases, planetlabDay, planningRound, runCase, type CaseResult, type MigrationEngineResult, type PlanningResult,
} from './cases.js';

type Measured = CaseResult & {peakRssMiB: number};

/** Runs per PlanetLab case (see `repeated.ts`): the targets of issue 8 are read off the median. */
const planetlabRuns = 3;

async function child(name: string): Promise<void> {
	if (name === 'frames') {
		// Ink loads only here, so that the other cases' peak memory is the simulation's own.
		const {frameTimes} = await import('./ui.js');
		process.stdout.write(JSON.stringify(await frameTimes(() => performance.now())));
		return;
	}

	if (name === 'migration-engine') {
		process.stdout.write(JSON.stringify(migrationEngine(() => performance.now())));
		return;
	}

	if (name === 'planning-round') {
		process.stdout.write(JSON.stringify(planningRound(() => performance.now())));
		return;
	}

	const cases = [...benchCases, ...planetlabCases];
	const benchCase = cases.find(candidate => candidate.name === name);
	if (!benchCase) {
		const known = ['frames', 'migration-engine', 'planning-round', ...cases.map(candidate => candidate.name)];
		process.stderr.write(`bench: no case ${JSON.stringify(name)} (known: ${known.join(', ')})\n`);
		process.exitCode = 2;
		return;
	}

	const result = await runCase(benchCase, () => performance.now(), stolenSeconds);
	const measured: Measured = {...result, peakRssMiB: process.resourceUsage().maxRSS / 1024};
	process.stdout.write(JSON.stringify(measured));
}

/** Linux's steal time so far (`/proc/stat`, both cores, in USER_HZ of 1/100 s), or undefined elsewhere. */
function stolenSeconds(): number | undefined {
	try {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/v);
		const steal = Number(fields[8]);
		return Number.isFinite(steal) ? steal / 100 : undefined;
	} catch {
		return undefined;
	}
}

/** Runs one case in a child of this script (so its peak memory is its own) and reads what it wrote. */
function measured<T>(script: string, name: string): T {
	const output = execFileSync(process.execPath, [script, '--case', name], {encoding: 'utf8', maxBuffer: 1_048_576});
	return JSON.parse(output) as T; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- written by this script's child
}

function format(value: number, digits = 0): string {
	return value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
}

function parent(): void {
	const script = fileURLToPath(import.meta.url);
	const results: Measured[] = [];
	console.log(`sandpiper-tui bench · node ${process.version} · ${process.arch}\n`);
	console.log('case              hosts    VMs     ticks  run s   ticks/s    VM-ticks/s   us/VM-tick  peak MiB  build s');
	for (const benchCase of benchCases) {
		const result = measured<Measured>(script, benchCase.name);
		results.push(result);
		const vmTicks = result.vms * result.ticks;
		console.log([
			result.name.padEnd(16),
			format(result.hosts).padStart(6),
			format(result.vms).padStart(7),
			format(result.ticks).padStart(8),
			format(result.seconds, 3).padStart(7),
			format(result.ticks / result.seconds).padStart(9),
			format(vmTicks / result.seconds).padStart(13),
			format(result.seconds * 1e6 / vmTicks, 3).padStart(11),
			format(result.peakRssMiB, 1).padStart(9),
			format(result.buildSeconds, 2).padStart(8),
		].join(' '));
	}

	const perVmTick = (name: string) => {
		const result = results.find(candidate => candidate.name === name)!;
		return result.seconds / (result.vms * result.ticks);
	};

	const seconds = (name: string) => results.find(candidate => candidate.name === name)!.seconds;
	console.log('\nTargets: 16x35 day < 1 s; 1,000/5,000 >= 200 ticks/s; cost per tick linear in VMs; Sandpiper day < 1.5x the none day.');
	console.log(`Cost per VM-tick, 50,000 VMs over 5,000 VMs: ${format(perVmTick('dc-10000x50000') / perVmTick('dc-1000x5000'), 2)} (1.00 = linear)`);
	console.log(`16x35 day, sandpiper over none: ${format(seconds('day-16x35-sandpiper') / seconds('day-16x35'), 2)}x`);

	// PlanetLab (bench/planetlab): only where ../shared/traces is.
	if (planetlabCases.length === 0) {
		console.log(`\nPlanetLab cases skipped: ${planetlabDay} is absent`);
	} else {
		console.log(`\nPlanetLab day 20110303 (CloudSim's benchmark). Each case runs ${planetlabRuns} times, one process each: run s is the median run,`);
		console.log('then the fastest and the slowest; steal s = CPU time the hypervisor gave other guests during the median run (both cores);');
		console.log('peak MiB is the most any run held; build s = loading traces and placing VMs.');
		console.log('case                      hosts    VMs  ticks   run s  (fastest-slowest)  steal s  build s  peak MiB  energy kWh  migrations  SLATAH    PDM       SLAV        ESV');
		for (const benchCase of planetlabCases) {
			const repeated = summarise(Array.from({length: planetlabRuns}, () => measured<Measured>(script, benchCase.name)));
			const result = repeated.median;
			const metrics = result.metrics!;
			console.log([
				result.name.padEnd(24),
				format(result.hosts).padStart(6),
				format(result.vms).padStart(6),
				format(result.ticks).padStart(6),
				format(result.seconds, 3).padStart(7),
				`(${format(repeated.fastestSeconds, 3)}-${format(repeated.slowestSeconds, 3)})`.padStart(18),
				(result.stolenSeconds === undefined ? '-' : format(result.stolenSeconds, 2)).padStart(8),
				format(result.buildSeconds, 2).padStart(8),
				format(repeated.peakRssMiB, 1).padStart(9),
				format(metrics.energyKWh, 2).padStart(11),
				format(metrics.migrations).padStart(11),
				`${format(metrics.slatah * 100, 2)}%`.padStart(8),
				`${format(metrics.pdm * 100, 3)}%`.padStart(9),
				metrics.slav.toExponential(2).padStart(10),
				metrics.esv.toExponential(2).padStart(10),
			].join(' '));
		}

		console.log('Targets (issue 8, in-process): the 800-host day in under 1 s, the 3,200-host day under 4 s, peak memory under 200 MiB for the 800-host day.');
		wholeProcess(planetlabDay);
	}

	const planning = measured<PlanningResult>(script, 'planning-round');
	const sorted = planning.milliseconds.toSorted((a, b) => a - b);
	const engine = measured<MigrationEngineResult>(script, 'migration-engine');
	console.log(`Migration engine: ${engine.migrations} concurrent pre-copy migrations, link sharing and advance: ${format(engine.microsecondsPerTick / 1000, 3)} ms per tick over ${format(engine.ticks)} ticks (target < 1 ms)`);
	const cliStart = performance.now();
	execFileSync(process.execPath, [fileURLToPath(new URL('../cli.js', import.meta.url)), 'migration', '--format', 'json'], {encoding: 'utf8'});
	console.log(`sandpiper migration: ${format(engine.compareMicroseconds, 1)} us per comparison; the whole command ${format(performance.now() - cliStart, 0)} ms (process start included)`);
	console.log(`Sandpiper planning round, ${format(planning.hosts)} hosts / ${format(planning.vms)} VMs, ${planning.hotHosts} hot: median ${format(sorted[Math.floor(sorted.length / 2)]!, 1)} ms, max ${format(sorted.at(-1)!, 1)} ms over ${sorted.length} rounds (target < 50 ms); ${planning.moves} moves, ${planning.rejections} refusals`);
}

/** The dashboard and its peers, one after another in tmux panes: the figures of issue 20. */
function terminalPrograms(): TerminalProgram[] {
	const cli = fileURLToPath(new URL('../bundle/cli.js', import.meta.url));
	const ours = (columns: number, rows: number, label: string, keys?: string[]): TerminalProgram => ({
		label, command: `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`, columns, rows, ready: screen => screen.includes('policy '), keys,
	});
	// The peers draw their meters first: any text on the screen is their first frame.
	const peer = (command: string, label: string): TerminalProgram => ({
		label, command, columns: 80, rows: 24, ready: screen => screen.trim().length > 0,
	});
	const floor = fileURLToPath(new URL('../bundle/floor/ink-floor.js', import.meta.url));
	return [
		ours(80, 24, 'sandpiper 80x24 1x'),
		ours(120, 40, 'sandpiper 120x40 1x'),
		// Four doublings of the speed: 1x to 16x.
		ours(80, 24, 'sandpiper 80x24 16x', ['+', '+', '+', '+']),
		// What any Ink 6 app pays on this Node before it does any work (./ink-floor.tsx).
		peer(`${JSON.stringify(process.execPath)} ${JSON.stringify(floor)}`, 'ink floor (empty app)'),
		...(installed('htop') ? [peer('htop -d 5', 'htop -d 5, 80x24')] : []),
		...(installed('btop') ? [peer('btop', 'btop, 80x24')] : []),
	];
}

async function dashboard(script: string): Promise<void> {
	const frames = measured<FrameTimes>(script, 'frames');
	console.log(`\nDashboard: median render of one frame ${format(frames.compactMs, 2)} ms compact (80x24), ${format(frames.wideMs, 2)} ms wide (120x40)`);
	const seconds = 20;
	console.log(`In a tmux pane, after 3 s to settle, a steady ${seconds} s (node ${process.version}; an empty Ink app, then htop and btop where installed):`);
	console.log('program                   first frame ms   KB/s written   CPU % of a core   RSS MiB');
	for (const program of terminalPrograms()) {
		// eslint-disable-next-line no-await-in-loop -- one terminal at a time, or they measure each other
		const figures = await inTerminal(program, seconds);
		if (!figures) {
			console.log('Terminal figures skipped: tmux is not installed (apt-get install tmux)');
			return;
		}

		console.log([
			program.label.padEnd(25),
			format(figures.firstFrameMs, 0).padStart(14),
			format(figures.bytesPerSecond / 1000, 2).padStart(14),
			format(figures.cpuShare * 100, 2).padStart(17),
			format(figures.rssMiB, 1).padStart(9),
		].join(' '));
	}

	console.log('Targets (issue 20): 80x24 1x <= 1.0 KB/s, 120x40 <= 2.0 KB/s, 16x <= 4 KB/s; CPU <= 1.5 % and RSS <= 80 MB at 80x24 1x; first frame <= 400 ms.');
}

// Measure what users run: React's production build (it loads later, dynamically, in the cases that need it).
process.env['NODE_ENV'] ??= 'production';
const caseIndex = process.argv.indexOf('--case');
if (process.argv.includes('--whole-process')) {
	// `npm run bench -- --whole-process`: only the PlanetLab day as whole processes.
	if (existsSync(planetlabDay)) {
		wholeProcess(planetlabDay);
	}
} else if (process.argv.includes('--serve')) {
	// `npm run bench -- --serve`: only `sandpiper serve`, a hall of SSH viewers (./serve.ts; its flags for shorter runs there).
	const {serveBench, serveSettings} = await import('./serve.js');
	await serveBench(serveSettings(process.argv));
} else if (process.argv.includes('--sweep')) {
	// `npm run bench -- --sweep`: only the sweep's figures (./sweep.ts).
	const {sweepBench} = await import('./sweep.js');
	await sweepBench();
} else if (process.argv.includes('--plot')) {
	// `npm run bench -- --plot`: only `sandpiper plot`'s figures (./plot.ts).
	const {plotBench} = await import('./plot.js');
	plotBench();
} else if (process.argv.includes('--dashboard')) {
	// `npm run bench -- --dashboard`: only the dashboard's figures, beside htop and btop.
	await dashboard(fileURLToPath(import.meta.url));
} else if (caseIndex === -1) {
	parent();
	await dashboard(fileURLToPath(import.meta.url));
	const {serveBench, fullServeRun} = await import('./serve.js');
	await serveBench(fullServeRun);
	const {sweepBench} = await import('./sweep.js');
	await sweepBench();
	const {plotBench} = await import('./plot.js');
	plotBench();
} else {
	await child(process.argv[caseIndex + 1] ?? '');
}
