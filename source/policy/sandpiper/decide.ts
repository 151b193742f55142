/**
A Sandpiper round (Wood et al., NSDI 2007), every monitoring interval: observe (black-box or
gray-box), detect hotspots, move swaps on, relieve hot hosts over one planning round (../round/planning-round.ts), and answer with
commands. Its bookkeeping (hotspots, cooldowns, swaps in progress) is plain data in the world.
*/
import type {Policy, PlanRejection} from '../../sim/strategies.js';
import type {World} from '../../sim/types.js';
import {detectHotspots} from '../detect/k-of-n.js';
import type {Requests} from '../round/requests.js';
import {relieveHotspots} from './chain.js';
import {coolingDown, settleTracked} from './cooldown.js';
import {hotspotEvents, rejectionEvents} from './events.js';
import {observe, type Visibility} from './monitor.js';
import {asManagerState, initialManagerState, type ManagerState} from './state.js';
import {advanceSwaps, heldBySwaps, startSwaps} from './swaps.js';

export type SandpiperRound = {requests: Requests; rejections: PlanRejection[]};

/** One round on `state` (changed in place): what it asks for and what it refused. */
export function sandpiperRound(world: World, state: ManagerState, visibility: Visibility): SandpiperRound {
	const {monitoring, manager} = world.config;
	settleTracked(world, state);
	// Detection needs no peak estimates; plan (and pay for them) only when something is hot.
	const glance = observe(world, visibility, visibility === 'gray-box' ? 'current' : 'none');
	const hotspots = new Map(glance.hosts.map(host => [host.id, detectHotspots(host, monitoring, visibility, manager.timeSeriesWindow)]));
	const requests: Requests = {
		world, commands: [], events: hotspotEvents(world, hotspots, state), tracked: state.tracked,
	};
	advanceSwaps(requests, state, manager.maxConcurrentMigrations - world.migrations.length);
	const blocked = heldBySwaps(state, coolingDown(world, state));
	let rejections: PlanRejection[] = [];
	if ([...hotspots.values()].some(list => list.length > 0)) {
		// Swap steps issued just now count against the limit on concurrent migrations.
		const relief = relieveHotspots(requests, observe(world, visibility), {hotspots, blocked, limit: manager.maxConcurrentMigrations - requests.commands.length});
		rejections = relief.rejections;
		startSwaps(requests, state, relief.swaps);
	}

	rejectionEvents(world, rejections, state, requests.events);
	return {requests, rejections};
}

export function createSandpiperPolicy(name: string, visibility: Visibility, description: string): Policy {
	return {
		name,
		description,
		initialState: () => initialManagerState(),
		decide(world, stateValue) {
			const state = asManagerState(stateValue);
			const {requests, rejections} = sandpiperRound(world, state, visibility);
			return {
				commands: requests.commands, rejections, events: requests.events, state,
			};
		},
	};
}
