/**
A headless run in the chosen format, written as it goes with bounded memory: the run advances a piece
at a time, the CSV rows of each piece are written before the next (with the writer's backpressure).
The event log is opt-in: in the json report its events wait in a temporary file
(./report/event-spool.ts); as JSON lines each piece's events are written before the next; otherwise
the run holds none. Between pieces the run hears signals: a stop request (Ctrl-C) ends it early with
a report of the ticks that ran.
*/
import {csvHeader, csvRows} from './report/format-csv.js';
import {EventSpool} from './report/event-spool.js';
import {formatJson, jsonEventLine, jsonFrame} from './report/format-json.js';
import {ReportRun, type RunReport} from './report/run-report.js';
import type {SimEvent} from './sim/types.js';
import type {Format} from './run-options.js';
import type {BuiltScenario} from './scenario/build-world.js';
import {defaultStrategies} from './strategies.js';

export type Write = (chunk: string | Uint8Array) => Promise<void>;

export type HeadlessOptions = {
	ticks: number;
	format: Format;
	write: Write;
	/** Asked between pieces; true ends the run early (the report says how far it got). */
	stopRequested?: () => boolean;
	/** The caller hands the built world over: the run advances it without a copy. */
	adopt?: boolean;
	/** The event log: none (the default), in the json report, or as JSON lines to its own writer. */
	events?: HeadlessEvents;
};

export type HeadlessEvents = {kind: 'none'} | {kind: 'report'} | {kind: 'lines'; write: Write};

/** Events as JSON lines, kept for the piece that makes them and written before the next. */
class EventLines {
	#lines: string[] = [];
	readonly #write: Write | undefined;

	constructor(events: HeadlessEvents) {
		this.#write = events.kind === 'lines' ? events.write : undefined;
	}

	/** What the run calls for each event: a line, or nothing when no one asked for them. */
	readonly add = (event: SimEvent): void => {
		if (this.#write) {
			this.#lines.push(jsonEventLine(event));
		}
	};

	async flush(): Promise<void> {
		if (this.#write && this.#lines.length > 0) {
			const piece = this.#lines.join('');
			this.#lines = [];
			await this.#write(piece);
		}
	}
}

/** About this many host- and VM-ticks a piece: some milliseconds of work, so a stop request waits no longer. */
const workPerPiece = 65_536;

/** Lets pending I/O and signal handlers run between pieces. */
async function yieldToEvents(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

/** Runs the report's ticks piece by piece, calling `between` after each; returns false when stopped early. */
async function drive(run: ReportRun, built: BuiltScenario, options: HeadlessOptions, between: () => Promise<void>): Promise<void> {
	const pieceTicks = Math.max(1, Math.floor(workPerPiece / Math.max(1, built.world.hosts.length + built.world.vms.length)));
	while (run.ticksRun < options.ticks && !(options.stopRequested?.() ?? false)) {
		run.advance(Math.min(pieceTicks, options.ticks - run.ticksRun));
		// eslint-disable-next-line no-await-in-loop -- one piece at a time is the point
		await between();
	}
}

/** Writes the run's report; the report's `partial` field (also returned) says whether it was stopped early. */
export async function writeHeadless(built: BuiltScenario, options: HeadlessOptions): Promise<RunReport['partial']> {
	const events = options.events ?? {kind: 'none'};
	const lines = new EventLines(events);
	const between = async () => {
		await lines.flush();
		await yieldToEvents();
	};

	const partial = await writeFormat(built, options, lines, between, events.kind === 'report');
	await lines.flush();
	return partial;
}

async function writeFormat(built: BuiltScenario, options: HeadlessOptions, lines: EventLines, between: () => Promise<void>, eventsInReport: boolean): Promise<RunReport['partial']> {
	const {write} = options;
	switch (options.format) {
		case 'json': {
			if (!eventsInReport) {
				const run = new ReportRun(built.world, defaultStrategies, {timeline: built.timeline, adopt: options.adopt, onEvent: lines.add});
				await drive(run, built, options, between);
				const {events: _none, ...report} = run.report(options.ticks);
				await write(formatJson(report));
				return report.partial;
			}

			const spool = new EventSpool();
			try {
				const run = new ReportRun(built.world, defaultStrategies, {
					timeline: built.timeline,
					adopt: options.adopt,
					series: true,
					onEvent(event) {
						spool.add(event);
					},
				});
				await drive(run, built, options, between);
				const report = run.report(options.ticks);
				await spool.writeDocument(jsonFrame(report), write);
				return report.partial;
			} finally {
				spool.dispose();
			}
		}

		case 'csv': {
			let rows: string[] = [csvHeader];
			const run = new ReportRun(built.world, defaultStrategies, {
				timeline: built.timeline,
				adopt: options.adopt,
				onEvent: lines.add,
				onTick(world) {
					rows.push(csvRows(world));
				},
			});
			await drive(run, built, options, async () => {
				const piece = rows.join('');
				rows = [];
				await write(piece);
				await lines.flush();
			});
			if (rows.length > 0) {
				await write(rows.join(''));
			}

			return run.report(options.ticks).partial;
		}

		case 'table': {
			const run = new ReportRun(built.world, defaultStrategies, {timeline: built.timeline, adopt: options.adopt, onEvent: lines.add});
			await drive(run, built, options, between);
			const report = run.report(options.ticks);
			const {formatTable} = await import('./report/format-table.js');
			await write(formatTable(report));
			return report.partial;
		}
	}
}
