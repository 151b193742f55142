/**
The test's own list of what must never reach a terminal raw from outside text, written out range by
range (not the code's category classes): C0 but a line feed's place is the caller's to decide, DEL, C1,
bidi marks, embeddings, overrides and isolates, line and paragraph separators, zero-width characters.
*/
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const hazards = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/v;

/** The first hazardous character of `text` (as a code), or undefined. */
export function terminalHazard(text: string): string | undefined {
	const found = hazards.exec(text);
	return found ? `U+${found[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${found.index}` : undefined;
}

/** The same, with line breaks allowed (a report's own lines) and the program's own colour codes (SGR) taken out. */
export function terminalHazardInOutput(text: string): string | undefined {
	// eslint-disable-next-line no-control-regex -- the colour codes' ESC
	return terminalHazard(text.replaceAll(/\u001B\[[\d;]*m/gv, '').replaceAll('\n', ''));
}
