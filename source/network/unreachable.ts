/** Why one endpoint cannot reach another: one of them is down, or a network mode keeps them apart. */
import {isDown} from '../sim/vm-state.js';
import {primaryNic} from './addressing.js';
import {external, type NetworkIndex} from './segments.js';

/** Why nothing got through: a network mode that keeps the two apart says more than the first refusal met. */
export function unreachableReason(index: NetworkIndex, from: string, target: string, blocked: string | undefined): string {
	const source = index.vms.get(from);
	if (source && primaryNic(source).mode === 'host-only' && source.nics.length === 1) {
		return `${source.id} is host-only: it reaches only ${source.hostId} and its host-only VMs`;
	}

	const vm = index.vms.get(target);
	if (vm) {
		const nic = primaryNic(vm);
		if (nic.mode === 'nat' && !vm.networkFunction) {
			const forwards = index.world.forwards.filter(f => f.vmId === vm.id);
			return forwards.length === 0
				? `${vm.id} is behind ${vm.hostId}'s NAT with no port forward: only ${vm.hostId} and its NAT VMs reach it`
				: `${vm.id} is behind ${vm.hostId}'s NAT: reached only on ${forwards.map(f => `:${f.hostPort}->${f.vmPort}`).join(', ')}`;
		}

		if (nic.mode === 'host-only') {
			return `${vm.id} is on ${vm.hostId}'s host-only network: only ${vm.hostId} and its host-only VMs reach it`;
		}
	}

	return blocked ?? `no route from ${from} to ${target}`;
}

/** Why a node cannot take part (down, or no such node), or undefined when it can. */
export function liveness(index: NetworkIndex, nodeId: string): string | undefined {
	if (nodeId === external) {
		return undefined;
	}

	const host = index.hosts.get(nodeId);
	if (host) {
		return host.state === 'up' ? undefined : `${host.id} is down`;
	}

	const vm = index.vms.get(nodeId);
	if (!vm) {
		return `no host or VM ${nodeId}`;
	}

	if (isDown(vm)) {
		return `${vm.id} is ${vm.state}`;
	}

	return index.hosts.get(vm.hostId)?.state === 'up' ? undefined : `${vm.id}'s host ${vm.hostId} is down`;
}
