/**
What each key does to the dashboard's state. Pure: a key gives a new state and, perhaps, commands for
the simulation; the world is only read, to know what is selectable and to explain a refusal at once.
*/
import {dashboardKey} from './dashboard-keys.js';
import type {UiAction} from './keymap.js';
import {pickerKey} from './picker-keys.js';
import type {KeyContextData, KeyResult, UiState} from './ui-state.js';

/**
What a key does, given the world as it is now. Commands apply when the next tick runs: while the
simulation is paused, the note says so, or a key (P, a load, a migration) would seem to do nothing.
*/
export function reduceKey(state: UiState, action: UiAction, context: KeyContextData): KeyResult {
	const result = state.picker ? pickerKey(state, state.picker, action, context) : dashboardKey(state, action, context);
	if (result.commands.length === 0 || !result.state.paused || result.state.note === null) {
		return result;
	}

	return {...result, state: {...result.state, note: `${result.state.note} (next tick; . steps)`}};
}
