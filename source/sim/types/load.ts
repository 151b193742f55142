/** Load injected from outside the workloads (a key, the timeline), on a VM or a host. */
import type {Resource} from './resources.js';

export type InjectedLoad = {
	resource: Resource;
	/** In the resource's unit, added to demand. */
	amount: number;
	/** The first tick on which the load no longer applies; null = until cleared. */
	untilTick: number | null;
};

export type LoadTarget = {kind: 'vm'; vmId: string} | {kind: 'host'; hostId: string};
