/**
Who can reach whom (./segments.ts: the datacenter as segments). Only network-function VMs pass traffic
between segments (./network-functions.ts); `reach` searches breadth first from the source through
those, so the path it returns is a shortest one.
*/
import type {Vm} from '../sim/types.js';
import {primaryNic} from './addressing.js';
import {passes, type Query} from './network-functions.js';
import {
	endpointId, external, type Endpoint, type NetworkIndex,
} from './segments.js';
import {liveness, unreachableReason} from './unreachable.js';

export {
	endpointId, endpoints, indexNetwork, type Endpoint, type NetworkIndex,
} from './segments.js';

export type Reach
	= | {reachable: true; path: string[]; port: number | null}
		| {reachable: false; reason: string};

function label(index: NetworkIndex, nodeId: string, port: number | null): string {
	const vm = index.vms.get(nodeId);
	if (vm) {
		return `${vm.id}${port === null ? '' : `:${port}`}`;
	}

	return nodeId === external ? external : `host ${nodeId}`;
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
