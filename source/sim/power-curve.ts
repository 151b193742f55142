import type {HostPower} from './types.js';

/** A SPECpower table (watts at 0, 10, ..., 100 % load) read at any utilisation, linearly, as CloudSim does. */
export function interpolate(table: readonly number[], utilisation: number): number {
	const u = Math.min(1, Math.max(0, utilisation));
	const position = u * (table.length - 1);
	const low = Math.floor(position);
	const high = Math.min(table.length - 1, low + 1);
	return table[low]! + ((table[high]! - table[low]!) * (position - low));
}

/**
A host's draw at `utilisation` while it is on (models.md 4): its SPECpower table, or the linear model
`P_idle + (P_max - P_idle) u`. The power strategy adds the off and booting states; CloudSim parity
prices an empty host on this curve.
*/
export function curveWatts(power: HostPower, utilisation: number): number {
	const {peakWatts, idleShare, specpowerWatts} = power;
	if (specpowerWatts) {
		return interpolate(specpowerWatts, utilisation);
	}

	const idle = peakWatts * idleShare;
	return idle + ((peakWatts - idle) * Math.min(1, Math.max(0, utilisation)));
}

/**
A SPECpower table read as CloudSim's `PowerModelSpecPower` reads it, to the last bit: its own order of
operations (the step to the next point over ten, times the distance in percent). Parity prices hosts
with it, and CloudSim's best fit compares such prices as raw doubles, so the last bit picks the host.
*/
export function cloudsimSpecpower(table: readonly number[], utilisation: number): number {
	const u = Math.min(1, Math.max(0, utilisation));
	if (u % 0.1 === 0) {
		return table[Math.trunc(u * 10)]!;
	}

	const low = Math.floor(u * 10);
	const high = Math.ceil(u * 10);
	const delta = (table[high]! - table[low]!) / 10;
	return table[low]! + (delta * (u - (low / 10)) * 100);
}
