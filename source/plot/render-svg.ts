/**
A figure's Vega-Lite spec drawn as SVG without a browser: Vega-Lite compiles it to Vega, and Vega's
own headless SVG renderer (no DOM, no canvas) writes the markup, escaping every text it draws. Loaded
only by `plot`: the two packages are most of its start-up.
*/
import type {TopLevelSpec} from 'vega-lite';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
	const [{compile}, {parse, View}] = await Promise.all([import('vega-lite'), import('vega')]);
	const view = new View(parse(compile(spec).spec), {renderer: 'none'});
	try {
		const svg = await view.toSVG();
		return svg.endsWith('\n') ? svg : `${svg}\n`;
	} finally {
		view.finalize();
	}
}
