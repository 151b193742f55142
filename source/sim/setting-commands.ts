/** Commands that change a setting of the world: the policy in charge, a host's link bandwidth. */
import {findHost} from './lookup.js';
import type {Strategies} from './strategies.js';
import type {Command, SimEvent, World} from './types.js';

type Emit = (event: SimEvent) => void;

/** Hands the datacenter to another policy, with that policy's fresh state; why not, for an unknown one. */
export function setPolicy(world: World, command: Extract<Command, {type: 'setPolicy'}>, strategies: Strategies, emit: Emit): string | undefined {
	const policy = Object.hasOwn(strategies.policies, command.policy) ? strategies.policies[command.policy] : undefined;
	if (!policy) {
		return `unknown policy ${command.policy} (known: ${Object.keys(strategies.policies).join(', ')})`;
	}

	const from = world.policy;
	world.policy = policy.name;
	world.policyState = policy.initialState(world);
	emit({
		tick: world.tick, type: 'policyChanged', from, to: policy.name,
	});
	return undefined;
}

/** Sets a host's NIC bandwidth (per direction); why not, when it cannot. */
export function setLinkBandwidth(world: World, command: Extract<Command, {type: 'setLinkBandwidth'}>, emit: Emit): string | undefined {
	const host = findHost(world, command.hostId);
	if (!host) {
		return `no host ${command.hostId}`;
	}

	if (!(Number.isFinite(command.networkMbps) && command.networkMbps > 0)) {
		return `link bandwidth must be a positive number of Mbit/s, got ${command.networkMbps}`;
	}

	const from = host.capacity.networkMbps;
	host.capacity.networkMbps = command.networkMbps;
	emit({
		tick: world.tick, type: 'linkBandwidthChanged', hostId: host.id, from, to: command.networkMbps,
	});
	return undefined;
}
