/**
Ink measures and tokenizes every line of every frame afresh (its caches last one frame), and most
lines repeat from frame to frame: string-width's grapheme and emoji tests and the ANSI tokenizer were
most of a frame's CPU. The bundle (scripts/bundle.mjs) hands Ink these remembering versions of the
same pure functions instead; the answers are the same, only not computed twice.
*/

/** `compute`, remembered for up to `limit` different texts (then forgotten all at once: bounded memory). */
export function remembered<T>(compute: (text: string) => T, limit = 8192): (text: string) => T {
	let known = new Map<string, T>();
	return text => {
		let value = known.get(text);
		if (value === undefined) {
			if (known.size >= limit) {
				known = new Map();
			}

			value = compute(text);
			known.set(text, value);
		}

		return value;
	};
}
