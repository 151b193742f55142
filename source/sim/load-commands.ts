/** Load injected from outside the workloads (a key, the timeline) and cleared again, on a VM or a host. */
import {findHost, findVm} from './lookup.js';
import type {
	Command, InjectedLoad, LoadTarget, SimEvent, World,
} from './types.js';

type Emit = (event: SimEvent) => void;

function loadsOf(world: World, target: LoadTarget): InjectedLoad[] | string {
	if (target.kind === 'vm') {
		return findVm(world, target.vmId)?.injected ?? `no VM ${target.vmId}`;
	}

	return findHost(world, target.hostId)?.injected ?? `no host ${target.hostId}`;
}

/** Adds a load until its duration is up (or until cleared); why not, when it cannot. */
export function injectLoad(world: World, command: Extract<Command, {type: 'injectLoad'}>, emit: Emit): string | undefined {
	const {tick} = world;
	const loads = loadsOf(world, command.target);
	if (typeof loads === 'string') {
		return loads;
	}

	if (!Number.isFinite(command.amount) || command.amount <= 0) {
		return `load must be a positive amount, got ${command.amount}`;
	}

	if (command.durationTicks !== null && !(Number.isInteger(command.durationTicks) && command.durationTicks > 0)) {
		return `duration must be a positive whole number of ticks, got ${command.durationTicks}`;
	}

	loads.push({
		resource: command.resource,
		amount: command.amount,
		untilTick: command.durationTicks === null ? null : tick + command.durationTicks,
	});
	emit({
		tick, type: 'loadInjected', target: command.target, resource: command.resource, amount: command.amount, durationTicks: command.durationTicks,
	});
	return undefined;
}

/** Ends every injected load on the target; why not, when there is no such target. */
export function clearLoad(world: World, command: Extract<Command, {type: 'clearLoad'}>, emit: Emit): string | undefined {
	const loads = loadsOf(world, command.target);
	if (typeof loads === 'string') {
		return loads;
	}

	const count = loads.length;
	loads.length = 0;
	emit({
		tick: world.tick, type: 'loadCleared', target: command.target, count,
	});
	return undefined;
}
