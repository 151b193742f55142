/**
The SVG drawings: well-formed (parsed back by an XML parser), the same bytes for the same input, and
names from the input drawn as text only, whatever markup they hold.
*/
import {DOMParser, type Element} from '@xmldom/xmldom';
import test from 'ava';
import {buildFigure} from '../../source/plot/build-figure.js';
import {readPlotInput} from '../../source/plot/read-input.js';
import {renderSvg} from '../../source/plot/render-svg.js';
import {figureSpec} from '../../source/plot/spec/figure-spec.js';
import {evalDocument, migrationDocument, runDocument} from './documents.js';

async function svgOf(text: string, kind?: 'tradeoff'): Promise<string> {
	return renderSvg(figureSpec(buildFigure(readPlotInput(text, 'input.json'), kind ? {kind} : {}), {}));
}

/** The document's elements, parsed strictly: any warning or error fails the parse. */
function elementsOf(svg: string): Element[] {
	const document = new DOMParser({
		onError(level, message) {
			throw new Error(`${level}: ${message}`);
		},
	}).parseFromString(svg, 'image/svg+xml');
	const elements: Element[] = [];
	const visit = (element: Element) => {
		elements.push(element);
		for (const child of element.childNodes) {
			if (child.nodeType === child.ELEMENT_NODE) {
				visit(child as Element);
			}
		}
	};

	visit(document.documentElement!);
	return elements;
}

/** What Vega's SVG renderer makes: nothing that runs, loads or embeds. */
const drawn = new Set(['svg', 'g', 'path', 'rect', 'text', 'line', 'circle', 'defs', 'clipPath', 'tspan', 'title', 'desc']);

function checkInert(t: {true: (value: boolean, message?: string) => void; deepEqual: (a: unknown, b: unknown, message?: string) => void}, svg: string): void {
	const elements = elementsOf(svg);
	t.deepEqual(elements[0]!.tagName, 'svg', 'an svg document');
	t.deepEqual(elements.filter(element => !drawn.has(element.tagName)).map(element => element.tagName), [], 'only drawing elements');
	const handlers = elements.flatMap(element => [...element.attributes]
		.filter(attribute => /^on|href/iv.test(attribute.name))
		.map(attribute => `${element.tagName} ${attribute.name}`));
	t.deepEqual(handlers, [], 'no event handler or link');
}

let documents: Promise<{run: string; evaluation: string; migration: string}> | undefined;
async function inputs() {
	documents ??= Promise.all([runDocument(900), evalDocument(['none', 'sandpiper'], [1, 2], 300), migrationDocument()]).then(([run, evaluation, migration]) => ({run, evaluation, migration}));
	return documents;
}

for (const [name, pick, kind] of [['timeline', 'run'], ['policies', 'evaluation'], ['tradeoff', 'evaluation', 'tradeoff'], ['migration', 'migration']] as const) {
	test(`${name}: well-formed SVG of drawing elements only, the same bytes when drawn again`, async t => {
		const documents = await inputs();
		const text = documents[pick];
		const svg = await svgOf(text, kind);
		checkInert(t, svg);
		t.true(svg.includes('fill="#ffffff"'), 'an opaque white page, readable on a dark one');
		t.is(await svgOf(text, kind), svg);
	});
}

test('markup in names from the input is drawn as text: no element the renderer did not make', async t => {
	const attack = '<script>alert(1)</script><image href="x" onerror="alert(2)"/>';
	const documents = await inputs();
	const run = JSON.parse(documents.run) as {scenario: string; policy: string; series: {hosts: Array<{id: string}>}; events: Array<{hostId?: string}>};
	const victim = run.series.hosts.find(host => run.events.some(event => event.hostId === host.id))!.id;
	const renamed = JSON.stringify({...run, scenario: attack, policy: attack}).replaceAll(`"${victim}"`, JSON.stringify(`${victim}${attack}`));
	const svg = await svgOf(renamed);
	checkInert(t, svg);
	t.true(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name, escaped, as text');
	const evaluation = JSON.parse(documents.evaluation) as {scenario: string; policies: Array<{name: string}>};
	evaluation.scenario = attack;
	evaluation.policies[0]!.name = `"]]>${attack}`;
	for (const kind of [undefined, 'tradeoff'] as const) {
		// eslint-disable-next-line no-await-in-loop -- one drawing at a time
		checkInert(t, await svgOf(JSON.stringify(evaluation), kind));
	}
});

test('control characters in names reach the SVG as visible escapes (XML forbids most of them raw)', async t => {
	const {run: text} = await inputs();
	const run = JSON.parse(text) as {scenario: string};
	run.scenario = 'bell\u0007 and \u001B[31m escape \u202E';
	const svg = await svgOf(JSON.stringify(run));
	checkInert(t, svg);
	t.true(svg.includes(String.raw`bell\x07 and \x1b[31m escape \u202e`));
});

test('the check sees what it must refuse: a script element and a handler', t => {
	const elements = elementsOf('<svg xmlns="http://www.w3.org/2000/svg"><g onload="x()"><script>1</script></g></svg>');
	t.deepEqual(elements.map(element => element.tagName).filter(name => !drawn.has(name)), ['script']);
	// Xmldom's ParseError is no Error subclass, which t.throws would refuse to compare.
	let refused = false;
	try {
		elementsOf('<svg><g></svg>');
	} catch {
		refused = true;
	}

	t.true(refused, 'not well-formed');
});

test('policies and groups named after Object.prototype\'s members are drawn like any other', async t => {
	const documents = await inputs();
	const evaluation = JSON.parse(documents.evaluation) as {policies: Array<{name: string}>};
	evaluation.policies[0]!.name = 'constructor';
	evaluation.policies[1]!.name = 'toString';
	const cell = (source: string, policy: string) => ({
		source, parameters: '', policy, metrics: {
			sustainedOverloadIntervals: {
				n: 2, mean: 3, sd: 1, ci95: [1, 5],
			}, energyKWh: {
				n: 2, mean: 1, sd: 0, ci95: null,
			},
		},
	});
	const merge = {sweep: 's', planned: 4, cells: [cell('x/constructor.json', 'valueOf'), cell('x/constructor.json', 'none'), cell('y.json', 'valueOf'), cell('y.json', 'none')]};
	for (const [text, kind] of [[JSON.stringify(evaluation)], [JSON.stringify(evaluation), 'tradeoff'], [JSON.stringify(merge)], [JSON.stringify(merge), 'tradeoff']] as const) {
		// eslint-disable-next-line no-await-in-loop -- one drawing at a time
		const svg = await svgOf(text, kind);
		checkInert(t, svg);
		t.true(svg.includes('constructor') || svg.includes('valueOf'));
	}
});
