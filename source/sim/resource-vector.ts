import {type Resource, type ResourceVector} from './types.js';

export function zeroVector(): ResourceVector {
	return {
		cpu: 0, memory: 0, disk: 0, network: 0,
	};
}

export function vector(cpu: number, memory: number, disk: number, network: number): ResourceVector {
	return {
		cpu, memory, disk, network,
	};
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
