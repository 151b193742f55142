/**
Ink measures and tokenizes every line of every frame afresh (its caches last one frame), and most
lines repeat from frame to frame: string-width's grapheme and emoji tests and the ANSI tokenizer were
most of a frame's CPU. The bundle (scripts/bundle.mjs) hands Ink these remembering versions of the
same pure functions instead; the answers are the same, only not computed twice.
*/

/**
`compute`, remembered in two generations of up to `limit` texts each: when the newer fills, the older is
dropped and the newer becomes it, so texts still in use (found in the older, they move to the newer)
stay, and memory stays bounded by twice the limit. Lines whose figures change every tick are one-off
texts: a single map that filled with them held 8,192 tokenized lines (about 160 MB) before it let go.
*/
export function remembered<T>(compute: (text: string) => T, limit: number): (text: string) => T {
	let newer = new Map<string, T>();
	let older = new Map<string, T>();
	return text => {
		let value = newer.get(text);
		if (value !== undefined) {
			return value;
		}

		value = older.get(text) ?? compute(text);
		if (newer.size >= limit) {
			older = newer;
			newer = new Map();
		}

		newer.set(text, value);
		return value;
	};
}
