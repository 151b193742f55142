/** The planning round's vocabulary: what it plans over, its load models, marks, listeners, and which VMs it may move. */
import type {Vm, World} from '../../sim/types.js';
import type {Records} from './requests.js';

/** What a round needs of a VM: the world's VM (BB12) or the monitor's view of one (./rate-load.ts). */
export type RoundVm = {
	readonly id: string;
	/** Its host in the world, where a migration starts from. */
	readonly hostId: string;
	readonly memoryMiB: number;
	/** Its volume-to-size ratio, for the log; 0 where there is none. */
	readonly vsr?: number;
};

export type RoundHost = {readonly id: string};

/** A host's figures, one number per host, remembered before each change (./host-journal.ts). */
export type Column = Float64Array;

/**
How a round projects each host's load, plugged into the one round (./planning-round.ts): BB12's CPU
sums over each host's VM list (./cpu-sums.ts), or the view's additive rates (./rate-load.ts). The
model's columns are remembered and restored with the round's own, so it needs no journal.
*/
export type LoadModel<V> = {
	/** The model's per-host figures. */
	readonly columns: readonly Column[];
	/**
	Whether a planned move takes its VM's load and memory off the source at once: BB12 and
	consolidation plan a host empty; a hotspot's relief does not (the VM holds its source until the
	migration ends).
	*/
	readonly releasesSource: boolean;
	/** `vm` is planned off `from` (-1: none, or a source that keeps it) and onto `to` (-1: none): the round has remembered both hosts. */
	moved(vm: V, vmIndex: number, from: number, to: number): void;
	/** The same move taken back, its columns restored already: for state of the model's own beyond them. */
	unmoved(vmIndex: number, from: number, to: number): void;
};

/** What a round is made of: the world, its hosts and VMs, where each VM is, and what it records into. */
export type RoundSetup<V, H> = {
	world: World;
	/** The world's hosts, or a view of each, in the world's order: a host's position is the same in both. */
	hosts: readonly H[];
	vms: readonly V[];
	/** Each VM's host when the round begins, by VM position (-1: none); the round's from here on. */
	startHost: Int32Array;
	records: Records;
	/** Migrations the policy may still start this round (none: no limit). */
	budget?: number;
	/** Hosts that take part in no move now, with why (cooling down, part of a swap). */
	blocked?: ReadonlyMap<string, string>;
	/** Whether host `index` may take VMs this round at all; one that may not, or is blocked, is excluded from the start. */
	takesVms?: (index: number) => boolean;
};

/** What `undo` returns to: lengths of the journals, the commands, the events and the tracked moves, and the budget. */
export type RoundMark = {
	journal: number; moves: number; proposed: number; commands: number; events: number; tracked: number; budget: number;
};

/**
Told of every planned move, and of its undoing (the same call with `from` and `to` swapped); -1 is
"no host" (a VM detached and not yet placed). A placement's index follows the round so.
*/
export type RoundListener = {
	moved(vmIndex: number, from: number, to: number): void;
	excluded?(index: number): void;
};

/** A VM a policy may move now: running, and not moving already. */
export const isMovable = (vm: Vm) => vm.migrationId === null && vm.state === 'running';

export {isPlaced} from '../../sim/vm-state.js';
