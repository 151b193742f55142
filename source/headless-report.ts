/**
A headless run rendered in the chosen format, as one string.
*/
import {csvHeader, csvRows} from './report/format-csv.js';
import {formatJson} from './report/format-json.js';
import {runReport} from './report/run-report.js';
import type {Format} from './run-options.js';
import type {BuiltScenario} from './scenario/build-world.js';
import {defaultStrategies} from './strategies.js';

export async function headlessOutput(built: BuiltScenario, ticks: number, format: Format): Promise<string> {
	const csv: string[] = [csvHeader];
	const report = runReport(built.world, defaultStrategies, {
		ticks,
		timeline: built.timeline,
		onTick: format === 'csv'
			? world => {
				csv.push(csvRows(world));
			}
			: undefined,
	});
	switch (format) {
		case 'json': {
			return formatJson(report);
		}

		case 'csv': {
			return csv.join('');
		}

		case 'table': {
			// Ink and ink-table load only for the table: importing Ink costs about half a second.
			const {formatTable} = await import('./report/format-table.js');
			return formatTable(report);
		}
	}
}
