/**
The segments of a world, each a network its members share:
- `physical`: the outside world, every host (racks are routed to each other), bridged NICs and NICs
  on external custom networks; NAT VMs may send into it (their host masquerades) but not be reached;
- `nat:<host>`: a host and its NAT VMs; from outside only through the host's port forwards;
- `host-only:<host>`: a host and its host-only VMs, and nothing else;
- `net:<id>`: a custom network's NICs.
*/
import type {Host, Vm, World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';

export type Endpoint = {kind: 'external'} | {kind: 'host'; hostId: string} | {kind: 'vm'; vmId: string};

type Membership = {segment: string; receives: boolean};

/** The segments of a world, built once per snapshot and shared by many `reach` queries. */
export type NetworkIndex = {
	world: World;
	memberships: Map<string, Membership[]>;
	/** Network-function VMs on each segment. */
	forwarders: Map<string, string[]>;
	receivers: Map<string, Set<string>>;
	vms: Map<string, Vm>;
	hosts: Map<string, Host>;
};

/** The outside world's node: on the physical segment, and an endpoint of its own. */
export const external = 'external';

export function endpointId(endpoint: Endpoint): string {
	switch (endpoint.kind) {
		case 'external': {
			return external;
		}

		case 'host': {
			return endpoint.hostId;
		}

		case 'vm': {
			return endpoint.vmId;
		}
	}
}

function isLive(vm: Vm, hosts: ReadonlyMap<string, Host>): boolean {
	return (vm.state === 'running' || vm.state === 'paused') && hosts.get(vm.hostId)?.state === 'up';
}

export function indexNetwork(world: World): NetworkIndex {
	const index: NetworkIndex = {
		world,
		memberships: new Map(),
		forwarders: new Map(),
		receivers: new Map(),
		vms: new Map(world.vms.map(vm => [vm.id, vm])),
		hosts: new Map(world.hosts.map(host => [host.id, host])),
	};
	const join = (node: string, segment: string, receives = true) => {
		const list = index.memberships.get(node) ?? [];
		list.push({segment, receives});
		index.memberships.set(node, list);
		if (receives) {
			const set = index.receivers.get(segment) ?? new Set();
			set.add(node);
			index.receivers.set(segment, set);
		}
	};

	join(external, 'physical');
	for (const host of world.hosts) {
		if (host.state === 'up') {
			join(host.id, 'physical');
			join(host.id, `nat:${host.id}`);
			join(host.id, `host-only:${host.id}`);
		}
	}

	const externalNetworks = new Set(world.config.network.customNetworks.filter(n => n.external).map(n => n.id));
	for (const vm of world.vms) {
		if (!isLive(vm, index.hosts)) {
			continue;
		}

		for (const nic of vm.nics) {
			switch (nic.mode) {
				case 'bridged': {
					join(vm.id, 'physical');
					break;
				}

				case 'nat': {
					join(vm.id, `nat:${vm.hostId}`);
					join(vm.id, 'physical', false);
					break;
				}

				case 'host-only': {
					join(vm.id, `host-only:${vm.hostId}`);
					break;
				}

				case 'custom': {
					join(vm.id, `net:${nic.network!}`);
					if (externalNetworks.has(nic.network!)) {
						join(vm.id, 'physical');
					}

					break;
				}
			}
		}

		if (vm.networkFunction) {
			for (const {segment} of index.memberships.get(vm.id) ?? []) {
				const list = index.forwarders.get(segment) ?? [];
				list.push(vm.id);
				index.forwarders.set(segment, list);
			}
		}
	}

	return index;
}

/** Every endpoint of a world: the outside, each host, each VM that is not lost. */
export function endpoints(world: World): Endpoint[] {
	return [
		{kind: 'external'},
		...world.hosts.map((host): Endpoint => ({kind: 'host', hostId: host.id})),
		...world.vms.filter(vm => isPlaced(vm)).map((vm): Endpoint => ({kind: 'vm', vmId: vm.id})),
	];
}
