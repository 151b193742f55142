/**
Whole programs in a real terminal (a tmux pane of a given size), measured as a user would see them:
spawn to first frame, then a steady stretch of bytes written to the terminal, CPU share of one core
and resident memory. The dashboard and its peers (htop, btop) run one after another in the same
bench, so their figures compare on this noisy machine where absolute ones do not.
*/
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {cpuTicks, rssMiB, ticksPerSecond} from './proc.js';

export type TerminalProgram = {
	readonly label: string;
	/** A shell command line, run in the pane. */
	readonly command: string;
	readonly columns: number;
	readonly rows: number;
	/** The pane shows the program's first frame. */
	readonly ready: (screen: string) => boolean;
	/** Keys (tmux names) typed once the first frame is up, such as "+" for a faster speed. */
	readonly keys?: readonly string[];
};

export type TerminalFigures = {
	firstFrameMs: number; bytesPerSecond: number; cpuShare: number; rssMiB: number;
};

export function installed(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0;
}

async function sleep(milliseconds: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, milliseconds);
	});
}

/** Runs `program` for a settling 3 s and then `seconds` more; undefined without tmux. */
export async function inTerminal(program: TerminalProgram, seconds: number): Promise<TerminalFigures | undefined> {
	if (!installed('tmux')) {
		return undefined;
	}

	const socket = `sandpiper-bench-${process.pid}-${program.columns}`;
	const output = join(mkdtempSync(join(tmpdir(), 'sandpiper-bench-')), 'output');
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	try {
		const start = performance.now();
		// `exec`, so the pane's process is the program itself and /proc figures are its own.
		tmux('new-session', '-d', '-s', 'bench', '-x', String(program.columns), '-y', String(program.rows), `exec env CI=false TERM=xterm-256color ${program.command}`);
		tmux('pipe-pane', '-o', '-t', 'bench', `cat >> ${JSON.stringify(output)}`);
		let firstFrameMs = Number.NaN;
		for (let waited = 0; waited < 10_000; waited += 5) {
			if (program.ready(tmux('capture-pane', '-p', '-t', 'bench'))) {
				firstFrameMs = performance.now() - start;
				break;
			}

			// eslint-disable-next-line no-await-in-loop -- polling the terminal
			await sleep(5);
		}

		const pid = tmux('display-message', '-p', '-t', 'bench', '#{pane_pid}').trim();
		for (const key of program.keys ?? []) {
			tmux('send-keys', '-t', 'bench', key);
		}

		// Let start-up and the JIT settle: the figures are for a program that runs.
		await sleep(3000);
		const bytesBefore = statSync(output).size;
		const ticksBefore = cpuTicks(pid);
		await sleep(seconds * 1000);
		return {
			firstFrameMs,
			bytesPerSecond: (statSync(output).size - bytesBefore) / seconds,
			cpuShare: (cpuTicks(pid) - ticksBefore) / ticksPerSecond / seconds,
			rssMiB: rssMiB(pid),
		};
	} finally {
		try {
			tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}
