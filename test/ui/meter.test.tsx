import test from 'ava';
import type {ReactElement} from 'react';
import {render} from 'ink-testing-library';
import {Meter} from '../../source/ui/components/meter.js';
import {barCells} from '../../source/ui/format.js';

function frameOf(element: ReactElement): string {
	const {lastFrame, unmount} = render(element);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
}

test('the network meter: the VMs\' share, then the migration traffic in its own glyph, outside the percentage', t => {
	t.is(frameOf(<Meter fraction={0.3} extra={0.2} width={10} threshold={0.75}/>), '███▒▒░░░░░  30%');
	t.is(frameOf(<Meter label='NET' fraction={0.3} extra={0.2} width={10} threshold={0.75}/>), 'NET ███▒▒░░░░░  30%');
	t.is(frameOf(<Meter fraction={0.3} width={10} threshold={0.75}/>), '███░░░░░░░  30%', 'no migration, no segment');
});

test('a small migration still gets a cell, and the two shares never overflow the bar', t => {
	t.is(frameOf(<Meter fraction={0} extra={0.01} width={8} threshold={0.75}/>), '▒░░░░░░░   0%');
	t.is(frameOf(<Meter fraction={1} extra={0.01} width={8} threshold={0.75}/>), '███████▒ 100%');
	t.is(frameOf(<Meter fraction={0.7} extra={0.9} width={10} threshold={0.75}/>), '███████▒▒▒  70%', 'a migration NIC of its own can be fuller than the room left');
	for (const [first, second, width] of [[0.33, 0.33, 7], [0.05, 0.04, 3], [0.5, 0.5, 9], [0.99, 0, 4]] as const) {
		const cells = barCells(first, second, width);
		t.is(cells.filled + cells.extra + cells.empty, width);
		t.is(cells.extra > 0, second > 0);
	}
});
