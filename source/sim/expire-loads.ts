/** Phase 1's end: injected loads whose time is up end, each with an event. */
import type {
	InjectedLoad, LoadTarget, SimEvent, World,
} from './types.js';

export function expireLoads(world: World, emit: (event: SimEvent) => void): void {
	for (const host of world.hosts) {
		if (host.injected.length > 0) {
			host.injected = unexpired(world, host.injected, {kind: 'host', hostId: host.id}, emit);
		}
	}

	for (const vm of world.vms) {
		if (vm.injected.length > 0) {
			vm.injected = unexpired(world, vm.injected, {kind: 'vm', vmId: vm.id}, emit);
		}
	}
}

/**
The loads whose time is not up; each one that is ends with an event. A function of its own, not a
callback written in the loops above: a callback that captures a loop's host or VM can make V8 allocate
a scope for every turn of the loop, whether the callback runs or not (in accountOverload and
advanceLifecycle such scopes were 58 KB of a parity tick's 0.53 MB of garbage).
*/
function unexpired(world: World, loads: readonly InjectedLoad[], target: LoadTarget, emit: (event: SimEvent) => void): InjectedLoad[] {
	const {tick} = world;
	return loads.filter(load => {
		const expired = load.untilTick !== null && load.untilTick <= tick;
		if (expired) {
			emit({
				tick, type: 'loadExpired', target, resource: load.resource, amount: load.amount,
			});
		}

		return !expired;
	});
}
