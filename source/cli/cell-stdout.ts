/**
The stdout Ink renders the dashboard to on a terminal. Ink runs in debug mode against it, in which it
writes each frame whole and nothing else; the frame goes to a CellWriter, which sends the real
terminal only the cells that changed. Ink's own renderer rewrites every line of the frame each time
(4-8 KB a second at 1x); its line-level `incrementalRendering` lands frames a row low in Ink 6.8
(ink#909). Resizes of the real terminal are passed on, after the screen is drawn whole again.
*/
import {CellWriter} from '../terminal/cell-writer.js';
import {FrameScreen} from '../terminal/frame-screen.js';

export function cellStdout(real: NodeJS.WriteStream): NodeJS.WriteStream {
	const size = () => ({columns: real.columns || 80, rows: real.rows || 24});
	const writer = new CellWriter(data => {
		real.write(data);
	}, size);
	const screen = new FrameScreen(size, frame => {
		writer.write(frame);
	});
	real.on('resize', () => {
		writer.repaint();
		screen.resized();
	});
	return screen.asStdout();
}
