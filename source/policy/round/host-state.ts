/** Which hosts a policy reads and which may take a VM: one test each, for every policy over the monitor's view. */
import type {Host, ManagerConfig} from '../../sim/types.js';

/** A worker that is up: the hosts a policy watches and relieves (a scratch host only relays swaps). */
export const isUpWorker = (host: Host) => host.role === 'worker' && host.state === 'up';

/** An up worker not being drained: the hosts that may take a VM. */
export const takesVms = (host: Host) => isUpWorker(host) && !host.draining;

/** Migrations `host` may send and receive at once: its own limits, else the manager's. */
export function migrationLimitsOf(host: Host, manager: ManagerConfig): {out: number; in: number} {
	return host.migrationLimits ?? {out: manager.perHostOut, in: manager.perHostIn};
}
