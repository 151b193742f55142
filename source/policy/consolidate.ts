/**
Consolidation for energy (the course material's 3:1 example; Beloglazov and Buyya, CCPE 2012's
power-aware best-fit decreasing), every monitoring interval over one planning round of peaks (../round/planning-round.ts):
1. overload: hot hosts, and hosts that cannot take their VMs' peaks, send their largest VM to the best
   fit, or a host is powered on (./consolidation/relief.ts);
2. underload: when nothing is hot and the datacenter is cool, empty hosts are switched off and the
   least-loaded host is emptied all or nothing (./consolidation/underload.ts).
"Takes its peaks": the host's projected peaks (its VMs' peak estimates and the hypervisor's baseline)
stay under every threshold and its memory has room, so consolidation never packs a host beyond what
its VMs' peaks need.
*/
import type {Policy} from '../sim/strategies.js';
import {consolidationRound} from './consolidation/consolidation-round.js';
import {hotHosts, reliefChain} from './consolidation/relief.js';
import {isCool, underloadPass} from './consolidation/underload.js';
import {reliefPass} from './round/relief-pass.js';
import {settleTracked} from './sandpiper/cooldown.js';
import {asManagerState, initialManagerState} from './sandpiper/state.js';

export {packingHeadroom} from './consolidation/underload.js';

export const consolidatePolicy: Policy = {
	name: 'consolidate',
	description: 'Consolidation for energy: power-aware best fit by peaks, empty hosts switched off, hosts powered on when demand returns',
	initialState: () => initialManagerState(),
	decide(world, stateValue) {
		const state = asManagerState(stateValue);
		settleTracked(world, state);
		const round = consolidationRound({
			world, commands: [], events: [], tracked: state.tracked,
		}, state);
		const hot = hotHosts(round);
		reliefPass(round, reliefChain(round, hot));
		if (hot.size === 0 && isCool(world)) {
			underloadPass(round, state);
		}

		const {commands, events} = round;
		return {
			commands, rejections: [], events, state,
		};
	},
};
