/**
A headless run in the chosen format, written piece by piece: the json report's events go to a
temporary file as they happen (./report/event-spool.ts), so a long run need not hold them all.
*/
import {csvHeader, csvRows} from './report/format-csv.js';
import {EventSpool} from './report/event-spool.js';
import {jsonFrame} from './report/format-json.js';
import {runReport} from './report/run-report.js';
import type {Format} from './run-options.js';
import type {BuiltScenario} from './scenario/build-world.js';
import {defaultStrategies} from './strategies.js';

export type Write = (chunk: string | Uint8Array) => Promise<void>;

export async function writeHeadless(built: BuiltScenario, ticks: number, format: Format, write: Write): Promise<void> {
	switch (format) {
		case 'json': {
			const spool = new EventSpool();
			try {
				const report = runReport(built.world, defaultStrategies, {
					ticks,
					timeline: built.timeline,
					onEvent(event) {
						spool.add(event);
					},
				});
				await spool.writeDocument(jsonFrame(report), write);
			} finally {
				spool.dispose();
			}

			return;
		}

		case 'csv': {
			const csv: string[] = [csvHeader];
			runReport(built.world, defaultStrategies, {
				ticks,
				timeline: built.timeline,
				onTick(world) {
					csv.push(csvRows(world));
				},
			});
			await write(csv.join(''));
			return;
		}

		case 'table': {
			const report = runReport(built.world, defaultStrategies, {ticks, timeline: built.timeline});
			// Ink and ink-table load only for the table: importing Ink costs about half a second.
			const {formatTable} = await import('./report/format-table.js');
			await write(formatTable(report));
		}
	}
}
