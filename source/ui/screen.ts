/**
A frame's snapshot from the world, the UI state and recent events: what the dashboard renders. The
app builds one after each tick and key; tests and the bench build them the same way.
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
import {vmRows} from './vm-rows.js';

/** The frame, with every string from outside (names, captions, rules, reasons) made safe for the terminal. */
export function buildScreen(world: World, ui: UiState, events: readonly SimEvent[], strategies: Strategies, standingNote: string | undefined): Screen {
	return safeStrings(frameOf(world, ui, events, strategies, standingNote));
}

function frameOf(world: World, ui: UiState, events: readonly SimEvent[], strategies: Strategies, standingNote: string | undefined): Screen {
	const model = dashboardModel(world);
	const host = world.hosts[Math.min(ui.hostIndex, world.hosts.length - 1)];
	const picker = ui.picker?.kind === 'migrate' ? ui.picker : undefined;
	return {
		model,
		ui,
		hotspots: hotspotLines(events, world.config.tickSeconds, openEpisodes(world)),
		log: describeEvents(events, world.config.tickSeconds),
		vms: host ? vmRows(world, host.id) : [],
		network: networkModel(world, selectedVmId(ui, world), host?.id, ui.view === 'network'),
		destinations: picker
			? destinationsFor(world, picker.from).map(hostId => {
				const row = model.hosts.find(candidate => candidate.id === hostId)!;
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

