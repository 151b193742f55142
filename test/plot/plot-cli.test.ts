/**
`sandpiper plot` as a command: bad input refused at once in one line (exit 2), the figure written
through a temporary file, the same bytes from every process.
*/
import {
	mkdirSync, readFileSync, writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {UsageError} from '../../source/options/usage.js';
import {PlotInputError} from '../../source/plot/plot-input-error.js';
import {checkBadInputs} from '../helpers/bad-input.js';
import {runCli} from '../helpers/cli.js';
import {runMain} from '../helpers/main.js';
import {temporaryFolder} from '../helpers/temporary.js';
import {evalDocument, runDocument} from './documents.js';

const folder = temporaryFolder('sandpiper-plot-');
const run = join(folder, 'run.json');
const evaluation = join(folder, 'eval.json');
const [runText, evalText] = await Promise.all([runDocument(600), evalDocument(['none', 'sandpiper'], [1, 2], 300)]);
{
	writeFileSync(run, runText);
	writeFileSync(evaluation, evalText);
	const document = JSON.parse(runText) as Record<string, unknown> & {series: {hosts: Array<Record<string, unknown>>}};
	const {events: _events, series: _series, ...plain} = document;
	writeFileSync(join(folder, 'plain.json'), JSON.stringify(plain));
	writeFileSync(join(folder, 'empty.json'), JSON.stringify({
		...document, ticks: 0, events: [], series: {
			...document.series, hosts: document.series.hosts.map(host => ({
				...host, cpu: [], memory: [], network: [], hot: [],
			})),
		},
	}));
	const {hosts} = document.series;
	const variant = (name: string, change: Record<string, unknown>) => {
		writeFileSync(join(folder, `${name}.json`), JSON.stringify({...document, ...change}));
	};

	variant('twice', {series: {...document.series, hosts: [...hosts, hosts[0]]}});
	variant('short', {ticks: 100});
	variant('late-hot', {series: {...document.series, hosts: [{...hosts[0], hot: [[500, 900_000]]}]}});
	variant('late-event', {events: [{tick: 1e9, type: 'migrationStarted'}]});
	const evalDocument_ = JSON.parse(evalText) as {policies: Array<{name: string}>};
	evalDocument_.policies[1]!.name = evalDocument_.policies[0]!.name;
	writeFileSync(join(folder, 'eval-twice.json'), JSON.stringify(evalDocument_));
	hosts[0]!['cpu'] = 'high';
	writeFileSync(join(folder, 'malformed.json'), JSON.stringify(document));
	writeFileSync(join(folder, 'other.json'), '{"hello": "world"}');
	writeFileSync(join(folder, 'broken.json'), '{"summary": ');
	mkdirSync(join(folder, 'directory.json'));
}

async function plot(...words: string[]) {
	return runMain(['plot', ...words]);
}

checkBadInputs(test, [
	{
		name: 'a kind the input cannot make', run: async () => plot(run, '--kind', 'tradeoff'), error: PlotInputError, words: ['--kind tradeoff', 'a run report', 'timeline'],
	},
	{
		name: 'an unknown host', run: async () => plot(run, '--hosts', 'h01,nope'), error: PlotInputError, words: ['--hosts', 'no host nope', 'h01, h02'],
	},
	{
		name: 'hosts for an eval', run: async () => plot(evaluation, '--hosts', 'h01'), error: PlotInputError, words: ['--hosts', 'an eval'],
	},
	{
		name: 'an empty run', run: async () => plot(join(folder, 'empty.json')), error: PlotInputError, words: ['empty.json', 'an empty run'],
	},
	{
		name: 'a run report without its events', run: async () => plot(join(folder, 'plain.json')), error: PlotInputError, words: ['plain.json', '--events'],
	},
	{
		name: 'a field of the wrong type', run: async () => plot(join(folder, 'malformed.json')), error: PlotInputError, words: ['series.hosts.0.cpu', 'a list of numbers'],
	},
	{
		name: 'a host listed twice', run: async () => plot(join(folder, 'twice.json')), error: PlotInputError, words: ['series.hosts.16.id', 'listed twice'],
	},
	{
		name: 'more samples than the run has intervals', run: async () => plot(join(folder, 'short.json')), error: PlotInputError, words: ['series.hosts.0.cpu', 'more than the 20 intervals of 100 ticks'],
	},
	{
		name: 'a hot range past the run', run: async () => plot(join(folder, 'late-hot.json')), error: PlotInputError, words: ['series.hosts.0.hot.0', 'within 0 to 600'],
	},
	{
		name: 'an event past the run', run: async () => plot(join(folder, 'late-event.json')), error: PlotInputError, words: ['events.0.tick', 'past the run'],
	},
	{
		name: 'a policy listed twice in an eval', run: async () => plot(join(folder, 'eval-twice.json')), error: PlotInputError, words: ['policies', 'listed twice'],
	},
	{
		name: 'a document that is no report', run: async () => plot(join(folder, 'other.json')), error: PlotInputError, words: ['other.json', 'not a report', 'eval JSON', 'sweep merge JSON'],
	},
	{
		name: 'a file that is not JSON', run: async () => plot(join(folder, 'broken.json')), error: PlotInputError, words: ['broken.json', 'not JSON'],
	},
	{
		name: 'a directory', run: async () => plot(join(folder, 'directory.json')), error: PlotInputError, words: ['not a regular file'],
	},
	{
		name: 'a file that is not there', run: async () => plot(join(folder, 'absent.json')), error: PlotInputError, words: ['absent.json', 'no such file'],
	},
	{
		name: 'an unknown kind', run: async () => plot(run, '--kind', 'pie'), error: UsageError, words: ['--kind', 'timeline, policies, tradeoff, migration', 'pie'],
	},
	{
		name: 'an unknown format', run: async () => plot(run, '--format', 'pdf'), error: UsageError, words: ['--format', 'svg or text'],
	},
	{
		name: 'a width too small', run: async () => plot(run, '--format', 'svg', '--width', '10'), error: UsageError, words: ['--width', '>= 200'],
	},
	{
		name: 'a height for text', run: async () => plot(run, '--format', 'text', '--height', '400'), error: UsageError, words: ['--height', 'text'],
	},
	{
		name: 'a host named twice', run: async () => plot(run, '--hosts', 'h01,h01'), error: UsageError, words: ['--hosts', 'twice'],
	},
	{
		name: 'no input', run: async () => plot(), error: UsageError, words: ['no input', 'sandpiper plot INPUT'],
	},
	{
		name: 'two inputs', run: async () => plot(run, evaluation), error: UsageError, words: ['one input at a time'],
	},
	{
		name: 'an output in a folder that is not there', run: async () => plot(run, '--output', join(folder, 'absent', 'figure.svg')), error: UsageError, words: ['--output', 'no directory'],
	},
]);

test('as a process: bad input is one line on stderr and status 2, nothing on stdout', async t => {
	const result = await runCli(['plot', run, '--kind', 'policies']);
	t.is(result.code, 2);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^sandpiper: --kind policies: [^\n]+\n$/v);
});

test('two processes write the same SVG bytes, through --output; a .txt output is the text figure', async t => {
	const [first, second] = [join(folder, 'first.svg'), join(folder, 'second.svg')];
	const results = await Promise.all([runCli(['plot', run, '--output', first]), runCli(['plot', run, '--output', second])]);
	t.deepEqual(results.map(result => result.code), [0, 0]);
	const svg = readFileSync(first, 'utf8');
	t.true(svg.startsWith('<svg '));
	t.is(readFileSync(second, 'utf8'), svg);
	const text = join(folder, 'figure.txt');
	const {code} = await runCli(['plot', evaluation, '--output', text]);
	t.is(code, 0);
	t.regex(readFileSync(text, 'utf8'), /^sandpiper-16x35: policies compared\n/v);
});

test('on a pipe, with no format named, the figure is SVG (text is for a terminal)', async t => {
	const {stdout, code} = await plot(evaluation);
	t.is(code, 0);
	t.true(stdout.startsWith('<svg '));
});
