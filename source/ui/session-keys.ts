/** Keys that work the same with a picker open or not: quit, and the session's clock (pause, one step, speed). */
import {nextSpeed, type UiAction} from './keymap.js';
import type {KeyResult, UiState} from './ui-state.js';

export type SessionAction = Extract<UiAction, {type: 'quit' | 'togglePause' | 'step' | 'faster' | 'slower'}>;

export function sessionKey(state: UiState, action: SessionAction): KeyResult {
	switch (action.type) {
		case 'quit': {
			return {state, commands: [], effect: {kind: 'quit'}};
		}

		case 'togglePause': {
			return {state: {...state, paused: !state.paused}, commands: [], effect: {kind: state.paused ? 'resume' : 'pause'}};
		}

		case 'step': {
			return state.paused ? {state, commands: [], effect: {kind: 'step'}} : {state, commands: []};
		}

		case 'faster':
		case 'slower': {
			const speed = nextSpeed(state.speed, action.type === 'faster' ? 1 : -1);
			return {state: {...state, speed}, commands: [], effect: {kind: 'speed', speed}};
		}
	}
}
