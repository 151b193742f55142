import test from 'ava';
import fc from 'fast-check';
import {safeJson, safeStrings, safeText} from '../../source/terminal/safe-text.js';
import {terminalHazard} from '../helpers/terminal-hazard.js';

test('the report\'s attack strings come out inert and visible', t => {
	t.is(safeText('pwned\u001B]0;pwned\u0007'), String.raw`pwned\x1b]0;pwned\x07`);
	t.is(safeText('a\u001B[2Jb'), String.raw`a\x1b[2Jb`);
	t.is(safeText('line\r\nnext\tcol'), String.raw`line\r\nnext\tcol`);
	t.is(safeText('evil\u202Etxt.exe\u2066'), String.raw`evil\u202etxt.exe\u2066`);
	t.is(safeText('\u009B31m\u007F'), String.raw`\x9b31m\x7f`);
	t.is(safeText('tag\u{E0001}'), String.raw`tag\u{e0001}`);
	t.is(safeText('h01 · vm07 é 日本 🙂'), 'h01 · vm07 é 日本 🙂', 'printable text, accents, CJK and emoji pass as they are');
});

test('safeText leaves no control, format or separator character, whatever the input', t => {
	fc.assert(fc.property(fc.string({unit: 'binary'}), text => {
		const safe = safeText(text);
		t.is(terminalHazard(safe), undefined);
		t.is(safeText(safe), safe, 'safe text is a fixed point');
	}), {numRuns: 2000});
});

test('safeJson writes a format character above U+FFFF as its surrogate pair, so the text reads back the same', t => {
	t.is(safeJson(JSON.stringify('tag\u{E0077}x')), String.raw`"tag\udb40\udc77x"`);
	t.is(JSON.parse(safeJson(JSON.stringify('tag\u{E0077}x'))), 'tag\u{E0077}x');
});

test('an unassigned code point among the bidi controls (U+2065, which the property below once drew) is escaped, in text and in JSON', t => {
	t.is(safeText('a\u2065b'), String.raw`a\u2065b`);
	t.is(safeJson(JSON.stringify('a\u2065b')), String.raw`"a\u2065b"`);
	t.is(JSON.parse(safeJson(JSON.stringify('a\u2065b'))), 'a\u2065b');
	t.is(safeText('\u{10FFFF}'), String.raw`\u{10ffff}`);
});

test('safeJson keeps the document\'s meaning and leaves no C1, bidi or separator character raw', t => {
	fc.assert(fc.property(fc.jsonValue(), fc.string({unit: 'binary'}), (value, text) => {
		const document = JSON.stringify({value, text}, null, 2);
		const safe = safeJson(document);
		t.deepEqual(JSON.parse(safe), JSON.parse(document));
		t.is(terminalHazard(safe.replaceAll('\n', '')), undefined);
	}), {numRuns: 1000});
});

test('safeStrings escapes every string in plain objects and arrays and copies only what changed', t => {
	const clean = {a: 'x', list: [1, 'y']};
	t.is(safeStrings(clean), clean);
	const dirty = {
		a: 'x', list: [1, 'y\u001B'], nested: {b: '\u202E'}, kept: clean,
	};
	const safe = safeStrings(dirty);
	t.deepEqual(safe, {
		a: 'x', list: [1, String.raw`y\x1b`], nested: {b: String.raw`\u202e`}, kept: clean,
	});
	t.is(safe.kept, clean);
	t.is(dirty.list[1], 'y\u001B', 'the input is not changed');
});
