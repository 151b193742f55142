import type {SimEvent} from '../sim/types.js';
import {safeJson} from '../terminal/safe-text.js';
import type {RunSeries} from './host-series.js';
import type {RunReport} from './run-report.js';

/** Rounds to 6 significant decimals so documents stay short; the same run still gives the same bytes. */
function round(value: number): number {
	return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value;
}

const replacer = (_key: string, value: unknown): unknown => typeof value === 'number' ? round(value) : value;

/** Where the series go in the report's text: a top-level key, which no string inside can imitate (strings escape line breaks). */
const seriesMark = '\n  "series": "series"';

export function formatJson(report: RunReport): string {
	const {series} = report;
	const text = JSON.stringify(series ? {...report, series: 'series'} : report, replacer, 2);
	return safeJson(series ? text.replace(seriesMark, '\n  "series": ' + seriesText(series)) : text) + '\n';
}

/** The series with a host a line: pretty-printed, a day of them would be a number a line. */
function seriesText(series: RunSeries): string {
	const head = JSON.stringify({...series, hosts: []}, replacer, 2).replaceAll('\n', '\n  ');
	const hosts = series.hosts.map(host => '\n      ' + JSON.stringify(host, replacer)).join(',');
	return head.replace(/"hosts": \[\]/v, `"hosts": [${hosts}${series.hosts.length > 0 ? '\n    ' : ''}]`);
}

/** Where the events go in `formatJson`'s text: the document is `head`, the events, then `tail`. */
export type JsonFrame = {head: string; tail: string};

/**
The report around its events, for a writer that has them apart (`report.events` is ignored): `events`
is the last key, so its list splits the text in two. With no event, `head + tail` is the whole text.
*/
export function jsonFrame(report: RunReport): JsonFrame {
	const text = formatJson({...report, events: []});
	const at = text.lastIndexOf('"events": []') + '"events": ['.length;
	return {head: text.slice(0, at), tail: text.slice(at)};
}

/**
One event as `formatJson` writes it inside the report's list, with what goes before it (the list's
first line break, or a comma and one): an element two levels down is its own text indented 4 more.
*/
export function jsonEventText(event: SimEvent, first: boolean): string {
	return (first ? '\n    ' : ',\n    ') + safeJson(JSON.stringify(event, replacer, 2)).replaceAll('\n', '\n    ');
}

/** One event as a line of JSON lines (`--events FILE`), numbers rounded as in the report. */
export function jsonEventLine(event: SimEvent): string {
	return safeJson(JSON.stringify(event, replacer)) + '\n';
}

/** What closes a list that has events, before `JsonFrame.tail`. */
export const jsonEventsEnd = '\n  ';
