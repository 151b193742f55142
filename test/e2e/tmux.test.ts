/**
End to end: the built binary in a real terminal (a tmux pane on a private socket), as a person sees it.
*/
import {execFileSync} from 'node:child_process';
import {Pane, run} from '../helpers/pane.js';

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
