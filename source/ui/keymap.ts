/**
The keymap as data: one table drives key handling, the help line and the README's key list.
*/

export type UiAction
	= | {type: 'quit'}
		| {type: 'togglePause'}
		| {type: 'step'}
		| {type: 'faster'}
		| {type: 'slower'};

/** The parts of Ink's `Key` the keymap reads. */
export type KeyInfo = {
	ctrl?: boolean;
	meta?: boolean;
};

export type KeyBinding = {
	/** Printable keys that trigger the action (Ink's `input`). */
	keys: readonly string[];
	/** Ctrl chords (Ctrl-C only: terminals and tmux take the others). */
	ctrlKeys?: readonly string[];
	/** How the key is written in help and the README. */
	label: string;
	help: string;
	action: UiAction;
};

export const keymap: readonly KeyBinding[] = [
	{
		keys: ['q'], ctrlKeys: ['c'], label: 'q', help: 'quit (also Ctrl-C)', action: {type: 'quit'},
	},
	{
		keys: [' '], label: 'space', help: 'pause or resume', action: {type: 'togglePause'},
	},
	{
		keys: ['.'], label: '.', help: 'step one tick while paused', action: {type: 'step'},
	},
	{
		keys: ['+', '='], label: '+', help: 'faster (up to 64x)', action: {type: 'faster'},
	},
	{
		keys: ['-', '_'], label: '-', help: 'slower (down to 0.25x)', action: {type: 'slower'},
	},
];

export function actionFor(input: string, key: KeyInfo): UiAction | undefined {
	if (key.meta) {
		return undefined;
	}

	const binding = keymap.find(entry => key.ctrl ? entry.ctrlKeys?.includes(input) : entry.keys.includes(input));
	return binding?.action;
}

/** Speeds the `+` and `-` keys step through (ticks per wall-clock second at 1 s ticks). */
export const speeds: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

export function nextSpeed(speed: number, direction: 1 | -1): number {
	const index = speeds.indexOf(speed);
	const current = index === -1 ? speeds.indexOf(1) : index;
	return speeds[Math.max(0, Math.min(speeds.length - 1, current + direction))]!;
}

/** `q quit  space pause ...`: the hint line, from the table. */
export function hintLine(): string {
	return keymap.map(binding => `${binding.label} ${binding.help.split(' (')[0]!.split(' ')[0]}`).join('  ');
}
