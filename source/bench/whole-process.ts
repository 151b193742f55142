/**
The PlanetLab day as a researcher times it: the whole command, start-up and output included, each
run a process of its own, beside CloudSim's run of the same day where CLOUDSIM_COMMAND names one (a
shell command; this repository neither holds nor builds CloudSim). Wall time and peak memory come
from GNU time, where it is installed.
*/
import {spawnSync} from 'node:child_process';
import {
	existsSync, mkdtempSync, readFileSync, rmSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const gnuTime = '/usr/bin/time';
const runs = 3;

export type Timed = {seconds: number; peakMiB: number | undefined};

/** Runs `command` with `args` once, its output dropped; wall seconds and peak resident MiB. */
export function timed(command: string, args: readonly string[]): Timed {
	const folder = mkdtempSync(path.join(tmpdir(), 'sandpiper-bench-'));
	const figures = path.join(folder, 'time');
	try {
		const withTime = existsSync(gnuTime);
		const start = performance.now();
		const result = spawnSync(withTime ? gnuTime : command, withTime ? ['-f', '%e %M', '-o', figures, command, ...args] : args, {stdio: ['ignore', 'ignore', 'ignore']});
		const seconds = (performance.now() - start) / 1000;
		if (result.status !== 0) {
			throw new Error(`${command} ${args.join(' ')} ended with status ${String(result.status)}`);
		}

		const kib = withTime ? Number(readFileSync(figures, 'utf8').trim().split(/\s+/v).at(-1)) : Number.NaN;
		return {seconds, peakMiB: Number.isFinite(kib) ? kib / 1024 : undefined};
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}

function median(values: readonly number[]): number {
	return values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function line(label: string, results: readonly Timed[]): string {
	const seconds = results.map(result => result.seconds);
	const peaks = results.flatMap(result => result.peakMiB ?? []);
	const peak = peaks.length > 0 ? `${Math.max(...peaks).toFixed(1)} MiB` : '- (GNU time absent)';
	return `  ${label.padEnd(44)} ${median(seconds).toFixed(2).padStart(6)} s (${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)})  peak ${peak}`;
}

/** Prints the whole-process figures of the PlanetLab day. */
export function wholeProcess(day: string): void {
	const cli = fileURLToPath(new URL('../bundle/cli.js', import.meta.url));
	console.log(`\nWhole process, PlanetLab 20110303 (median of ${runs} runs, fastest-slowest; the summary, the default output of a headless run):`);
	for (const hosts of [800, 3200]) {
		const args = [cli, '--headless', '--trace-dir', day, '--hosts', String(hosts), '--cloudsim', '--format', 'json'];
		console.log(line(`sandpiper, ${hosts} hosts, THR-MMT-0.8`, Array.from({length: runs}, () => timed(process.execPath, args))));
	}

	const cloudsim = process.env['CLOUDSIM_COMMAND'];
	if (cloudsim) {
		console.log(line('CloudSim (CLOUDSIM_COMMAND), once', [timed('/bin/sh', ['-c', cloudsim])]));
	} else {
		console.log('  CloudSim: set CLOUDSIM_COMMAND to a shell command that runs its THR-MMT-0.8 day to time it here');
	}

	console.log('Targets: the 800-host day <= 1.0 s and <= 150 MiB, the 3,200-host day <= 3 s and <= 250 MiB, as whole processes.');
}
