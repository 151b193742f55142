/** The flags of `sandpiper plot INPUT`: which figure, drawn how, at what size, written where. Pure. */
import {figureKinds, type FigureKind} from '../plot/figure.js';
import {parseWholeNumber} from './numbers.js';
import {UsageError} from './usage.js';

export type RawPlotFlags = {
	kind?: string;
	hosts?: string;
	format?: string;
	output?: string;
	width?: string;
	height?: string;
};

export type PlotFormat = 'svg' | 'text';

export type PlotOptions = {
	inputPath: string;
	kind?: FigureKind;
	/** Hosts for the timeline, in the order given. */
	hosts?: string[];
	format: PlotFormat;
	outputPath?: string;
	/** SVG: the plotting area in pixels; text: `width` is the columns (80 unless given). */
	width?: number;
	height?: number;
};

const usage = 'expected sandpiper plot INPUT [--kind K] [--hosts LIST] [--format svg|text] [--output FILE] [--width N] [--height N]';
const pixels = {maximum: 8000, unit: 'pixels', reason: 'larger figures are no longer read, only scrolled'};
const columns = {maximum: 400, unit: 'columns', reason: 'no terminal is wider'};
const hostLimit = 64;

/** Where no format is named: the output file's extension says, else text for a terminal and SVG for a pipe or file. */
function formatOf(flags: RawPlotFlags, stdoutIsTerminal: boolean): PlotFormat {
	if (flags.format !== undefined) {
		if (flags.format !== 'svg' && flags.format !== 'text') {
			throw new UsageError(`--format: expected svg or text, got ${JSON.stringify(flags.format)}`);
		}

		return flags.format;
	}

	if (flags.output !== undefined) {
		return /\.txt$/iv.test(flags.output) ? 'text' : 'svg';
	}

	return stdoutIsTerminal ? 'text' : 'svg';
}

function hostsOf(text: string): string[] {
	const hosts = text.split(',').map(host => host.trim());
	if (hosts.includes('') || hosts.length > hostLimit) {
		throw new UsageError(`--hosts: expected up to ${hostLimit} host ids separated by commas (h01,h05), got ${JSON.stringify(text)}`);
	}

	const twice = hosts.find((host, index) => hosts.indexOf(host) !== index);
	if (twice !== undefined) {
		throw new UsageError(`--hosts: ${JSON.stringify(twice)} is named twice`);
	}

	return hosts;
}

export function parsePlotOptions(input: readonly string[], flags: RawPlotFlags, stdoutIsTerminal: boolean): PlotOptions {
	if (input.length !== 1) {
		throw new UsageError(input.length === 0 ? `plot: no input; ${usage}` : `plot: one input at a time, got ${input.length}; ${usage}`);
	}

	const kind = flags.kind === undefined ? undefined : figureKinds.find(name => name === flags.kind);
	if (flags.kind !== undefined && kind === undefined) {
		throw new UsageError(`--kind: expected ${figureKinds.join(', ')}, got ${JSON.stringify(flags.kind)}`);
	}

	const format = formatOf(flags, stdoutIsTerminal);
	if (format === 'text' && flags.height !== undefined) {
		throw new UsageError('--height: a text figure is as tall as its content; --width sets its columns');
	}

	const width = flags.width === undefined ? undefined : parseWholeNumber('width', flags.width, format === 'text' ? 60 : 200, format === 'text' ? columns : pixels);
	const height = flags.height === undefined ? undefined : parseWholeNumber('height', flags.height, 100, pixels);
	return {
		inputPath: input[0]!,
		...(kind === undefined ? {} : {kind}),
		...(flags.hosts === undefined ? {} : {hosts: hostsOf(flags.hosts)}),
		format,
		...(flags.output === undefined ? {} : {outputPath: flags.output}),
		...(width === undefined ? {} : {width}),
		...(height === undefined ? {} : {height}),
	};
}
