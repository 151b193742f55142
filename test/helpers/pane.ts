/**
The built binary in a real terminal (a tmux pane on a private socket), as a person sees it, for the
end-to-end tests. The app runs with CI=false inside the pane: with CI set, Ink prints only the last frame.
*/
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root} from './cli.js';
import {temporaryFolder} from './temporary.js';

export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

// Without tmux these tests are skipped (ava lists them as such); .ci/run installs it.
export const run = hasTmux() ? test.serial : test.skip;

/** The app in a pane; after it ends the shell prints `[exit N]`, and everything it wrote is kept in a file. */
export class Pane {
	readonly socket = `sandpiper-e2e-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
	readonly output = join(temporaryFolder('sandpiper-e2e-'), 'output');

	/** `args` are the program's, as shell words (quoted by the caller where needed); the program is the built CLI unless named (`ssh`). */
	constructor(columns: number, rows: number, args = '', program = 'node dist/cli.js') {
		const command = `cd ${JSON.stringify(root)} && env CI=false TERM=xterm-256color ${program} ${args}; echo "[exit $?]"; sleep 60`;
		this.tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), command);
		this.tmux('pipe-pane', '-o', '-t', 'app', `cat >> ${JSON.stringify(this.output)}`);
	}

	/** The app's process (the pane's shell's child). */
	appPid(): string {
		const shell = this.display('#{pane_pid}');
		return execFileSync('ps', ['-o', 'pid=', '--ppid', shell], {encoding: 'utf8'}).trim().split('\n')[0]!.trim();
	}

	async exitStatus(): Promise<number> {
		const screen = await this.until(current => /\[exit \d+\]/v.test(current), 'the app to end');
		return Number(/\[exit (\d+)\]/v.exec(screen)![1]);
	}

	/** Whether the last cursor change the app wrote showed the cursor (ESC[?25h after any ESC[?25l). */
	cursorShown(): boolean {
		const written = readFileSync(this.output, 'latin1');
		return written.lastIndexOf('\u001B[?25h') > written.lastIndexOf('\u001B[?25l');
	}

	/** Whether the last alternate-screen switch the app wrote left it (ESC[?1049l after any ESC[?1049h). */
	leftAlternateScreen(): boolean {
		const written = readFileSync(this.output, 'latin1');
		return written.lastIndexOf('\u001B[?1049l') > written.lastIndexOf('\u001B[?1049h');
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', 'app');
	}

	keys(...keys: string[]): void {
		for (const key of keys) {
			this.tmux('send-keys', '-t', 'app', key);
		}
	}

	/**
	Whether the app has put its terminal in raw mode. Until it has, Ctrl-C is still the terminal's SIGINT for
	the whole foreground group, which takes the pane's shell (and with it the tmux server) down too.
	*/
	isRaw(): boolean {
		const settings = execFileSync('stty', ['-F', this.display('#{pane_tty}'), '-a'], {encoding: 'utf8'});
		return /(?:^|\s)-isig(?:\s|$)/v.test(settings);
	}

	display(format: string): string {
		return this.tmux('display-message', '-p', '-t', 'app', format).trim();
	}

	async until(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
		const start = Date.now();
		let screen = '';
		while (Date.now() - start < timeoutMs) {
			screen = this.screen();
			if (predicate(screen)) {
				return screen;
			}

			// eslint-disable-next-line no-await-in-loop -- polling the terminal
			await new Promise(resolve => {
				setTimeout(resolve, 50);
			});
		}

		throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
	}

	close(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}

