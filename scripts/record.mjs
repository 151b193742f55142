#!/usr/bin/env node
/**
`npm run record`: records the bundled walkthrough (`sandpiper --demo`) with asciinema at 80x24 into
docs/demo.cast, then renders docs/demo.svg from it with svg-term-cli (fetched by npx). asciinema
needs a terminal, so the recording runs in a detached tmux pane of exactly 80x24.
*/
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, rmSync, statSync} from 'node:fs';
import process from 'node:process';

const cast = 'docs/demo.cast';
const svg = 'docs/demo.svg';

function has(command, versionFlag = '--version') {
	return spawnSync(command, [versionFlag], {stdio: 'ignore'}).status === 0;
}

if (!has('asciinema')) {
	process.stderr.write('record: asciinema is not installed. On Debian or Ubuntu: sudo apt-get install asciinema; elsewhere: pipx install asciinema (https://docs.asciinema.org/getting-started/)\n');
	process.exit(1);
}

if (!has('tmux', '-V')) {
	process.stderr.write('record: tmux is not installed (asciinema needs a terminal of 80x24). On Debian or Ubuntu: sudo apt-get install tmux\n');
	process.exit(1);
}

execFileSync('npm', ['run', 'build', '--silent'], {stdio: 'inherit'});
rmSync(cast, {force: true});
const session = `sandpiper-record-${process.pid}`;
const record = `asciinema rec --quiet --overwrite --cols 80 --rows 24 --idle-time-limit 2 --title "sandpiper-tui demo" -c "node dist/bundle/cli.js --demo" ${cast}`;
execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '80', '-y', '24', `TERM=xterm-256color ${record}`]);
// The walkthrough ends on its own (about 90 s); wait for the pane to close.
const started = Date.now();
while (spawnSync('tmux', ['has-session', '-t', session], {stdio: 'ignore'}).status === 0) {
	if (Date.now() - started > 240_000) {
		execFileSync('tmux', ['kill-session', '-t', session]);
		process.stderr.write('record: the demo did not end within 4 minutes\n');
		process.exit(1);
	}

	spawnSync('sleep', ['1']);
}

if (!existsSync(cast)) {
	process.stderr.write('record: asciinema wrote no recording\n');
	process.exit(1);
}

process.stdout.write(`record: ${cast}, ${Math.round(statSync(cast).size / 1024)} KiB\n`);
const rendered = spawnSync('npx', ['--yes', 'svg-term-cli@2', '--in', cast, '--out', svg, '--window', '--width', '80', '--height', '24'], {stdio: 'inherit'});
if (rendered.status !== 0) {
	process.stderr.write('record: svg-term-cli could not render the SVG (it comes from the npm registry)\n');
	process.exit(1);
}

process.stdout.write(`record: ${svg}, ${Math.round(statSync(svg).size / 1024)} KiB\n`);
