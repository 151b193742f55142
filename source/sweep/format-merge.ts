/** A merged sweep (./merge.ts) as a table, CSV or JSON. */
import {boxedTable} from '../report/boxed-table.js';
import {printable} from '../scenario/printable.js';
import {safeJson} from '../terminal/safe-text.js';
import type {MetricName} from './metrics.js';
import type {MergedCell, Merged} from './merge.js';

const figure = (value: number) => Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/v, '');

function lostRuns(merged: Merged): string[] {
	return [
		...merged.failed.map(run => `failed: ${run.id}: ${run.error}`),
		...merged.missing.map(id => `missing: ${id}`),
	];
}

function cellText(cell: MergedCell, metric: MetricName): string {
	const summary = cell.metrics[metric];
	if (!summary) {
		return '-';
	}

	const interval = summary.ci95 ? ` ± ${figure(summary.ci95[1] - summary.mean)}` : '';
	const change = summary.vsBaseline === null ? '' : ` (${summary.vsBaseline >= 0 ? '-' : '+'}${Math.abs(summary.vsBaseline * 100).toFixed(1)}%)`;
	return `${figure(summary.mean)}${interval}${change}`;
}

export function formatMergeTable(merged: Merged): string {
	const heading = `${printable(merged.sweep)}: ${merged.done} of ${merged.planned} runs done, ${merged.failed.length} failed, ${merged.missing.length} missing\n`
		+ `mean ± 95 % interval over seeds; (-x%) = x % less than ${printable(merged.baseline)} in the same source and parameters\n`;
	const rows = merged.cells.map(cell => ({
		source: printable(cell.source, 50),
		...(merged.cells.some(any => any.parameters !== '') ? {parameters: printable(cell.parameters, 60)} : {}),
		policy: printable(cell.policy, 60),
		seeds: cell.seeds,
		...(merged.failed.length + merged.missing.length > 0 ? {'failed/missing': `${cell.failed}/${cell.missing}`} : {}),
		...Object.fromEntries(merged.metrics.map(metric => [metric, cellText(cell, metric)])),
	}));
	const lost = lostRuns(merged);
	return `${heading}${boxedTable(rows)}\n${lost.length > 0 ? `${lost.join('\n')}\n` : ''}`;
}

/** A field for CSV (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null): string {
	const text = value === null ? '' : String(value);
	return /[",\n\r]/v.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatMergeCsv(merged: Merged): string {
	const lines = ['source,parameters,policy,seeds,failed,missing,metric,n,mean,sd,ci95_low,ci95_high,vs_baseline'];
	for (const cell of merged.cells) {
		for (const metric of merged.metrics) {
			const summary = cell.metrics[metric];
			const values = [summary?.n ?? 0, summary?.mean ?? null, summary?.sd ?? null, summary?.ci95?.[0] ?? null, summary?.ci95?.[1] ?? null, summary?.vsBaseline ?? null];
			lines.push([cell.source, cell.parameters, cell.policy, cell.seeds, cell.failed, cell.missing, metric, ...values].map(value => csvField(value)).join(','));
		}
	}

	return `${lines.join('\n')}\n`;
}

export function formatMergeJson(merged: Merged): string {
	return `${safeJson(JSON.stringify(merged, null, 2))}\n`;
}
