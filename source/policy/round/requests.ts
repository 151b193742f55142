/**
What a round of a policy asks of the world: commands, log events, and the migrations it follows to
their end (each one's hosts then cool down, ../sandpiper/cooldown.ts).
*/
import type {Command, SimEvent, World} from '../../sim/types.js';

export type Tracked = {vmId: string; from: string; to: string};

export type Requests = {
	world: World;
	commands: Command[];
	events: SimEvent[];
	/** The policy state's list: a request joins it. */
	tracked: Tracked[];
};

/** What a planning round records into: BB12 follows no migration to its end. */
export type Records = Omit<Requests, 'tracked'> & {tracked?: Tracked[]};

/** Asks for a VM to move, with a new allocation at its destination (null: keep its own). */
export function requestMigration(requests: Records, move: Tracked, allocationMiB: number | null = null): void {
	requests.commands.push({
		type: 'requestMigration', vmId: move.vmId, destinationHostId: move.to, mode: null, allocationMiB, requestedBy: requests.world.policy,
	});
	requests.tracked?.push(move);
}
