import test from 'ava';
import fc from 'fast-check';
import {PowerBuckets} from '../../source/policy/place/power-buckets.js';
import {interpolate} from '../../source/sim/power-curve.js';

const threshold = 0.8;

const kindArbitrary = fc.record({
	capacity: fc.integer({min: 1000, max: 6000}),
	// Any curve, rising or not: SPECpower tables have 11 points, a linear model two.
	table: fc.array(fc.double({min: 50, max: 300, noNaN: true}), {minLength: 2, maxLength: 11}),
	coreMips: fc.integer({min: 500, max: 6000}),
});

/** Hosts of one kind at every half per cent of utilisation. */
function gridOf(kind: number): Array<{kind: number; utilisation: number; extra: number}> {
	return Array.from({length: 201}, (_, step) => ({kind, utilisation: step / 200, extra: 0}));
}

/** What a host's price adds to F(u): mostly nothing, as for a host the round has not touched; else some watts. */
const extraArbitrary = fc.oneof({weight: 2, arbitrary: fc.constant(0)}, {weight: 1, arbitrary: fc.double({min: 0.001, max: 40, noNaN: true})});

test('property: a bucket\'s bounds (the loose one, and each host\'s own) are never above the price of a host in it that can take the VM (power rise plus extra), and none is left out, after moves', t => {
	t.notThrows(() => {
		fc.assert(fc.property(
			fc.array(kindArbitrary, {minLength: 1, maxLength: 3}),
			fc.array(fc.record({kind: fc.nat(), utilisation: fc.double({min: 0, max: 1, noNaN: true}), extra: extraArbitrary}), {maxLength: 60}),
			// Then, as in a round, some hosts take or shed load (a new utilisation and extra) and some leave their bucket.
			fc.array(fc.record({
				host: fc.nat(), utilisation: fc.double({min: 0, max: 1, noNaN: true}), extra: extraArbitrary, leave: fc.boolean(),
			}), {maxLength: 80}),
			fc.record({
				// Mostly VMs small enough for some hosts to take them, as in a datacenter; now and then one too big for any.
				mips: fc.oneof({weight: 4, arbitrary: fc.double({min: 1, max: 1000, noNaN: true})}, {weight: 1, arbitrary: fc.double({min: 1, max: 4000, noNaN: true})}),
				withGrid: fc.boolean(),
			}),
			(kinds, random, moves, {mips, withGrid}) => {
				// Hosts on a fine grid of utilisation for every kind, so every part of every band is tried, and some anywhere;
				// or only those, so that a band's hosts cover part of it.
				const grid = withGrid ? kinds.flatMap((_, kind) => gridOf(kind)) : [];
				const hosts = [...grid, ...random].map(host => ({...host}));
				const kindOfHost = Int32Array.from(hosts, host => host.kind % kinds.length);
				const buckets = new PowerBuckets(kinds, kindOfHost);
				for (const [index, host] of hosts.entries()) {
					buckets.place(index, host.utilisation, host.extra);
				}

				for (const move of moves) {
					if (hosts.length === 0) {
						break;
					}

					const index = move.host % hosts.length;
					if (move.leave) {
						buckets.remove(index);
					} else {
						hosts[index]!.utilisation = move.utilisation;
						hosts[index]!.extra = move.extra;
						buckets.place(index, move.utilisation, move.extra);
					}
				}

				const least = buckets.bound(mips, threshold);
				for (const [bucket, members] of buckets.members.entries()) {
					for (const index of members) {
						const {table, capacity, coreMips} = kinds[kindOfHost[index]!]!;
						const {utilisation, extra} = hosts[index]!;
						const share = mips / capacity;
						const bound = buckets.bounds[bucket]!;
						// A host that would pass 1 (or the threshold, once it carries load), or whose cores are too small, cannot take the VM: no bound holds it.
						if (utilisation + share > (utilisation > 0 ? threshold : 1) || mips > coreMips) {
							continue;
						}

						if (Number.isNaN(bound)) {
							throw new TypeError(`host ${index} at ${utilisation} can take ${mips} MIPS but is left out`);
						}

						const increase = interpolate(table, utilisation + share) - interpolate(table, utilisation) + extra;
						// The host's own bound, which the search stops at: the band's least F plus the host's extra;
						// the first host's (the least extra) bounds the band tightly.
						const rise = buckets.leastRise(bucket, mips, threshold);
						const own = buckets.hostBound(rise, index);
						const tight = buckets.hostBound(rise, members[0]!);
						if (!(bound <= increase && tight <= own && own <= increase && least >= 0 && buckets.bounds[least]! <= bound)) {
							throw new Error(`bounds ${bound} (loose), ${tight} (tight), ${own} (host), least ${buckets.bounds[least]}, increase ${increase}`);
						}
					}
				}
			},
		), {seed: 11, numRuns: 300, endOnFailure: true});
	});
});

const g5 = {capacity: 3720, table: [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117], coreMips: 1860};

/** Extra watts from a few values, so that hosts tie on extra and the id decides. */
const fewExtras = fc.oneof(fc.constant(0), fc.constantFrom(0.5, 3, 12.25));

test('property: hosts move between buckets as their utilisation and extra change, each in exactly one, by extra then id', t => {
	fc.assert(fc.property(
		fc.array(fc.record({
			host: fc.nat({max: 19}), utilisation: fc.double({min: 0, max: 1.2, noNaN: true}), extra: fewExtras, remove: fc.boolean(),
		}), {maxLength: 200}),
		moves => {
			const buckets = new PowerBuckets([g5], new Int32Array(20));
			const placed = new Map<number, number>();
			for (const {host, utilisation, extra, remove} of moves) {
				if (remove) {
					buckets.remove(host);
					placed.delete(host);
				} else {
					buckets.place(host, utilisation, extra);
					placed.set(host, extra);
				}
			}

			const all = buckets.members.flat();
			t.deepEqual(all.toSorted((a, b) => a - b), [...placed.keys()].toSorted((a, b) => a - b));
			for (const members of buckets.members) {
				t.deepEqual(members.map(index => buckets.extraOf(index)), members.map(index => placed.get(index)));
				t.deepEqual(members, members.toSorted((a, b) => (placed.get(a)! - placed.get(b)!) || a - b));
			}
		},
	), {seed: 12, numRuns: 300});
});

test('property: cleared buckets, filled again, are the buckets a new set would be, with the same bounds', t => {
	fc.assert(fc.property(
		fc.array(fc.record({host: fc.nat({max: 19}), utilisation: fc.double({min: 0, max: 1, noNaN: true}), extra: fewExtras}), {maxLength: 60}),
		fc.array(fc.record({host: fc.nat({max: 19}), utilisation: fc.double({min: 0, max: 1, noNaN: true}), extra: fewExtras}), {maxLength: 60}),
		fc.double({min: 1, max: 1800, noNaN: true}),
		(before, after, mips) => {
			const reused = new PowerBuckets([g5], new Int32Array(20));
			for (const {host, utilisation, extra} of before) {
				reused.place(host, utilisation, extra);
			}

			reused.clear();
			const fresh = new PowerBuckets([g5], new Int32Array(20));
			for (const {host, utilisation, extra} of after) {
				reused.place(host, utilisation, extra);
				fresh.place(host, utilisation, extra);
			}

			t.deepEqual(reused.members, fresh.members);
			t.is(reused.bound(mips, threshold), fresh.bound(mips, threshold));
			t.deepEqual([...reused.bounds], [...fresh.bounds]);
			t.deepEqual([...reused.candidates].slice(0, reused.candidateCount), [...fresh.candidates].slice(0, fresh.candidateCount));
		},
	), {seed: 13, numRuns: 200});
});
