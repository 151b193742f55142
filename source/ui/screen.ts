/**
A frame's snapshot from the world, the UI state and recent events: what the dashboard renders. It comes
in two parts: what every view of a session shares (the rows, the alerts, the log: built once per tick
by the session) and what one view's selection adds (its host's VMs, its VM's network, its picker).
Tests and the bench build whole frames with `buildScreen`, the same way.
*/
import {migrationRefusal} from '../sim/commands.js';
import type {Strategies} from '../sim/strategies.js';
import type {Command, SimEvent, World} from '../sim/types.js';
import {safeStrings} from '../terminal/safe-text.js';
import type {Screen} from './components/dashboard.js';
import {networkModel} from './network-model.js';
import type {UiState} from './ui-state.js';
import {destinationsFor, selectedVmId} from './ui-selection.js';
import {openEpisodes} from './episode-lines.js';
import {dashboardModel} from './view-model.js';
import {describeEvents} from './event-descriptions.js';
import {hotspotLines} from './hotspot-lines.js';
import {keepUnchanged, sameFields} from './keep-unchanged.js';
import {vmRows} from './vm-rows.js';

/** The part of a frame that depends only on the world and the events: the same for every view. */
export type SharedFrame = Pick<Screen, 'model' | 'hotspots' | 'log'>;

/**
The shared part, with every string from outside made safe for the terminal. Given the frame before it,
rows whose data did not change are that frame's objects, so a memoised row component skips them.
*/
export function sharedFrame(world: World, events: readonly SimEvent[], previous?: SharedFrame): SharedFrame {
	const fresh = safeStrings({
		model: dashboardModel(world),
		hotspots: hotspotLines(events, world.config.tickSeconds, openEpisodes(world)),
		log: describeEvents(events, world.config.tickSeconds),
	});
	if (!previous) {
		return fresh;
	}

	const {model} = fresh;
	return {
		...fresh,
		model: {
			...model,
			hosts: keepUnchanged(previous.model.hosts, model.hosts),
			migrations: keepUnchanged(previous.model.migrations, model.migrations),
			thresholds: sameFields(previous.model.thresholds, model.thresholds) ? previous.model.thresholds : model.thresholds,
		},
	};
}

/** What one view brings to its frame: its UI state, the strategies (to explain a refusal), a standing note. */
export type FrameView = {ui: UiState; strategies: Strategies; standingNote: string | undefined};

/** A view's whole frame: the shared part and what its UI state selects, outside text made safe. */
export function viewFrame(world: World, shared: SharedFrame, view: FrameView): Screen {
	return {...shared, ...safeStrings(selectionOf(world, shared, view))};
}

/** The frame, with every string from outside (names, captions, rules, reasons) made safe for the terminal. */
export function buildScreen(world: World, ui: UiState, events: readonly SimEvent[], strategies: Strategies, standingNote: string | undefined): Screen { // eslint-disable-line max-params -- the frame tests' and the bench's one call
	return viewFrame(world, sharedFrame(world, events), {ui, strategies, standingNote});
}

function selectionOf(world: World, {model}: SharedFrame, {ui, strategies, standingNote}: FrameView): Omit<Screen, keyof SharedFrame> {
	const host = world.hosts[Math.min(ui.hostIndex, world.hosts.length - 1)];
	const picker = ui.picker?.kind === 'migrate' ? ui.picker : undefined;
	return {
		ui,
		vms: host ? vmRows(world, host.id) : [],
		network: networkModel(world, selectedVmId(ui, world), host?.id, ui.view === 'network'),
		destinations: picker
			? destinationsFor(world, picker.from).map(hostId => {
				// By position: the model's ids are made safe, the world's are as written (rows follow world.hosts).
				const row = model.hosts[world.hosts.findIndex(candidate => candidate.id === hostId)]!;
				const command: Command = {
					type: 'requestMigration', vmId: picker.vmId, destinationHostId: hostId, mode: picker.mode,
				};
				return {
					hostId, cpu: row.cpu, freeMiB: row.freeMemoryMiB, refusal: migrationRefusal(world, command, strategies),
				};
			})
			: [],
		standingNote,
	};
}
