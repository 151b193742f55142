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
	/** Each host's draw when idle (`curveWattsOf(host, 0)`), read once: most hosts of a consolidated day are empty every round. */
	idleWatts: Float64Array;
	/** The buckets of these kinds, emptied at the start of each round. */
	buckets: PowerBuckets;
};

const kindTables = new WeakMap<readonly Host[], KindTable>();

/**
The same curve: the same SPECpower table, or the same linear model. Compared number by number in a
plain loop: a key string per host, then a callback per number, were the first round's dearest parts.
*/
function sameCurve(a: Host['power'], b: Host['power']): boolean {
	const first = a.specpowerWatts;
	const second = b.specpowerWatts;
	if (!first || !second) {
		return !first && !second && a.peakWatts === b.peakWatts && a.idleShare === b.idleShare;
	}

	if (first.length !== second.length) {
		return false;
	}

	let at = -1;
	for (const watts of first) {
		at++;
		if (watts !== second[at]) {
			return false;
		}
	}

	return true;
}

/** The kinds found so far, and the first host of each, whose curve the others' are compared with. */
type KindsSoFar = {kinds: BucketKind[]; firsts: Host[]};

/** The kind found so far that `host` (`cpuUnits` MIPS, `core` a core) is of, or -1. */
function kindOf({kinds, firsts}: KindsSoFar, host: Host, cpuUnits: number, core: number): number {
	let at = -1;
	for (const kind of kinds) {
		at++;
		if (kind.capacity === cpuUnits && kind.coreMips === core && sameCurve(firsts[at]!.power, host.power)) {
			return at;
		}
	}

	return -1;
}

/** Whether every host still has the power and MIPS (`cpuUnits`, by position) `table` was made for: a loop, since it runs every round. */
function isCurrent(table: KindTable, hosts: readonly Host[], cpuUnits: ArrayLike<number>): boolean {
	if (table.powers.length !== hosts.length) {
		return false;
	}

	const {powers} = table;
	const known = table.cpuUnits;
	let index = -1;
	for (const host of hosts) {
		index++;
		if (host.power !== powers[index] || cpuUnits[index] !== known[index]) {
			return false;
		}
	}

	return true;
}

/** `cpuUnits` and `coreUnits`: each host's MIPS and one core's, by position. */
export function kindTable(hosts: readonly Host[], cpuUnits: ArrayLike<number>, coreUnits: ArrayLike<number>): KindTable {
	const known = kindTables.get(hosts);
	if (known && isCurrent(known, hosts, cpuUnits)) {
		return known;
	}

	const found: KindsSoFar = {kinds: [], firsts: []};
	const {kinds} = found;
	const kindOfHost = new Int32Array(hosts.length);
	let index = -1;
	for (const host of hosts) {
		index++;
		const core = coreUnits[index]!;
		let id = kindOf(found, host, cpuUnits[index]!, core);
		if (id < 0) {
			id = kinds.length;
			kinds.push({capacity: cpuUnits[index]!, table: powerTable(host), coreMips: core});
			found.firsts.push(host);
		}

		kindOfHost[index] = id;
	}

	const table: KindTable = {
		powers: hosts.map(host => host.power),
		cpuUnits: Float64Array.from(cpuUnits),
		kindOfHost,
		kinds,
		tables: hosts.map(host => host.power.specpowerWatts ?? undefined),
		idleWatts: Float64Array.from(hosts, host => curveWattsOf(host, 0)),
		buckets: new PowerBuckets(kinds, kindOfHost),
	};
	kindTables.set(hosts, table);
	return table;
}
