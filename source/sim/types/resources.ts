/** The resources hosts offer and VMs demand. */

/** The four resources every host offers and every VM demands. */
export type Resource = 'cpu' | 'memory' | 'disk' | 'network';

export const resources: readonly Resource[] = ['cpu', 'memory', 'disk', 'network'];

/** An amount of each resource, in that resource's unit (CPU units, MiB, MB/s, Mbit/s). */
export type ResourceVector = {
	cpu: number;
	memory: number;
	disk: number;
	network: number;
};
