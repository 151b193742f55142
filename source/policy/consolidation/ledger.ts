/**
The ledger consolidation plans over: black-box peaks in units (../round/load-models.ts), a move
freeing its source at once (a host is planned empty), hosts cooling down taking part in nothing.
*/
import {peakUnits} from '../round/load-models.js';
import type {Requests} from '../round/requests.js';
import {ViewLedger} from '../round/view-ledger.js';
import {coolingDown} from '../sandpiper/cooldown.js';
import {observe} from '../sandpiper/monitor.js';
import type {ManagerState} from '../sandpiper/state.js';

export function consolidationLedger(requests: Requests, state: ManagerState): ViewLedger {
	const {world} = requests;
	return new ViewLedger(observe(world, 'black-box'), requests, {
		model: peakUnits(world),
		releasesSource: true,
		budget: world.config.manager.maxConcurrentMigrations - world.migrations.length,
		blocked: coolingDown(world, state),
	});
}
