/**
The addressing plan and the reachability matrix of a world (`sandpiper network`): every host's
addresses, every VM's NICs and external address, the NAT forwards, and `reach` for every ordered
pair of endpoints (the outside, each host, each VM).
*/
import {externalAddress, primaryNic} from '../network/addressing.js';
import {
	endpointId, endpoints, indexNetwork, reach,
} from '../network/reach.js';
import type {
	NetworkMode, Nic, PortForward, World,
} from '../sim/types.js';

export type PlanHost = {id: string; rack: string; ip: string; natSubnet: string; hostOnlySubnet: string; state: string};

export type PlanVm = {
	id: string;
	host: string;
	mode: NetworkMode;
	mac: string;
	ip: string;
	externalAddress: string | null;
	/** Every NIC, the primary first (a firewall has two). */
	nics: Nic[];
	networkFunction: string | null;
};

export type PlanReach
	= | {from: string; to: string; reachable: true; path: string}
		| {from: string; to: string; reachable: false; reason: string};

export type NetworkPlan = {
	scenario: string;
	hosts: PlanHost[];
	networks: World['config']['network']['customNetworks'];
	forwards: PortForward[];
	vms: PlanVm[];
	reach: PlanReach[];
};

export function networkPlan(world: World): NetworkPlan {
	const index = indexNetwork(world);
	const all = endpoints(world);
	const pairs: PlanReach[] = [];
	for (const from of all) {
		for (const to of all) {
			if (from === to) {
				continue;
			}

			const answer = reach(index, from, to);
			const ids = {from: endpointId(from), to: endpointId(to)};
			pairs.push(answer.reachable
				? {...ids, reachable: true, path: answer.path.join(' -> ')}
				: {...ids, reachable: false, reason: answer.reason});
		}
	}

	return {
		scenario: world.scenarioName,
		hosts: world.hosts.map(host => ({
			id: host.id, rack: host.rack, ...host.addresses, state: host.state,
		})),
		networks: world.config.network.customNetworks,
		forwards: world.forwards,
		vms: world.vms.map(vm => {
			const nic = primaryNic(vm);
			return {
				id: vm.id,
				host: vm.hostId,
				mode: nic.mode,
				mac: nic.mac,
				ip: nic.ip,
				externalAddress: externalAddress(world, vm),
				nics: vm.nics,
				networkFunction: vm.networkFunction?.kind ?? null,
			};
		}),
		reach: pairs,
	};
}
