import {type Resource, type ResourceVector} from './types.js';

/**
The prototype of the vectors made here: an empty object of their own. V8 gives objects with the same
keys in the same order, from the same prototype, one hidden class, and zod's schema objects hold
schemas under cpu, memory, disk and network: sharing their class, a vector's fields could hold only
boxed values, and every number written into one was a new heap object (writes 4x slower, and much of a
parity run's garbage). From their own prototype, vectors keep their numbers unboxed. They are plain
data still: JSON, and ava's deepEqual, see no difference.
*/
const vectorPrototype = {};

export function vector(cpu: number, memory: number, disk: number, network: number): ResourceVector {
	const made = Object.create(vectorPrototype) as ResourceVector; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- given its four fields at once, below
	made.cpu = cpu;
	made.memory = memory;
	made.disk = disk;
	made.network = network;
	return made;
}

/** Whether `value` holds exactly a vector's four numbers, in a vector's order. */
function isVectorShaped(value: Record<string, unknown>): boolean {
	const keys = Object.keys(value);
	return keys.length === 4 && keys[0] === 'cpu' && keys[1] === 'memory' && keys[2] === 'disk' && keys[3] === 'network'
		&& typeof value['cpu'] === 'number' && typeof value['memory'] === 'number' && typeof value['disk'] === 'number' && typeof value['network'] === 'number';
}

/**
`parsed` (JSON.parse's, changed in place) with each object shaped as a vector made one. A walk after
parsing, not a reviver: with a reviver, JSON.parse's arrays of numbers lose their fast elements. Arrays
are uniform in the world, so one whose first item is no object holds none.
*/
export function withVectors(parsed: unknown): unknown {
	if (Array.isArray(parsed)) {
		if (typeof parsed[0] === 'object' && parsed[0] !== null) {
			for (let index = 0; index < parsed.length; index++) {
				parsed[index] = withVectors(parsed[index]);
			}
		}

		return parsed;
	}

	if (typeof parsed !== 'object' || parsed === null) {
		return parsed;
	}

	const record = parsed as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- a JSON object
	if (isVectorShaped(record)) {
		return vector(record['cpu'] as number, record['memory'] as number, record['disk'] as number, record['network'] as number); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- checked just above
	}

	for (const key of Object.keys(record)) {
		const value = record[key];
		if (typeof value === 'object' && value !== null) {
			record[key] = withVectors(value);
		}
	}

	return record;
}

export function zeroVector(): ResourceVector {
	return vector(0, 0, 0, 0);
}

/** Whether every resource of `vector` is zero. */
export function isZero(vector: Readonly<ResourceVector>): boolean {
	return vector.cpu === 0 && vector.memory === 0 && vector.disk === 0 && vector.network === 0;
}

export function addTo(target: ResourceVector, amount: ResourceVector): void {
	target.cpu += amount.cpu;
	target.memory += amount.memory;
	target.disk += amount.disk;
	target.network += amount.network;
}

export function addResource(target: ResourceVector, resource: Resource, amount: number): void {
	target[resource] += amount;
}
