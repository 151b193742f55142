/** What a key does while a picker (a load to inject, a destination to migrate to) is open, and what the load picker offers. */
import {migrationRefusal} from '../sim/commands.js';
import type {Command, Resource} from '../sim/types.js';
import {migrationModeNames} from '../sim/migration-modes.js';
import type {UiAction} from './keymap.js';
import {sessionKey} from './session-keys.js';
import {clamp, destinationsFor} from './ui-selection.js';
import type {
	KeyContextData, KeyResult, Picker, UiState,
} from './ui-state.js';

export const loadResources: readonly Resource[] = ['cpu', 'memory', 'disk', 'network'];

/** Amounts offered per resource, in its unit. */
export const loadAmounts: Readonly<Record<Resource, readonly number[]>> = {
	cpu: [10, 25, 50, 100],
	memory: [128, 256, 512, 1024],
	disk: [25, 50, 100, 200],
	network: [100, 250, 500, 1000],
};

export const loadUnits: Readonly<Record<Resource, string>> = {
	cpu: 'CPU units', memory: 'MiB', disk: 'MB/s', network: 'Mbit/s',
};

export function pickerKey(state: UiState, picker: Picker, action: UiAction, context: KeyContextData): KeyResult {
	const {world} = context;
	const stay = (next: Picker) => ({state: {...state, picker: next}, commands: []});
	switch (action.type) {
		case 'close': {
			return {state: {...state, picker: null, note: 'cancelled'}, commands: []};
		}

		case 'up':
		case 'down': {
			const delta = action.type === 'up' ? -1 : 1;
			if (picker.kind === 'load') {
				return stay({...picker, resourceIndex: clamp(picker.resourceIndex + delta, loadResources.length), amountIndex: 0});
			}

			return stay({...picker, destinationIndex: clamp(picker.destinationIndex + delta, destinationsFor(world, picker.from).length)});
		}

		case 'left':
		case 'right': {
			if (picker.kind !== 'load') {
				return {state, commands: []};
			}

			const amounts = loadAmounts[loadResources[picker.resourceIndex]!];
			return stay({...picker, amountIndex: clamp(picker.amountIndex + (action.type === 'left' ? -1 : 1), amounts.length)});
		}

		case 'mode': {
			return picker.kind === 'migrate' ? stay({...picker, mode: action.mode}) : {state, commands: []};
		}

		case 'open': {
			if (picker.kind === 'load') {
				const resource = loadResources[picker.resourceIndex]!;
				const amount = loadAmounts[resource][picker.amountIndex]!;
				return {
					state: {...state, picker: null, note: `+${amount} ${loadUnits[resource]} on ${picker.label} until L clears it`},
					commands: [{
						type: 'injectLoad', target: picker.target, resource, amount, durationTicks: null,
					}],
				};
			}

			const destination = destinationsFor(world, picker.from)[picker.destinationIndex];
			if (destination === undefined) {
				return {state: {...state, picker: null, note: 'no destination to migrate to'}, commands: []};
			}

			const command: Command = {
				type: 'requestMigration', vmId: picker.vmId, destinationHostId: destination, mode: picker.mode, requestedBy: 'keyboard',
			};
			const refusal = migrationRefusal(world, command, context.strategies);
			if (refusal !== undefined) {
				// The picker stays open so that another destination or mode can be chosen.
				return {state: {...state, note: `refused: ${refusal}`}, commands: []};
			}

			return {
				state: {...state, picker: null, note: `${migrationModeNames[picker.mode]} of ${picker.vmId} to ${destination}`},
				commands: [command],
			};
		}

		case 'quit':
		case 'togglePause':
		case 'step':
		case 'faster':
		case 'slower': {
			return sessionKey(state, action);
		}

		case 'help':
		case 'nextFocus':
		case 'injectLoad':
		case 'clearLoad':
		case 'migrate':
		case 'cyclePolicy':
		case 'cycleNetworkMode':
		case 'networkView':
		case 'snapshot':
		case 'clone':
		case 'drain':
		case 'toggleFailure':
		case 'restart': {
			// Dashboard keys wait until the picker is closed.
			return {state, commands: []};
		}
	}
}
