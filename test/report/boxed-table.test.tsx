import {Table} from '@alcalzone/ink-table';
import test from 'ava';
import fc from 'fast-check';
import {renderToString} from 'ink';
import {boxedTable} from '../../source/report/boxed-table.js';

// The patterns have no v flag: fast-check's stringMatching refuses it.
/* eslint-disable require-unicode-regexp */
const cell = fc.stringMatching(/^[\w%.:-]{1,12}$/);
const header = fc.stringMatching(/^[a-z][a-z ]{0,10}$/);
/* eslint-enable require-unicode-regexp */

test('the boxed table is what ink-table draws, for any rows of the run report\'s kind', t => {
	fc.assert(fc.property(fc.uniqueArray(header, {minLength: 1, maxLength: 5}), fc.integer({min: 1, max: 6}), fc.infiniteStream(cell), (columns, count, cells) => {
		const values = cells[Symbol.iterator]();
		const rows = Array.from({length: count}, () => Object.fromEntries(columns.map(column => [column, values.next().value!])));
		t.is(boxedTable(rows), renderToString(<Table data={rows}/>, {columns: 1000}));
	}), {numRuns: 100});
});
