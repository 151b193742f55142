/**
The keymap as data: one table drives key handling, the help screen and the README's key list.
No function keys and no Ctrl chords but Ctrl-C: terminals and tmux take them.
*/
import type {MigrationMode} from '../sim/types.js';

export type UiAction
	= | {type: 'quit'}
		| {type: 'help'}
		| {type: 'close'}
		| {type: 'togglePause'}
		| {type: 'step'}
		| {type: 'faster'}
		| {type: 'slower'}
		| {type: 'up'}
		| {type: 'down'}
		| {type: 'left'}
		| {type: 'right'}
		| {type: 'nextFocus'}
		| {type: 'open'}
		| {type: 'injectLoad'}
		| {type: 'clearLoad'}
		| {type: 'migrate'}
		| {type: 'cyclePolicy'}
		| {type: 'cycleNetworkMode'}
		| {type: 'networkView'}
		| {type: 'snapshot'}
		| {type: 'clone'}
		| {type: 'drain'}
		| {type: 'toggleFailure'}
		| {type: 'restart'}
		| {type: 'mode'; mode: MigrationMode};

/** Where a binding applies: the dashboard's views, or a picker (load, migration). */
export type KeyContext = 'main' | 'picker';

/** The parts of Ink's `Key` the keymap reads. */
export type KeyInfo = {
	ctrl?: boolean;
	meta?: boolean;
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	return?: boolean;
	escape?: boolean;
	tab?: boolean;
	shift?: boolean;
};

export type SpecialKey = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'return' | 'escape' | 'tab';

export type KeyBinding = {
	/** Printable keys (Ink's `input`). */
	keys: readonly string[];
	special?: readonly SpecialKey[];
	/** Ctrl chords: Ctrl-C only. */
	ctrlKeys?: readonly string[];
	/** How the key is written in help and the README. */
	label: string;
	help: string;
	/** The few words of the hint line; absent keys are not hinted. */
	hint?: string;
	/** Contexts the binding works in. */
	contexts: readonly KeyContext[];
	action: UiAction;
};

const both = ['main', 'picker'] as const;

export const keymap: readonly KeyBinding[] = [
	{
		keys: ['q'], ctrlKeys: ['c'], label: 'q', help: 'quit (also Ctrl-C)', hint: 'quit', contexts: both, action: {type: 'quit'},
	},
	{
		keys: ['?', 'h'], label: '?', help: 'help (also h)', hint: 'help', contexts: ['main'], action: {type: 'help'},
	},
	{
		keys: [], special: ['escape'], label: 'Esc', help: 'close a view, the help or a picker', contexts: both, action: {type: 'close'},
	},
	{
		keys: [' '], label: 'space', help: 'pause or resume', hint: 'pause', contexts: both, action: {type: 'togglePause'},
	},
	{
		keys: ['.'], label: '.', help: 'step one tick while paused', contexts: both, action: {type: 'step'},
	},
	{
		keys: ['+', '='], label: '+', help: 'faster (up to 64x)', contexts: both, action: {type: 'faster'},
	},
	{
		keys: ['-', '_'], label: '-', help: 'slower (down to 0.25x)', hint: 'speed', contexts: both, action: {type: 'slower'},
	},
	{
		keys: ['k'], special: ['upArrow'], label: 'up', help: 'select the previous host, VM, migration or choice (also k)', contexts: both, action: {type: 'up'},
	},
	{
		keys: ['j'], special: ['downArrow'], label: 'down', help: 'select the next one (also j)', hint: 'select', contexts: both, action: {type: 'down'},
	},
	{
		keys: [], special: ['tab'], label: 'Tab', help: 'move between hosts, the selected host\'s VMs and migrations', hint: 'view', contexts: ['main'], action: {type: 'nextFocus'},
	},
	{
		keys: [], special: ['return'], label: 'Enter', help: 'open the selected host\'s VMs; in a picker, go', contexts: both, action: {type: 'open'},
	},
	{
		keys: ['l'], label: 'l', help: 'inject load on the selected VM or host (pick resource and amount)', hint: 'load', contexts: ['main'], action: {type: 'injectLoad'},
	},
	{
		keys: ['L'], label: 'L', help: 'clear injected load from the selected VM or host', contexts: ['main'], action: {type: 'clearLoad'},
	},
	{
		keys: ['m'], label: 'm', help: 'migrate the selected VM (pick a destination and a mode)', hint: 'migrate', contexts: ['main'], action: {type: 'migrate'},
	},
	{
		keys: ['P'], label: 'P', help: 'switch to the next policy', hint: 'policy', contexts: ['main'], action: {type: 'cyclePolicy'},
	},
	{
		keys: ['n'], label: 'n', help: 'cycle the selected VM\'s network mode (bridged, NAT, host-only, custom networks)', contexts: ['main'], action: {type: 'cycleNetworkMode'},
	},
	{
		keys: ['N'], label: 'N', help: 'the network view: addresses, who reaches the selected VM, forwards, migration effects', hint: 'network', contexts: ['main'], action: {type: 'networkView'},
	},
	{
		keys: ['S'], label: 'S', help: 'snapshot the selected VM (a failure then restarts it elsewhere instead of losing it)', contexts: ['main'], action: {type: 'snapshot'},
	},
	{
		keys: ['c'], label: 'c', help: 'clone the selected VM onto the host with the most free memory', contexts: ['main'], action: {type: 'clone'},
	},
	{
		keys: ['d'], label: 'd', help: 'drain the selected host (live-migrate its VMs away, then power it off); on an off host, power it on', contexts: ['main'], action: {type: 'drain'},
	},
	{
		keys: ['f'], label: 'f', help: 'fail or recover the selected host', hint: 'fail', contexts: ['main'], action: {type: 'toggleFailure'},
	},
	{
		keys: ['r'], label: 'r', help: 'restart the scenario', contexts: ['main'], action: {type: 'restart'},
	},
	{
		keys: [], special: ['leftArrow'], label: 'left', help: 'in the load picker, a smaller amount', contexts: ['picker'], action: {type: 'left'},
	},
	{
		keys: [], special: ['rightArrow'], label: 'right', help: 'in the load picker, a larger amount', contexts: ['picker'], action: {type: 'right'},
	},
	{
		keys: ['p'], label: 'p', help: 'in the migration picker, pre-copy', contexts: ['picker'], action: {type: 'mode', mode: 'precopy'},
	},
	{
		keys: ['o'], label: 'o', help: 'in the migration picker, post-copy', contexts: ['picker'], action: {type: 'mode', mode: 'postcopy'},
	},
	{
		keys: ['s'], label: 's', help: 'in the migration picker, stop-and-copy', contexts: ['picker'], action: {type: 'mode', mode: 'stop-and-copy'},
	},
];

export function actionFor(input: string, key: KeyInfo, context: KeyContext = 'main'): UiAction | undefined {
	// Ink 6 reports a lone Escape with `meta` set too; other Meta (Alt) chords mean nothing here.
	if (key.meta && !key.escape) {
		return undefined;
	}

	const binding = keymap.find(entry => {
		if (!entry.contexts.includes(context)) {
			return false;
		}

		if (key.ctrl) {
			return entry.ctrlKeys?.includes(input) ?? false;
		}

		const special = entry.special?.some(name => key[name] === true) ?? false;
		// Ink reports Tab as `tab` with input '\t'; arrows and Enter with empty input.
		return special || (input.length === 1 && entry.keys.includes(input) && !key.tab && !key.return && !key.escape);
	});
	return binding?.action;
}

/** Speeds the `+` and `-` keys step through (ticks per wall-clock second). */
export const speeds: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

export function nextSpeed(speed: number, direction: 1 | -1): number {
	const index = speeds.indexOf(speed);
	const current = index === -1 ? speeds.indexOf(1) : index;
	return speeds[Math.max(0, Math.min(speeds.length - 1, current + direction))]!;
}

/** Hints dropped first when the line is too narrow: the rest are one `?` away. */
const hintsDroppedFirst: readonly string[] = ['fail', 'view', 'policy', 'speed', 'select', 'load'];

/** `q quit  ? help  space pause ...`: the hint line, from the table, as much of it as fits `width`. */
export function hintLine(width = Number.POSITIVE_INFINITY): string {
	const hints = keymap.filter(binding => binding.hint !== undefined).map(binding => ({
		hint: binding.hint!,
		text: `${binding.label === 'down' ? '↑↓' : (binding.label === '-' ? '+/-' : binding.label)} ${binding.hint!}`,
	}));
	const line = (shown: ReadonlyArray<{text: string}>) => shown.map(hint => hint.text).join('  ');
	let shown = hints;
	for (const dropped of hintsDroppedFirst) {
		if (line(shown).length <= width) {
			break;
		}

		shown = shown.filter(hint => hint.hint !== dropped);
	}

	return line(shown);
}
