import type {Resource} from '../../sim/types.js';

/** A swap in progress: its steps run one after another, each a migration. */
export type SwapInProgress = {
	vmId: string;
	from: string;
	to: string;
	via: string;
	steps: Array<{vmId: string; to: string}>;
	/** Index of the step in flight (or about to be issued). */
	stage: number;
	/** Whether the step at `stage` has been issued. */
	issued: boolean;
};

/** The policy's private state, kept in the world as plain data. */
export type ManagerState = {
	/** Per host, the resources it is hot on and the tick each was detected. */
	hot: Record<string, Partial<Record<Resource, number>>>;
	/** Per host, the first tick it may take part in a migration again. */
	cooldownUntil: Record<string, number>;
	/** Migrations this policy asked for and has not yet seen end. */
	tracked: Array<{vmId: string; from: string; to: string}>;
	swaps: SwapInProgress[];
	/** The last reason given per host, so a standing refusal is logged once, not every interval. */
	lastRejection: Record<string, string>;
	/** Consolidation: the host being emptied to be switched off, if any. */
	emptying: string | null;
};

export function initialManagerState(): ManagerState {
	return {
		hot: {}, cooldownUntil: {}, tracked: [], swaps: [], lastRejection: {}, emptying: null,
	};
}

/** Reads the state back from the world; anything else (another policy's) starts afresh. */
export function asManagerState(value: unknown): ManagerState {
	if (typeof value === 'object' && value !== null && 'hot' in value && 'cooldownUntil' in value && 'tracked' in value && 'swaps' in value && 'lastRejection' in value) {
		// eslint-disable-next-line unicorn/prefer-structured-clone, @typescript-eslint/no-unsafe-type-assertion -- plain JSON written by this module; JSON copies faster
		const state = JSON.parse(JSON.stringify(value)) as ManagerState;
		state.emptying ??= null;
		return state;
	}

	return initialManagerState();
}
