/**
The dashboard's own state (what is selected, which view, pickers, pause and speed) and what each key
does to it. Pure: a key gives a new state and, perhaps, commands for the simulation; the world is
only read, to know what is selectable and to explain a refusal at once.
*/
import {freeMemoryMiB} from '../sim/capacity.js';
import {migrationRefusal} from '../sim/commands.js';
import type {Strategies} from '../sim/strategies.js';
import type {
	Command, LoadTarget, MigrationMode, NetworkMode, Resource, World,
} from '../sim/types.js';
import {migrationModeNames} from '../sim/migration-modes.js';
import {isPlaced} from '../sim/vm-state.js';
import {nextSpeed, type UiAction} from './keymap.js';

export type View = 'hosts' | 'vms' | 'migrations' | 'network';

export type LoadPicker = {kind: 'load'; target: LoadTarget; label: string; resourceIndex: number; amountIndex: number};
export type MigratePicker = {kind: 'migrate'; vmId: string; from: string; destinationIndex: number; mode: MigrationMode};
export type Picker = LoadPicker | MigratePicker;

export type UiState = {
	view: View;
	/** Index into world.hosts. */
	hostIndex: number;
	/** Index into the selected host's VMs. */
	vmIndex: number;
	migrationIndex: number;
	picker: Picker | null;
	help: boolean;
	paused: boolean;
	speed: number;
	/** A short message for the status line: why a key did nothing, what it started. */
	note: string | null;
	/**
	The policy the last P asked for, and the tick it asked at: commands apply when the next tick runs, so
	until then (paused, or keys typed faster than ticks) the next P cycles on from it, not from the world's.
	*/
	policyAsked: {policy: string; tick: number} | null;
};

export const initialUiState: UiState = {
	view: 'hosts',
	hostIndex: 0,
	vmIndex: 0,
	migrationIndex: 0,
	picker: null,
	help: false,
	paused: false,
	speed: 1,
	note: null,
	policyAsked: null,
};

export type KeyContextData = {
	world: World;
	strategies: Strategies;
	policyNames: readonly string[];
};

export type KeyResult = {
	state: UiState;
	commands: Command[];
	quit?: boolean;
	restart?: boolean;
	/** Run one tick now (`.` while paused). */
	step?: boolean;
};

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

const networkModes: readonly NetworkMode[] = ['bridged', 'nat', 'host-only'];

function clamp(value: number, count: number): number {
	return count === 0 ? 0 : Math.max(0, Math.min(count - 1, value));
}

function selectedHost(state: UiState, world: World) {
	return world.hosts[clamp(state.hostIndex, world.hosts.length)];
}

function vmsOf(world: World, hostId: string | undefined) {
	return world.vms.filter(vm => vm.hostId === hostId && isPlaced(vm));
}

function selectedVm(state: UiState, world: World) {
	const host = selectedHost(state, world);
	const vms = vmsOf(world, host?.id);
	return vms[clamp(state.vmIndex, vms.length)];
}

/** The VM the panels describe: the selected host's selected VM (its first outside the VM list). */
export function selectedVmId(state: UiState, world: World): string | undefined {
	return selectedVm(state, world)?.id;
}

/** The network view walks every VM in the datacenter, moving the host selection along. */
function moveAcrossVms(state: UiState, world: World, delta: 1 | -1): UiState {
	const all = world.vms.filter(vm => isPlaced(vm));
	const current = selectedVm(state, world);
	const index = current ? all.indexOf(current) : -1;
	const next = all[clamp(index + delta, all.length)];
	if (!next) {
		return state;
	}

	const hostIndex = world.hosts.findIndex(host => host.id === next.hostId);
	return {...state, hostIndex: Math.max(0, hostIndex), vmIndex: vmsOf(world, next.hostId).indexOf(next)};
}

/** Hosts a VM could be sent to, in the picker's order: every other host but scratch hosts. */
export function destinationsFor(world: World, from: string): string[] {
	return world.hosts.filter(host => host.id !== from && host.role === 'worker').map(host => host.id);
}

function move(state: UiState, world: World, delta: 1 | -1): UiState {
	switch (state.view) {
		case 'hosts': {
			return {...state, hostIndex: clamp(state.hostIndex + delta, world.hosts.length), vmIndex: 0};
		}

		case 'vms': {
			return {...state, vmIndex: clamp(state.vmIndex + delta, vmsOf(world, selectedHost(state, world)?.id).length)};
		}

		case 'migrations': {
			return {...state, migrationIndex: clamp(state.migrationIndex + delta, world.migrations.length)};
		}

		case 'network': {
			return moveAcrossVms(state, world, delta);
		}
	}
}

function pickerKey(state: UiState, picker: Picker, action: UiAction, context: KeyContextData): KeyResult {
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

		case 'quit': {
			return {state, commands: [], quit: true};
		}

		case 'togglePause': {
			return {state: {...state, paused: !state.paused}, commands: []};
		}

		case 'step': {
			return {state, commands: [], step: state.paused};
		}

		case 'faster':
		case 'slower': {
			return {state: {...state, speed: nextSpeed(state.speed, action.type === 'faster' ? 1 : -1)}, commands: []};
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

function dashboardKey(state: UiState, action: UiAction, context: KeyContextData): KeyResult {
	const {world} = context;

	const none = (next: UiState = state): KeyResult => ({state: next, commands: []});
	const host = selectedHost(state, world);
	switch (action.type) {
		case 'quit': {
			return {state, commands: [], quit: true};
		}

		case 'help': {
			return none({...state, help: !state.help});
		}

		case 'close': {
			if (state.help) {
				return none({...state, help: false});
			}

			return none({...state, view: 'hosts'});
		}

		case 'togglePause': {
			return none({...state, paused: !state.paused});
		}

		case 'step': {
			return {state, commands: [], step: state.paused};
		}

		case 'faster':
		case 'slower': {
			return none({...state, speed: nextSpeed(state.speed, action.type === 'faster' ? 1 : -1)});
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
			return {state: {...initialUiState, speed: state.speed, note: 'restarted'}, commands: [], restart: true};
		}

		case 'left':
		case 'right':
		case 'mode': {
			// Picker keys do nothing outside a picker.
			return none();
		}
	}
}
