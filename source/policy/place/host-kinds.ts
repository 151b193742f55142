/**
Hosts of one kind (the same MIPS, cores and power curve) price a VM alike: PABFD tries only the first
suitable empty host of each kind, and buckets the loaded ones by kind (./power-buckets.ts).
*/
import {cloudsimSpecpower, curveWatts} from '../../sim/power-curve.js';
import type {Host} from '../../sim/types.js';
import {PowerBuckets, type BucketKind} from './power-buckets.js';

/** A host's draw on its power curve, whether it is on or not (CloudSim prices an empty host at idle), read as CloudSim reads it. */
export function curveWattsOf(host: Host, utilisation: number): number {
	const table = host.power.specpowerWatts;
	return table ? cloudsimSpecpower(table, utilisation) : curveWatts(host.power, utilisation);
}

/** The points of the power curve: its SPECpower table, or idle and peak. */
function powerTable(host: Host): readonly number[] {
	const {specpowerWatts, peakWatts, idleShare} = host.power;
	return specpowerWatts ?? [peakWatts * idleShare, peakWatts];
}

export type KindTable = {
	/** What each host was when the table was made: a host whose power or MIPS changed makes a new table. */
	powers: ReadonlyArray<Host['power']>;
	cpuUnits: Float64Array;
	kindOfHost: Int32Array;
	kinds: BucketKind[];
	/** Each host's SPECpower table, none for a linear model. */
	tables: Array<readonly number[] | undefined>;
	/** The buckets of these kinds, emptied at the start of each round. */
	buckets: PowerBuckets;
};

const kindTables = new WeakMap<readonly Host[], KindTable>();

export function kindTable(hosts: readonly Host[], coreUnits: (host: Host) => number): KindTable {
	const known = kindTables.get(hosts);
	if (known?.powers.length === hosts.length && hosts.every((host, index) => host.power === known.powers[index] && host.capacity.cpuUnits === known.cpuUnits[index])) {
		return known;
	}

	const ids = new Map<string, number>();
	const kinds: BucketKind[] = [];
	const kindOfHost = Int32Array.from(hosts, host => {
		const {specpowerWatts, peakWatts, idleShare} = host.power;
		const core = coreUnits(host);
		const key = `${host.capacity.cpuUnits}/${core}/${specpowerWatts ? specpowerWatts.join(',') : `${peakWatts}:${idleShare}`}`;
		let id = ids.get(key);
		if (id === undefined) {
			id = kinds.length;
			ids.set(key, id);
			kinds.push({capacity: host.capacity.cpuUnits, table: powerTable(host), coreMips: core});
		}

		return id;
	});
	const table: KindTable = {
		powers: hosts.map(host => host.power),
		cpuUnits: Float64Array.from(hosts, host => host.capacity.cpuUnits),
		kindOfHost,
		kinds,
		tables: hosts.map(host => host.power.specpowerWatts ?? undefined),
		buckets: new PowerBuckets(kinds, kindOfHost),
	};
	kindTables.set(hosts, table);
	return table;
}
