/**
Text from outside (scenario files, sessions, traces, flags, file names) made safe to show: a terminal
obeys control characters wherever they come from, so `ESC ] 0 ; … BEL` in a scenario's name would set
the user's window title and `ESC [ 2 J` clear the screen. Every writer passes outside text through here.
*/

/**
Control characters (C0, DEL and C1: a terminal may read U+009B as CSI), format characters (the bidi
embeddings, overrides and isolates such as U+202E that reorder what is shown, zero-width marks, the
BOM), line and paragraph separators, and lone surrogates: by Unicode category, so none is left out.
Unassigned code points too: U+2065 sits among the bidi controls, and a later Unicode (or a terminal
that guesses) may make it, or its like, one; nothing unassigned has anything to show.
*/
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}]/gv;

/** The same but C0, which JSON.stringify escapes inside strings and uses raw only as white space between values. */
// eslint-disable-next-line no-control-regex -- C0 is named to be left out
const unsafeInJson = /[[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cn}]--[\u0000-\u001F]]/gv;

const named: Readonly<Record<string, string>> = {
	'\n': String.raw`\n`,
	'\r': String.raw`\r`,
	'\t': String.raw`\t`,
};

function escape(character: string): string {
	if (Object.hasOwn(named, character)) {
		return named[character]!;
	}

	const code = character.codePointAt(0)!;
	if (code <= 0xFF) {
		return String.raw`\x${code.toString(16).padStart(2, '0')}`;
	}

	return code <= 0xFF_FF ? String.raw`\u${code.toString(16).padStart(4, '0')}` : String.raw`\u{${code.toString(16)}}`;
}

/** `text` with every control or invisible format character shown as an escape (`\x1b`, `\u202e`, `\n`): one line, inert. */
export function safeText(text: string): string {
	return text.replaceAll(unsafe, escape);
}

/** Whether `text` holds a character `safeText` would escape. */
export function hasUnsafeText(text: string): boolean {
	unsafe.lastIndex = 0;
	const found = unsafe.test(text);
	unsafe.lastIndex = 0;
	return found;
}

/**
JSON text with the same meaning, in which the characters JSON.stringify leaves raw but a terminal may
obey (DEL, C1, the format characters above) are written as `\uXXXX` escapes; C0 is escaped already.
*/
export function safeJson(json: string): string {
	// One escape per UTF-16 unit: JSON writes a character above U+FFFF as its surrogate pair.
	return json.replaceAll(unsafeInJson, character => Array.from({length: character.length}, (_, index) => {
		const unit = character.charCodeAt(index); // eslint-disable-line unicorn/prefer-code-point -- the units, not the code point
		return String.raw`\u${unit.toString(16).padStart(4, '0')}`;
	}).join(''));
}

/**
`value` with `safeText` applied to every string in its plain objects and arrays: the dashboard's frame
carries names, captions, rules and reasons from files in many fields, and one pass over the frame keeps
a new field from being missed. Parts with nothing to escape are returned as they are, not copied.
*/
export function safeStrings<T>(value: T): T {
	return safeValue(value) as T; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the same shape, strings escaped
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') {
		return false;
	}

	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

function safeValue(value: unknown): unknown {
	if (typeof value === 'string') {
		return hasUnsafeText(value) ? safeText(value) : value;
	}

	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		for (const [index, item] of (value as unknown[]).entries()) {
			const safe = safeValue(item);
			if (safe !== item) {
				copy ??= [...(value as unknown[])];
				copy[index] = safe;
			}
		}

		return copy ?? value;
	}

	if (isPlainObject(value)) {
		let copy: Record<string, unknown> | undefined;
		for (const [key, item] of Object.entries(value)) {
			const safe = safeValue(item);
			if (safe !== item) {
				copy ??= {...value};
				copy[key] = safe;
			}
		}

		return copy ?? value;
	}

	return value;
}
