/**
A headless run from the shell: its report goes to stdout or, through a temporary file, to --output.
Ctrl-C stops it at the end of the piece it is in and writes the report of the ticks that ran, marked
partial (exit 130); a second Ctrl-C, SIGTERM or SIGHUP abandon it, leaving any old report untouched.
*/
import process from 'node:process';
import {writeHeadless, type HeadlessEvents} from '../headless-report.js';
import type {RunOptions} from '../run-options.js';
import {
	atExit, onInterrupt, say,
} from './exit.js';
import {loadRun, ticksFor} from './load-run.js';
import {checkWritablePath} from './paths.js';
import {fileSink, stdoutSink} from './sink.js';

export async function runHeadless(options: RunOptions, program: string): Promise<void> {
	await checkWritablePath('output', options.outputPath);
	const eventsPath = options.events.kind === 'file' ? options.events.path : undefined;
	await checkWritablePath('events', eventsPath);
	const {built} = await loadRun(options, program);
	const ticks = ticksFor(options, built);
	// Heard before the output file appears: a Ctrl-C while the sinks open stops the run with a report, as one later does.
	let stopRequested = false;
	onInterrupt(() => {
		stopRequested = true;
		say('stopping: the report will cover the ticks run so far (Ctrl-C again to abandon it)');
	});
	const sink = options.outputPath === undefined ? stdoutSink() : await fileSink(options.outputPath);
	const eventsSink = eventsPath === undefined ? undefined : await fileSink(eventsPath);
	atExit(() => {
		sink.abort();
		eventsSink?.abort();
	});
	const events: HeadlessEvents = eventsSink ? {kind: 'lines', write: async chunk => eventsSink.write(chunk)} : {kind: options.events.kind === 'report' ? 'report' : 'none'};
	const partial = await writeHeadless(built, {
		ticks, format: options.format, write: async chunk => sink.write(chunk), stopRequested: () => stopRequested, events, adopt: true,
	});
	await eventsSink?.commit();
	await sink.commit();
	if (partial) {
		say(`interrupted: the report covers ${partial.ticksRun} of ${partial.ticksAsked} ticks`);
		process.exitCode = 130;
	}
}
