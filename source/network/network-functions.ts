/**
What a network-function VM passes between segments: a router everything, a firewall what its rules
allow, a load balancer its port to its backends.
*/
import type {FirewallRule, Vm} from '../sim/types.js';
import type {NetworkIndex} from './segments.js';

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

/** What one `reach` query asks: from which node, to which. */
export type Query = {origin: string; target: string};

/**
Whether network function `via` passes traffic of `query` on `port` (null: any port yet), and on which
port; or why not. A function VM that is itself the target answers as the target.
*/
export function passes(index: NetworkIndex, via: Vm, query: Query, port: number | null, asTarget: boolean): {port: number | null} | string {
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
