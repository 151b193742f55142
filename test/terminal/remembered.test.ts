import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import {remembered} from '../../source/terminal/remembered.js';
import rememberedStringWidth from '../../source/terminal/remembered-string-width.js';
import * as rememberedTokenize from '../../source/terminal/remembered-tokenize.js';

const styledText = fc.array(fc.oneof(fc.string({unit: 'grapheme', maxLength: 6}), fc.constantFrom('\u001B[31m', '\u001B[1m', '\u001B[0m', '\u001B[39m', '█', '漢')), {maxLength: 8}).map(parts => parts.join(''));

test('the remembering string-width and tokenizer answer as the packages do, asked once or twice', t => {
	fc.assert(fc.property(styledText, text => {
		for (let ask = 0; ask < 2; ask++) {
			t.is(rememberedStringWidth(text), stringWidth(text));
			t.deepEqual(rememberedTokenize.styledCharsFromTokens(rememberedTokenize.tokenize(text)), styledCharsFromTokens(tokenize(text)));
		}
	}), {numRuns: 500});
	t.is(rememberedStringWidth('\tx', {countAnsiEscapeCodes: true}), stringWidth('\tx', {countAnsiEscapeCodes: true}));
});

test('a remembered function computes each text once; a text still in use stays, and one not asked for two generations is forgotten', t => {
	const asked: string[] = [];
	const length = remembered(text => {
		asked.push(text);
		return text.length;
	}, 2);
	t.deepEqual(['a', 'bb', 'a', 'bb'].map(text => length(text)), [1, 2, 1, 2]);
	t.deepEqual(asked, ['a', 'bb']);
	// The newer generation is full: it becomes the older, and 'a', found there, moves to the newer.
	length('ccc');
	length('a');
	t.deepEqual(asked, ['a', 'bb', 'ccc']);
	// Full again: 'bb' was in the generation dropped now.
	length('dddd');
	length('a');
	length('bb');
	t.deepEqual(asked, ['a', 'bb', 'ccc', 'dddd', 'bb']);
	// A text asked for all along is never computed again, however many one-off texts come between.
	for (let index = 0; index < 50; index++) {
		length(`once ${index}`);
		length('a');
	}

	t.is(asked.filter(text => text === 'a').length, 1);
});
