/** What a key does on the dashboard, with no picker open. */
import {freeMemoryMiB} from '../sim/capacity.js';
import type {
	Command, LoadTarget, NetworkMode,
} from '../sim/types.js';
import type {UiAction} from './keymap.js';
import {sessionKey} from './session-keys.js';
import {move, selectedHost, selectedVm} from './ui-selection.js';
import {
	initialUiState, type KeyContextData, type KeyResult, type UiState, type View,
} from './ui-state.js';

const networkModes: readonly NetworkMode[] = ['bridged', 'nat', 'host-only'];

export function dashboardKey(state: UiState, action: UiAction, context: KeyContextData): KeyResult {
	const {world} = context;

	const none = (next: UiState = state): KeyResult => ({state: next, commands: []});
	const host = selectedHost(state, world);
	switch (action.type) {
		case 'help': {
			return none({...state, help: !state.help});
		}

		case 'close': {
			if (state.help) {
				return none({...state, help: false});
			}

			return none({...state, view: 'hosts'});
		}

		case 'quit':
		case 'togglePause':
		case 'step':
		case 'faster':
		case 'slower': {
			return sessionKey(state, action);
		}

		case 'up':
		case 'down': {
			return none(move(state, world, action.type === 'up' ? -1 : 1));
		}

		case 'nextFocus': {
			const order: View[] = ['hosts', 'vms', 'migrations', 'network'];
			return none({...state, help: false, view: order[(order.indexOf(state.view) + 1) % order.length]!});
		}

		case 'open': {
			return state.view === 'hosts' ? none({...state, view: 'vms', vmIndex: 0}) : none();
		}

		case 'injectLoad': {
			const vm = state.view === 'vms' ? selectedVm(state, world) : undefined;
			if (!host) {
				return none();
			}

			const target: LoadTarget = vm ? {kind: 'vm', vmId: vm.id} : {kind: 'host', hostId: host.id};
			return none({
				...state, picker: {
					kind: 'load', target, label: vm?.id ?? host.id, resourceIndex: 0, amountIndex: 1,
				},
			});
		}

		case 'clearLoad': {
			const vm = state.view === 'vms' ? selectedVm(state, world) : undefined;
			if (!host) {
				return none();
			}

			const target: LoadTarget = vm ? {kind: 'vm', vmId: vm.id} : {kind: 'host', hostId: host.id};
			return {state: {...state, note: `load cleared on ${vm?.id ?? host.id}`}, commands: [{type: 'clearLoad', target}]};
		}

		case 'migrate': {
			const vm = selectedVm(state, world);
			if (!vm || !host) {
				return none({...state, note: `no VM on ${host?.id ?? 'this host'} to migrate`});
			}

			if (vm.migrationId !== null) {
				return none({...state, note: `refused: ${vm.id} is already migrating`});
			}

			return none({
				...state, picker: {
					kind: 'migrate', vmId: vm.id, from: host.id, destinationIndex: 0, mode: world.config.migration.defaultMode,
				}, note: null,
			});
		}

		case 'networkView': {
			return none({...state, help: false, view: state.view === 'network' ? 'hosts' : 'network'});
		}

		case 'cyclePolicy': {
			const current = state.policyAsked?.tick === world.tick ? state.policyAsked.policy : world.policy;
			const index = context.policyNames.indexOf(current);
			const next = context.policyNames[(index + 1) % context.policyNames.length]!;
			return {state: {...state, note: `policy: ${next}`, policyAsked: {policy: next, tick: world.tick}}, commands: [{type: 'setPolicy', policy: next}]};
		}

		case 'cycleNetworkMode': {
			const vm = selectedVm(state, world);
			if (!vm) {
				return none({...state, note: 'no VM selected'});
			}

			// Bridged, NAT, host-only, then each declared custom network, and round again.
			const choices = [
				...networkModes.map(mode => ({mode, network: undefined})),
				...world.config.network.customNetworks.map(network => ({mode: 'custom' as const, network: network.id})),
			];
			const nic = vm.nics[0]!;
			const current = choices.findIndex(choice => choice.mode === nic.mode && (choice.network ?? null) === nic.network);
			const next = choices[(current + 1) % choices.length]!;
			const command: Command = next.network === undefined
				? {type: 'setNetworkMode', vmId: vm.id, mode: next.mode}
				: {
					type: 'setNetworkMode', vmId: vm.id, mode: next.mode, network: next.network,
				};
			return {state: {...state, note: `${vm.id} network: ${next.network ?? next.mode}`}, commands: [command]};
		}

		case 'snapshot': {
			const vm = selectedVm(state, world);
			return vm
				? {state: {...state, note: `snapshot of ${vm.id}`}, commands: [{type: 'snapshot', vmId: vm.id}]}
				: none({...state, note: 'no VM selected'});
		}

		case 'clone': {
			const vm = selectedVm(state, world);
			if (!vm) {
				return none({...state, note: 'no VM selected'});
			}

			const target = world.hosts
				.filter(candidate => candidate.role === 'worker' && candidate.state === 'up' && !candidate.draining)
				.map(candidate => ({id: candidate.id, free: freeMemoryMiB(world, candidate)}))
				.toSorted((a, b) => (b.free - a.free) || a.id.localeCompare(b.id))[0];
			if (!target || target.free < vm.memoryMiB) {
				return none({...state, note: `refused: no host has ${vm.memoryMiB} MiB free for a clone of ${vm.id}`});
			}

			return {state: {...state, note: `cloning ${vm.id} to ${target.id}`}, commands: [{type: 'clone', vmId: vm.id, destinationHostId: target.id}]};
		}

		case 'drain': {
			if (!host) {
				return none();
			}

			if (host.state === 'off') {
				return {state: {...state, note: `powering ${host.id} on`}, commands: [{type: 'powerOn', hostId: host.id}]};
			}

			return {state: {...state, note: `draining ${host.id}`}, commands: [{type: 'drainHost', hostId: host.id}]};
		}

		case 'toggleFailure': {
			if (!host) {
				return none();
			}

			const failing = host.state === 'up';
			return {state: {...state, note: `${failing ? 'failing' : 'recovering'} ${host.id}`}, commands: [{type: failing ? 'failHost' : 'recoverHost', hostId: host.id}]};
		}

		case 'restart': {
			return {state: {...initialUiState, speed: state.speed, note: 'restarted'}, commands: [], effect: {kind: 'restart'}};
		}

		case 'left':
		case 'right':
		case 'mode': {
			// Picker keys do nothing outside a picker.
			return none();
		}
	}
}
