/**
End to end: the built binary in a real terminal (a tmux pane on a private socket), as a person sees
it. The app runs with CI=false inside the pane: with CI set, Ink prints only the last frame.
*/
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root} from '../helpers/cli.js';

function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

// Without tmux these tests are skipped (ava lists them as such); .ci/run installs it.
const run = hasTmux() ? test.serial : test.skip;

/** The app in a pane; after it ends the shell prints `[exit N]`, and everything it wrote is kept in a file. */
class Pane {
	readonly socket = `sandpiper-e2e-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
	readonly output = join(mkdtempSync(join(tmpdir(), 'sandpiper-e2e-')), 'output');

	constructor(columns: number, rows: number) {
		this.tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), `cd ${JSON.stringify(root)} && env CI=false TERM=xterm-256color node dist/cli.js; echo "[exit $?]"; sleep 60`);
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

run('the dashboard at 80x24 answers keys, follows a resize to 120x40, and q exits 0 with the cursor back', async t => {
	const pane = new Pane(80, 24);
	try {
		const first = await pane.until(screen => screen.includes('policy sandpiper') && screen.includes('h16 '), 'the first frame');
		const lines = first.trimEnd().split('\n');
		t.true(lines.length <= 23, `the frame uses ${lines.length} of 24 rows`);
		t.true(lines.every(line => line.length <= 80));
		await pane.until(screen => /tick [1-9]/v.test(screen), 'the clock to run');

		pane.keys('j', 'Enter');
		await pane.until(screen => screen.includes('VMs on h02'), 'the VMs of h02');
		pane.keys('Escape');
		await pane.until(screen => /^h01 /mv.test(screen), 'back to the hosts');
		pane.keys('?');
		await pane.until(screen => screen.includes('Keys (Esc or ? closes)'), 'the help');
		// A key typed right after Escape reaches the app as one Alt chord (as in any terminal): wait between them.
		pane.keys('Escape');
		await pane.until(screen => !screen.includes('Keys (Esc or ? closes)'), 'the help to close');
		pane.keys('Space');
		await pane.until(screen => screen.includes('PAUSED'), 'PAUSED');

		pane.tmux('resize-window', '-t', 'app', '-x', '120', '-y', '40');
		const wide = await pane.until(screen => screen.includes('Hotspot alerts') && screen.includes('Network (N for more)'), 'the wide layout');
		t.true(wide.trimEnd().split('\n').length <= 39);

		pane.keys('q');
		t.is(await pane.exitStatus(), 0);
		t.true(pane.cursorShown(), 'the cursor is visible again');
		t.false(/^h01 /mv.test(pane.screen()), 'the dashboard ran on the alternate screen and left the shell\'s screen as it was');
	} finally {
		pane.close();
	}
});

run('Ctrl-C exits 0 and SIGTERM exits 143, both restoring the cursor', async t => {
	const ctrlC = new Pane(80, 24);
	try {
		await ctrlC.until(screen => screen.includes('policy sandpiper'), 'the first frame');
		await ctrlC.until(() => ctrlC.isRaw(), 'raw mode');
		ctrlC.keys('C-c');
		t.is(await ctrlC.exitStatus(), 0);
		t.true(ctrlC.cursorShown());
	} finally {
		ctrlC.close();
	}

	const term = new Pane(80, 24);
	try {
		await term.until(screen => screen.includes('policy sandpiper'), 'the first frame');
		execFileSync('kill', ['-TERM', term.appPid()]);
		t.is(await term.exitStatus(), 143);
		t.true(term.cursorShown());
	} finally {
		term.close();
	}
});

run('a terminal below 80x24 names the size it needs, and q still quits', async t => {
	const pane = new Pane(60, 20);
	try {
		await pane.until(screen => screen.includes('Terminal too small: 60x20') && screen.includes('Needed: 80x24'), 'the size message');
		pane.keys('q');
		t.is(await pane.exitStatus(), 0);
	} finally {
		pane.close();
	}
});
