/**
@alcalzone/ansi-tokenize with `tokenize` and `styledCharsFromTokens` remembered across frames
(./remembered.ts says why). Neither Ink nor ./cell-grid.ts changes the arrays they get back.
*/
import {
	styledCharsFromTokens as styledCharsNow, tokenize as tokenizeNow, type StyledChar, type Token,
} from '@alcalzone/ansi-tokenize';
import {remembered} from './remembered.js';

export * from '@alcalzone/ansi-tokenize';

// A line's tokens and styled characters are about 20 KB: keep a frame or two's worth
// (40 lines at 120x40, and the texts Ink measures apart).
const tokens = remembered(text => tokenizeNow(text), 256);
const styled = new WeakMap<Token[], StyledChar[]>();

export function tokenize(text: string, endChar?: number): Token[] {
	return endChar === undefined ? tokens(text) : tokenizeNow(text, endChar);
}

export function styledCharsFromTokens(list: Token[]): StyledChar[] {
	let chars = styled.get(list);
	if (chars === undefined) {
		chars = styledCharsNow(list);
		styled.set(list, chars);
	}

	return chars;
}
