import type {RunReport} from './run-report.js';

/** Rounds to 6 significant decimals so documents stay short; the same run still gives the same bytes. */
function round(value: number): number {
	return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value;
}

export function formatJson(report: RunReport): string {
	return JSON.stringify(report, (_key, value: unknown) => typeof value === 'number' ? round(value) : value, 2) + '\n';
}
