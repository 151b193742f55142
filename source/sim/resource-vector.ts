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
