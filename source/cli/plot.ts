/**
`sandpiper plot INPUT`: a report read, its figure built and drawn as SVG or text, written to stdout or,
through a temporary file, to --output. Vega and Vega-Lite load only for SVG.
*/
import process from 'node:process';
import type {PlotOptions} from '../options/plot.js';
import {buildFigure} from '../plot/build-figure.js';
import {PlotInputError} from '../plot/plot-input-error.js';
import {readPlotInput} from '../plot/read-input.js';
import {figureText} from '../plot/text/figure-text.js';
import {readRegularFile} from '../sweep/regular-file.js';
import {safeText} from '../terminal/safe-text.js';
import {checkWritablePath} from './paths.js';
import {writeReport} from './reports.js';

/** A report larger than this is no report this program wrote for a plot (a PlanetLab day of 800 hosts, with its events, is 26 MB). */
const maxInputBytes = 256 * 1024 * 1024;

/** The input's text: a regular file (a FIFO would block, a device never end) of a bounded size. */
function readInput(path: string): string {
	const read = readRegularFile(path, maxInputBytes, {followLinks: true});
	switch (read.kind) {
		case 'text': {
			return read.text;
		}

		case 'absent': {
			throw new PlotInputError(`${safeText(path)}: cannot read it (no such file)`);
		}

		case 'refused': {
			throw new PlotInputError(`${safeText(path)}: ${read.reason}; plot reads a report written to a file`);
		}
	}
}

/** A text figure's width unless --width says: the terminal's it is drawn on (60 at least), else 80. */
function textColumns(outputPath: string | undefined): number {
	const {columns} = process.stdout;
	return outputPath === undefined && process.stdout.isTTY && columns > 0 ? Math.min(400, Math.max(60, columns)) : 80;
}

export async function runPlot(options: PlotOptions): Promise<void> {
	await checkWritablePath('output', options.outputPath);
	const input = readPlotInput(readInput(options.inputPath), options.inputPath);
	const figure = buildFigure(input, {kind: options.kind, hosts: options.hosts});
	if (options.format === 'text') {
		await writeReport(figureText(figure, options.width ?? textColumns(options.outputPath)), options.outputPath);
		return;
	}

	const [{figureSpec}, {renderSvg}] = await Promise.all([import('../plot/spec/figure-spec.js'), import('../plot/render-svg.js')]);
	await writeReport(await renderSvg(figureSpec(figure, {width: options.width, height: options.height})), options.outputPath);
}
