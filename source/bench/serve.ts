/**
`npm run bench -- --serve`: `sandpiper serve` as a lecture hall uses it. The server runs as a process
of its own on a loopback port; the students are ssh2 clients in this process, each with an 80x24
xterm-256color pty, watching the lecture at 1x. Measured: the server's CPU share of one core and its
resident memory (from /proc, by its pid), the bytes each viewer receives a second, for one viewer and
for a hall of them, the time from a TCP connect to the first frame, and from F to a fork's frame.

The full run (30 viewers, a steady 20 s, 10 samples of each time) takes about two minutes. Shorter
ones, while changing the server or the bench, take flags after `--serve`:
`npm run bench -- --serve --viewers 3 --seconds 3 --settle 1 --samples 3`.
*/
import {loadavg} from 'node:os';
import process from 'node:process';
import {cpuTicks, rssMiB, ticksPerSecond} from './proc.js';
import {startServe, type ServeProcess} from './serve-process.js';
import {Viewer} from './ssh-viewer.js';

export type ServeSettings = {
	/** Viewers in the hall (the one-viewer figures are taken as well). */
	viewers: number;
	/** The steady stretch measured, after the settle. */
	seconds: number;
	/** Seconds to let the viewers' first frames and the JIT pass before measuring. */
	settleSeconds: number;
	/** Connections, and forks, timed one after another. */
	samples: number;
};

export const fullServeRun: ServeSettings = {
	viewers: 30, seconds: 20, settleSeconds: 3, samples: 10,
};

/** The settings `argv` asks for: the full run's, with any of --viewers, --seconds, --settle and --samples instead. */
export function serveSettings(argv: readonly string[]): ServeSettings {
	const flag = (name: string, fallback: number, minimum: number) => {
		const index = argv.indexOf(`--${name}`);
		if (index === -1) {
			return fallback;
		}

		const value = Number(argv[index + 1]);
		if (!Number.isFinite(value) || value < minimum) {
			throw new RangeError(`bench --serve: --${name} takes a number of at least ${minimum}, got ${JSON.stringify(argv[index + 1] ?? '')}`);
		}

		return value;
	};

	return {
		viewers: Math.round(flag('viewers', fullServeRun.viewers, 1)),
		seconds: flag('seconds', fullServeRun.seconds, 0.5),
		settleSeconds: flag('settle', fullServeRun.settleSeconds, 0),
		samples: Math.round(flag('samples', fullServeRun.samples, 1)),
	};
}

export type Spread = {median: number; fastest: number; slowest: number};

/** The middle value (of two, the smaller), beside the smallest and the largest. */
export function spread(values: readonly number[]): Spread {
	if (values.length === 0) {
		throw new RangeError('no values to summarise');
	}

	const sorted = values.toSorted((a, b) => a - b);
	return {median: sorted[Math.floor((sorted.length - 1) / 2)]!, fastest: sorted[0]!, slowest: sorted.at(-1)!};
}

type Steady = {
	viewers: number;
	serverCpuShare: number;
	/** This process's share of a core meanwhile: the clients' decryption and parsing, on the same 2 cores. */
	clientsCpuShare: number;
	meanBytesPerSecond: number;
	maxBytesPerSecond: number;
	rssMiB: number;
};

const statusText = 'VIEWER';
const forkText = 'FORK from tick';

async function sleep(milliseconds: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, milliseconds);
	});
}

/** Opens viewers one after another (as students arrive), numbered from `first`. */
async function connect(port: number, count: number, first: number): Promise<Viewer[]> {
	const viewers: Viewer[] = [];
	for (let index = 0; index < count; index++) {
		// eslint-disable-next-line no-await-in-loop -- one after another, so each handshake is timed alone
		const {viewer} = await Viewer.connect({port, username: `viewer${first + index}`}, statusText);
		viewers.push(viewer);
	}

	return viewers;
}

/** The server and its viewers over a steady stretch, after a settle. */
async function steady(server: ServeProcess, viewers: readonly Viewer[], settings: ServeSettings): Promise<Steady> {
	await sleep(settings.settleSeconds * 1000);
	const bytesBefore = viewers.map(viewer => viewer.bytes);
	const ticksBefore = cpuTicks(server.pid);
	const ownBefore = process.cpuUsage();
	const start = performance.now();
	await sleep(settings.seconds * 1000);
	const seconds = (performance.now() - start) / 1000;
	const ticks = cpuTicks(server.pid) - ticksBefore;
	const own = process.cpuUsage(ownBefore);
	const rates = viewers.map((viewer, index) => (viewer.bytes - bytesBefore[index]!) / seconds);
	return {
		viewers: viewers.length,
		serverCpuShare: ticks / ticksPerSecond / seconds,
		clientsCpuShare: (own.user + own.system) / 1e6 / seconds,
		meanBytesPerSecond: rates.reduce((sum, rate) => sum + rate, 0) / rates.length,
		maxBytesPerSecond: Math.max(...rates),
		rssMiB: rssMiB(server.pid),
	};
}

/** Connections timed one after another to their first frame, then forks made and left by one viewer. */
async function latencies(port: number, samples: number, first: number): Promise<{connectMs: Spread; forkMs: Spread}> {
	const connectMs: number[] = [];
	for (let index = 0; index < samples; index++) {
		// eslint-disable-next-line no-await-in-loop -- one connection at a time, or they measure each other
		const {viewer, milliseconds} = await Viewer.connect({port, username: `viewer${first + index}`}, statusText);
		connectMs.push(milliseconds);
		// eslint-disable-next-line no-await-in-loop -- see above
		await viewer.close();
	}

	const forkMs: number[] = [];
	const {viewer} = await Viewer.connect({port, username: `viewer${first + samples}`}, statusText);
	try {
		for (let index = 0; index < samples; index++) {
			// eslint-disable-next-line no-await-in-loop -- one fork at a time
			forkMs.push(await viewer.type('F', forkText));
			// Back to the lecture (R drops the fork), and a pause, so each fork starts from a quiet view.
			// eslint-disable-next-line no-await-in-loop -- see above
			await viewer.type('R', statusText);
			// eslint-disable-next-line no-await-in-loop -- see above
			await sleep(200);
		}
	} finally {
		await viewer.close();
	}

	return {connectMs: spread(connectMs), forkMs: spread(forkMs)};
}

function format(value: number, digits = 0): string {
	return value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
}

function steadyLine(figures: Steady): string {
	return [
		`${figures.viewers} viewer${figures.viewers === 1 ? '' : 's'}`.padEnd(12),
		format(figures.serverCpuShare * 100, 2).padStart(18),
		format(figures.meanBytesPerSecond / 1000, 2).padStart(17),
		format(figures.maxBytesPerSecond / 1000, 2).padStart(16),
		format(figures.rssMiB, 1).padStart(15),
		format(figures.clientsCpuShare * 100, 2).padStart(20),
	].join(' ');
}

function timesLine(label: string, times: Spread): string {
	return `${format(times.median, 0)} ms (${format(times.fastest, 0)}-${format(times.slowest, 0)}) ${label}`;
}

/** Prints the figures of `sandpiper serve` for `settings`; asserts nothing. */
export async function serveBench(settings: ServeSettings): Promise<void> {
	const {viewers: hall, samples} = settings;
	// Room for the hall and the one connection timed beside it.
	const server = await startServe(hall + 1);
	const viewers: Viewer[] = [];
	try {
		console.log(`\nsandpiper serve (node ${process.version}): a server process on a loopback port; the viewers are ssh2 clients in this process,`);
		// This 2-core machine is shared: the load says how much the figures were competing with.
		console.log(`each an 80x24 xterm-256color pty watching the lecture at 1x (load average ${format(loadavg()[0]!, 2)} at the start).`);
		console.log(`After ${format(settings.settleSeconds, 1)} s to settle, a steady ${format(settings.seconds, 1)} s:`);
		// A fresh server's first connection compiles the view's code; the samples after it are the steady cost.
		const first = await Viewer.connect({port: server.port, username: 'viewer-first'}, statusText);
		const firstForkMs = await first.viewer.type('F', forkText);
		await first.viewer.close();
		const quiet = await latencies(server.port, samples, 1000);
		viewers.push(...await connect(server.port, 1, 0));
		const one = await steady(server, viewers, settings);
		viewers.push(...await connect(server.port, hall - 1, 1));
		const many = await steady(server, viewers, settings);
		const busy = await latencies(server.port, samples, 2000);
		console.log('audience     server CPU % of a core  KB/s per viewer  KB/s the most  server RSS MiB  clients CPU % (bench)');
		console.log(steadyLine(one));
		if (hall > 1) {
			console.log(steadyLine(many));
			const perViewer = (many.serverCpuShare - one.serverCpuShare) / (hall - 1);
			// Not memory: the server's grows with the time it has run as well as with the viewers.
			console.log(`Each viewer past the first: ${format(perViewer * 100, 2)} % of a core more on the server.`);
		}

		console.log(`A fresh server's first connection: ${format(first.milliseconds, 0)} ms to its first frame, ${format(firstForkMs, 0)} ms to its first fork. After it,`);
		console.log(`connect to first frame (TCP connect to the status line drawn), median of ${samples} (fastest-slowest):`);
		console.log(`  ${timesLine('on a server with no viewers', quiet.connectMs)}; ${timesLine(`beside ${hall} watching`, busy.connectMs)}`);
		console.log(`A fork ready (F sent to "${forkText}" drawn), median of ${samples}:`);
		console.log(`  ${timesLine('on a server with no viewers', quiet.forkMs)}; ${timesLine(`beside ${hall} watching`, busy.forkMs)}`);
		console.log(`Targets: ${fullServeRun.viewers} viewers at 1x: server CPU <= 25 % of a core, <= 1.0 KB/s per viewer, RSS <= 200 MB; connect to first frame <= 300 ms; a fork ready <= 100 ms.`);
	} finally {
		await Promise.all(viewers.map(async viewer => viewer.close()));
		await server.stop();
	}
}
