/**
`sandpiper+consolidate`: Sandpiper's round (./sandpiper/decide.ts) while anything is hot, powering a
host on when it found no room (../place/power-on.ts); when nothing is hot, nothing was asked for and
the datacenter is cool, consolidation's underload pass (./consolidation/underload.ts) on the same
requests.
*/
import type {Policy} from '../sim/strategies.js';
import {consolidationRound} from './consolidation/consolidation-round.js';
import {isCool, underloadPass} from './consolidation/underload.js';
import {powerOnOne} from './place/power-on.js';
import {sandpiperRound} from './sandpiper/decide.js';
import {asManagerState, initialManagerState} from './sandpiper/state.js';

export const sandpiperConsolidatePolicy: Policy = {
	name: 'sandpiper+consolidate',
	description: 'Sandpiper while anything is hot (powering a host on when nothing has room); consolidation when the datacenter is cool',
	initialState: () => initialManagerState(),
	decide(world, stateValue) {
		const state = asManagerState(stateValue);
		const {requests, rejections} = sandpiperRound(world, state, 'black-box');
		if (Object.keys(state.hot).length > 0) {
			if (rejections.length > 0) {
				powerOnOne(requests, rejections[0]!.reason);
			}
		} else if (requests.commands.length === 0 && isCool(world)) {
			underloadPass(consolidationRound(requests, state), state);
		}

		return {
			commands: requests.commands, rejections, events: requests.events, state,
		};
	},
};
