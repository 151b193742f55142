/**
The live dashboard from the shell: the alternate screen, Ink, and a --record session saved as it goes.
Loaded only for the dashboard: importing Ink and React costs about half a second, which headless runs
skip. Every way out (q, Ctrl-C, a signal, an internal error) unmounts Ink (raw mode off, cursor shown)
and then leaves the alternate screen, through the clean-ups of ./exit.ts.
*/
import process from 'node:process';
import {render} from 'ink';
import {createElement} from 'react';
import {App} from '../app.js';
import {UsageError, type RunOptions} from '../run-options.js';
import type {Command} from '../sim/types.js';
import {defaultStrategies} from '../strategies.js';
import {cellStdout} from './cell-stdout.js';
import {atExit, exitWith, say} from './exit.js';
import {loadRun} from './load-run.js';
import {Recording} from './recording.js';

function startRecording(path: string, header: ConstructorParameters<typeof Recording>[1]): Recording {
	try {
		return new Recording(path, header);
	} catch (error) {
		throw new UsageError(`--record: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

export async function runDashboard(options: RunOptions, program: string): Promise<void> {
	const {built, loaded} = await loadRun(options, program);
	if (options.demo && !built.demo) {
		throw new UsageError(`${options.scenarioPath ?? 'the scenario'} has no demo section: --demo needs a walkthrough script`);
	}

	const recording = options.recordPath === undefined
		? undefined
		: startRecording(options.recordPath, {
			scenario: built.world.scenarioName, seed: built.world.seed, scenarioHash: loaded.inputHash(), program,
		});
	// `isTTY` is undefined, not false, when stdin is not a terminal, and useInput throws unless given a real false.
	const isInteractive = Boolean(process.stdin.isTTY);
	// The alternate screen, as htop, btop and k9s use: the dashboard starts at the top of a clean screen
	// whatever was printed before it (npm's banner), and the shell's screen comes back on the way out.
	if (process.stdout.isTTY) {
		process.stdout.write('\u001B[?1049h\u001B[H');
		atExit(() => {
			// The cursor too: a signal can come between Ink hiding it and Ink showing it again.
			process.stdout.write('\u001B[?25h\u001B[?1049l');
		});
	}

	// On a terminal, frames go through a writer that sends only the cells that changed (./cell-stdout.ts).
	// Ink's debug mode writes every render, so the frame rate is the session clock's (10 a second at most),
	// not Ink's maxFps.
	const terminal = process.stdout.isTTY ? {stdout: cellStdout(process.stdout), debug: true} : {};
	const instance = render(
		createElement(App, {
			world: built.world,
			timeline: built.timeline,
			strategies: defaultStrategies,
			isInteractive,
			initialSpeed: built.demo?.speed,
			demo: options.demo ? built.demo : undefined,
			onCommands: recording
				? (tick: number, commands: readonly Command[]) => {
					recording.add(tick, commands);
				}
				: undefined,
			onRestart() {
				recording?.restart();
			},
		}),
		{patchConsole: false, exitOnCtrlC: true, ...terminal},
	);
	// Registered after the alternate screen's, so it runs before it: Ink repaints its last frame as it unmounts.
	atExit(() => {
		instance.unmount();
	});
	try {
		await instance.waitUntilExit();
	} finally {
		if (recording?.error) {
			say(`the recording could not be saved to ${options.recordPath}: ${recording.error.message}`);
			exitWith(1);
		}
	}
}
