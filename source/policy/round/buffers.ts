/** A round's arrays, kept per hosts array and zeroed for each round: a round runs every scheduling interval. */
import {RefilledLists} from '../../sim/lists.js';
import type {Host, Vm} from '../../sim/types.js';

export type RoundBuffers = {
	requested: Float64Array;
	requestedAtStart: Float64Array;
	allocated: Float64Array;
	allocatedAtStart: Float64Array;
	freeMiB: Float64Array;
	capacity: Float64Array;
	up: Uint8Array;
	excluded: Uint8Array;
	poweredOn: Uint8Array;
	residents: RefilledLists<Vm>;
};

/** One set of arrays per hosts array, zeroed each round (a round runs every scheduling interval). */
const buffersByHosts = new WeakMap<readonly Host[], RoundBuffers>();

export function buffersFor(hosts: readonly Host[]): RoundBuffers {
	const count = hosts.length;
	const known = buffersByHosts.get(hosts);
	if (known?.requested.length === count) {
		for (const buffer of [known.requested, known.requestedAtStart, known.allocated, known.allocatedAtStart, known.freeMiB, known.capacity, known.up, known.excluded, known.poweredOn]) {
			buffer.fill(0);
		}

		return known;
	}

	const created: RoundBuffers = {
		requested: new Float64Array(count),
		requestedAtStart: new Float64Array(count),
		allocated: new Float64Array(count),
		allocatedAtStart: new Float64Array(count),
		freeMiB: new Float64Array(count),
		capacity: new Float64Array(count),
		up: new Uint8Array(count),
		excluded: new Uint8Array(count),
		poweredOn: new Uint8Array(count),
		residents: new RefilledLists<Vm>(count),
	};
	buffersByHosts.set(hosts, created);
	return created;
}

