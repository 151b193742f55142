/**
Host power (models.md 4). Linear: `P(u) = P_idle + (P_max - P_idle) u` with `P_idle` a share of peak
(60 % by default, the course material's figure; Barroso and Hölzle 2007: "about half"). SPECpower:
CloudSim's tables of watts at 0, 10, ..., 100 % load, interpolated linearly. Unlike CloudSim's
`PowerModelLinear`, an idle host that is on draws its idle power: only a host that is off (or failed)
draws nothing, which is what consolidation wins by switching hosts off. A booting host draws idle power.
*/
import {curveWatts} from '../sim/power-curve.js';
import type {PowerModel} from '../sim/strategies.js';
import type {Host} from '../sim/types.js';

export {interpolate} from '../sim/power-curve.js';

function drawWatts(host: Host, utilisation: number): number {
	if (host.state === 'off' || host.state === 'failed') {
		return 0;
	}

	return curveWatts(host.power, host.state === 'booting' ? 0 : utilisation);
}

export const hostPowerModel: PowerModel = {
	name: 'linear or SPECpower',
	watts: drawWatts,
};
