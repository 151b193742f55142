/**
Colours carry meaning only together with a glyph or a word, so NO_COLOR and monochrome terminals
lose nothing. The 16 named ANSI colours follow the user's palette, also over SSH.
*/
export type Level = 'ok' | 'warm' | 'hot';

/** Green under 50 %, yellow up to the threshold, red at or over it (glances and btop use the same scale). */
export function levelOf(fraction: number, threshold: number): Level {
	if (fraction >= threshold) {
		return 'hot';
	}

	return fraction >= 0.5 ? 'warm' : 'ok';
}

export const levelColor: Readonly<Record<Level, 'green' | 'yellow' | 'red'>> = {
	ok: 'green',
	warm: 'yellow',
	hot: 'red',
};
