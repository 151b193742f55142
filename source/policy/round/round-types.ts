/** The planning round's vocabulary: marks, listeners, options and which VMs it may move. */
import type {Host, Vm} from '../../sim/types.js';

/** What `undo` returns to: lengths of the journals, the commands and the events. */
export type RoundMark = {hosts: number; moves: number; commands: number; events: number};

/**
Told of every planned move, and of its undoing (the same call with `from` and `to` swapped); -1 is
"no host" (a VM detached and not yet placed). A placement's index and a detector's histories follow
the round so.
*/
export type RoundListener = {
	moved(vm: Vm, vmIndex: number, from: number, to: number): void;
	excluded?(index: number): void;
};

/** A VM a policy may move now: running, and not moving already. */
export const isMovable = (vm: Vm) => vm.migrationId === null && vm.state === 'running';

export {isPlaced} from '../../sim/vm-state.js';

export type RoundOptions = {
	/**
	Each VM's place in its host's list, by VM position (lower first): CloudSim's host keeps its VMs in
	order of arrival and breaks ties by it. Without it, VMs are in id order.
	*/
	arrival?: ArrayLike<number>;
	/** MIPS one core of a host has: a VM is allocated at most that much (CloudSim's VMs have one core). */
	coreUnits?: (host: Host) => number;
};
