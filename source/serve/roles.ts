/**
Who may do what at a served dashboard. A presenter drives the lecture with every key; a viewer watches
it, moves their own selection and views, and forks it to experiment; in their own fork anybody has
every key. What a key would do to the world or to the lecture's pace is refused to a viewer at the
key itself (`m` does not even open the picker), with a note that names the role and the way out.
*/
import type {UiAction} from '../ui/keymap.js';

export type Role = 'presenter' | 'viewer';

/** Where a connection is: on the lecture (as its role allows) or in a fork of its own. */
export type Place = {kind: 'lecture'} | {kind: 'fork'; fromTick: number};

/** Actions that change the world or the lecture's pace (the rest only move what one person sees). */
const worldActions = new Set<UiAction['type']>([
	'togglePause', 'step', 'faster', 'slower', 'injectLoad', 'clearLoad', 'migrate', 'cyclePolicy', 'cycleNetworkMode', 'snapshot', 'clone', 'drain', 'toggleFailure', 'restart',
]);

/** Short enough to show whole in the status line at 80 columns, after the clock and a tick in the millions. */
export const viewerRefusal = 'viewer: read-only here; F forks the lecture for you';

/** A refusal note for `action`, or undefined when the role may take it where the connection is. */
export function refusalFor(role: Role, place: Place, action: UiAction): string | undefined {
	if (place.kind === 'fork' || role === 'presenter') {
		return undefined;
	}

	return worldActions.has(action.type) ? viewerRefusal : undefined;
}

/** The status line's standing words for a connection: short, so the line keeps its figures at 80 columns. */
export function standingFor(role: Role, place: Place): string {
	if (place.kind === 'fork') {
		return `FORK from tick ${place.fromTick} (R rejoins)`;
	}

	return role === 'presenter' ? 'PRESENTER' : 'VIEWER (F forks)';
}
