/**
A headless run rendered in the chosen format, as one string.
*/
import {csvHeader, csvRows} from './report/format-csv.js';
import {formatJson} from './report/format-json.js';
import {formatTable} from './report/format-table.js';
import {runReport} from './report/run-report.js';
import type {Format} from './run-options.js';
import type {BuiltScenario} from './scenario/build-world.js';
import {defaultStrategies} from './strategies.js';

export function headlessOutput(built: BuiltScenario, ticks: number, format: Format): string {
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
			return formatTable(report);
		}
	}
}
