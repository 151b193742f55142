/**
The dashboard's figures: render time per frame (in process), and, in a real terminal (a tmux pane),
bytes written per second, CPU share of one core and time to the first frame at default speed.
*/
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import process from 'node:process';
import {createElement} from 'react';
import {renderToString} from 'ink';
import {loadScenario} from '../scenario/load-scenario.js';
import {runTicks} from '../sim/run.js';
import {defaultStrategies} from '../strategies.js';
import {Dashboard} from '../ui/components/dashboard.js';
import {buildScreen} from '../ui/screen.js';
import {initialUiState} from '../ui/ui-state.js';

export type FrameTimes = {compactMs: number; wideMs: number};

function median(values: number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export async function frameTimes(now: () => number, repetitions = 200): Promise<FrameTimes> {
	const {world, timeline} = await loadScenario();
	const {world: after, events} = runTicks(world, defaultStrategies, {ticks: 700, timeline});
	const screen = buildScreen(after, initialUiState, events, defaultStrategies, undefined);
	const time = (columns: number, rows: number) => {
		const samples: number[] = [];
		for (let index = 0; index < repetitions; index++) {
			const start = now();
			renderToString(createElement(Dashboard, {screen, size: {columns, rows}}), {columns});
			samples.push(now() - start);
		}

		return median(samples);
	};

	return {compactMs: time(80, 24), wideMs: time(120, 40)};
}

export type TerminalFigures = {columns: number; rows: number; firstFrameMs: number; bytesPerSecond: number; cpuShare: number};

function tmuxAvailable(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

function cpuTicks(pid: string): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
	return Number(fields[11]) + Number(fields[12]);
}

async function sleep(milliseconds: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, milliseconds);
	});
}

/** Runs the built dashboard in a tmux pane of this size for `seconds` at default speed. */
export async function inTerminal(columns: number, rows: number, seconds: number): Promise<TerminalFigures | undefined> {
	if (!tmuxAvailable()) {
		return undefined;
	}

	const root = fileURLToPath(new URL('../../', import.meta.url));
	const socket = `sandpiper-bench-${process.pid}-${columns}`;
	const output = join(mkdtempSync(join(tmpdir(), 'sandpiper-bench-')), 'output');
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	try {
		const start = performance.now();
		tmux('new-session', '-d', '-s', 'bench', '-x', String(columns), '-y', String(rows), `cd ${JSON.stringify(root)} && exec env CI=false TERM=xterm-256color node dist/cli.js`);
		tmux('pipe-pane', '-o', '-t', 'bench', `cat >> ${JSON.stringify(output)}`);
		let firstFrameMs = Number.NaN;
		for (let waited = 0; waited < 10_000; waited += 5) {
			if (tmux('capture-pane', '-p', '-t', 'bench').includes('policy ')) {
				firstFrameMs = performance.now() - start;
				break;
			}

			// eslint-disable-next-line no-await-in-loop -- polling the terminal
			await sleep(5);
		}

		const pid = tmux('display-message', '-p', '-t', 'bench', '#{pane_pid}').trim();
		// Let start-up and the JIT settle: the figures are for a dashboard that runs.
		await sleep(3000);
		const bytesBefore = statSync(output).size;
		const ticksBefore = cpuTicks(pid);
		await sleep(seconds * 1000);
		const bytes = statSync(output).size - bytesBefore;
		const cpu = (cpuTicks(pid) - ticksBefore) / 100;
		return {
			columns, rows, firstFrameMs, bytesPerSecond: bytes / seconds, cpuShare: cpu / seconds,
		};
	} finally {
		try {
			tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}
