/**
The planning round consolidation plans over (../round/planning-round.ts): black-box peaks in units
(../round/load-models.ts), a move freeing its source at once (a host is planned empty), hosts
cooling down taking part in nothing.
*/
import {peakUnits} from '../round/load-models.js';
import type {Requests} from '../round/requests.js';
import {viewRound, type ViewRound} from '../round/rate-load.js';
import {coolingDown} from '../sandpiper/cooldown.js';
import {observe} from '../sandpiper/monitor.js';
import type {ManagerState} from '../sandpiper/state.js';

export function consolidationRound(requests: Requests, state: ManagerState): ViewRound {
	const {world} = requests;
	return viewRound(observe(world, 'black-box'), requests, {
		projection: peakUnits(world),
		releasesSource: true,
		budget: world.config.manager.maxConcurrentMigrations - world.migrations.length,
		blocked: coolingDown(world, state),
	});
}
