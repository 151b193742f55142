/**
Who can reach whom. The datacenter is a set of segments, each a network its members share:
- `physical`: the outside world, every host (racks are routed to each other), bridged NICs and NICs
  on external custom networks; NAT VMs may send into it (their host masquerades) but not be reached;
- `nat:<host>`: a host and its NAT VMs; from outside only through the host's port forwards;
- `host-only:<host>`: a host and its host-only VMs, and nothing else;
- `net:<id>`: a custom network's NICs.
Only network-function VMs pass traffic between segments: a router everything, a firewall what its
rules allow, a load balancer its port to its backends. `reach` searches breadth first from the
source through those, so the path it returns is a shortest one.
*/
import type {
	FirewallRule, Host, Vm, World,
} from '../sim/types.js';
import {isPlaced, isDown} from '../sim/vm-state.js';
import {primaryNic} from './addressing.js';

export type Endpoint = {kind: 'external'} | {kind: 'host'; hostId: string} | {kind: 'vm'; vmId: string};

export type Reach
	= | {reachable: true; path: string[]; port: number | null}
		| {reachable: false; reason: string};

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

const external = 'external';

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

function onNetwork(index: NetworkIndex, nodeId: string, network: string): boolean {
	return index.vms.get(nodeId)?.nics.some(nic => nic.network === network) ?? false;
}

function ruleMatches(index: NetworkIndex, rule: FirewallRule, origin: string, target: string, port: number | null): {port: number | null} | undefined {
	const fromMatches = rule.from === 'any' || rule.from === origin || onNetwork(index, origin, rule.from);
	if (!fromMatches || rule.to !== target) {
		return undefined;
	}

	if (rule.port === null) {
		return {port};
	}

	return port === null || port === rule.port ? {port: rule.port} : undefined;
}

type Query = {origin: string; target: string};

/**
Whether network function `via` passes traffic of `query` on `port` (null: any port yet), and on which
port; or why not. A function VM that is itself the target answers as the target.
*/
function passes(index: NetworkIndex, via: Vm, query: Query, port: number | null, asTarget: boolean): {port: number | null} | string {
	const fn = via.networkFunction;
	if (!fn) {
		return asTarget ? {port} : `${via.id} forwards nothing`;
	}

	switch (fn.kind) {
		case 'router': {
			return {port};
		}

		case 'firewall': {
			const target = asTarget ? 'self' : query.target;
			for (const rule of fn.rules) {
				const match = ruleMatches(index, rule, query.origin, target, port);
				if (match) {
					return match;
				}
			}

			return `${via.id} does not allow ${query.origin} to ${asTarget ? via.id : query.target}${port === null ? '' : `:${port}`}`;
		}

		case 'load-balancer': {
			if (!asTarget && !fn.backends.includes(query.target)) {
				return `${via.id} balances only to ${fn.backends.join(', ')}`;
			}

			return port === null || port === fn.port ? {port: fn.port} : `${via.id} listens only on :${fn.port}`;
		}
	}
}

function label(index: NetworkIndex, nodeId: string, port: number | null): string {
	const vm = index.vms.get(nodeId);
	if (vm) {
		return `${vm.id}${port === null ? '' : `:${port}`}`;
	}

	return nodeId === external ? external : `host ${nodeId}`;
}

function unreachableReason(index: NetworkIndex, from: string, target: string, blocked: string | undefined): string {
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

function liveness(index: NetworkIndex, nodeId: string): string | undefined {
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

type State = {node: string; port: number | null; path: string[]};

/** One query's search: what it looks for, and the first refusal met on the way (the reason, if nothing gets through). */
type Search = {index: NetworkIndex; query: Query; targetVm: Vm | undefined; blocked: string | undefined};

function found(state: State, hops: string[], port: number | null): Reach {
	return {reachable: true, path: [...state.path, ...hops], port};
}

/** The target shares a segment with the current node (a host reaches its own NAT VMs this way, without a forward). */
function direct(search: Search, state: State, segments: readonly string[]): Reach | undefined {
	const {index, query, targetVm} = search;
	if (!segments.some(segment => index.receivers.get(segment)?.has(query.target))) {
		return undefined;
	}

	const answer = targetVm ? passes(index, targetVm, query, state.port, true) : {port: state.port};
	if (typeof answer === 'string') {
		search.blocked ??= answer;
		return undefined;
	}

	return found(state, [label(index, query.target, answer.port)], answer.port);
}

/** A NAT target through one of its host's port forwards, from the physical network. */
function forwarded(search: Search, state: State, segments: readonly string[]): Reach | undefined {
	const {index, query, targetVm} = search;
	if (!targetVm || primaryNic(targetVm).mode !== 'nat' || !segments.includes('physical')) {
		return undefined;
	}

	const usable = index.world.forwards.filter(forward => forward.vmId === query.target && index.hosts.get(forward.hostId)?.state === 'up' && (state.port === null || state.port === forward.vmPort));
	for (const forward of usable) {
		const answer = passes(index, targetVm, query, forward.vmPort, true);
		if (typeof answer === 'string') {
			search.blocked ??= answer;
			continue;
		}

		return found(state, [`host ${forward.hostId} NAT :${forward.hostPort}`, label(index, query.target, forward.vmPort)], forward.vmPort);
	}

	return undefined;
}

/** Network functions on the current node's segments that pass the query on: the next states of the search. */
function throughFunctions(search: Search, state: State, segments: readonly string[]): State[] {
	const {index, query} = search;
	const next: State[] = [];
	for (const segment of segments) {
		for (const via of index.forwarders.get(segment) ?? []) {
			if (via === state.node || via === query.target) {
				continue;
			}

			const vm = index.vms.get(via)!;
			const answer = passes(index, vm, query, state.port, false);
			if (typeof answer === 'string') {
				search.blocked ??= answer;
			} else {
				next.push({node: via, port: answer.port, path: [...state.path, `${via} (${vm.networkFunction!.kind})`]});
			}
		}
	}

	return next;
}

/** Whether `from` can open a connection to `to` (on `port`, or on some port when null), and how. */
export function reach(index: NetworkIndex, from: Endpoint, to: Endpoint, port: number | null = null): Reach {
	const origin = endpointId(from);
	const target = endpointId(to);
	const down = liveness(index, origin) ?? liveness(index, target);
	if (down) {
		return {reachable: false, reason: down};
	}

	if (origin === target) {
		return {reachable: true, path: [label(index, origin, port)], port};
	}

	const search: Search = {
		index, query: {origin, target}, targetVm: index.vms.get(target), blocked: undefined,
	};
	const seen = new Set<string>([`${origin}|${port}`]);
	const queue: State[] = [{node: origin, port, path: [label(index, origin, null)]}];
	// Breadth first: the queue grows while it is walked, so the first path found is a shortest one.
	for (const state of queue) {
		const segments = (index.memberships.get(state.node) ?? []).map(membership => membership.segment);
		const answer = direct(search, state, segments) ?? forwarded(search, state, segments);
		if (answer) {
			return answer;
		}

		for (const next of throughFunctions(search, state, segments)) {
			const key = `${next.node}|${next.port}`;
			if (!seen.has(key)) {
				seen.add(key);
				queue.push(next);
			}
		}
	}

	return {reachable: false, reason: unreachableReason(index, origin, target, search.blocked)};
}

/** Every endpoint of a world: the outside, each host, each VM that is not lost. */
export function endpoints(world: World): Endpoint[] {
	return [
		{kind: 'external'},
		...world.hosts.map((host): Endpoint => ({kind: 'host', hostId: host.id})),
		...world.vms.filter(vm => isPlaced(vm)).map((vm): Endpoint => ({kind: 'vm', vmId: vm.id})),
	];
}
