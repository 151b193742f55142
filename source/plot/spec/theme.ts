/**
What every figure shares: an opaque white page (so the figure reads the same on a light or a dark page
around it), fonts every system has, Tableau's palette (colour-blind aware) and the resources' colours.
*/
import type {Config} from 'vega-lite';

export const font = 'Helvetica, Arial, "DejaVu Sans", "Liberation Sans", sans-serif';

export const config: Config = {
	background: '#ffffff',
	padding: 12,
	font,
	title: {
		fontSize: 15, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555555', offset: 10,
	},
	axis: {
		labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6',
	},
	legend: {labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal'},
	header: {labelFontSize: 12, titleFontSize: 12},
	view: {stroke: '#dddddd'},
};

export const resourceColors: Readonly<Record<string, string>> = {
	cpu: '#4c78a8',
	memory: '#54a24b',
	network: '#f58518',
	disk: '#b279a2',
};

export const modeColors: Readonly<Record<string, string>> = {
	precopy: '#4c78a8',
	postcopy: '#e45756',
	'stop-and-copy': '#72b7b2',
	'pre-copy': '#4c78a8',
	'post-copy': '#e45756',
};

/** The schema every spec names: the Vega-Lite the package compiles. */
export const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
