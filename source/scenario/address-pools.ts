/**
A scenario's NAT and host-only pools, sized to its hosts. A pool's subnet holds the first hosts'
ranges; past its end they go on into its growInto subnets, by default RFC 6598 shared space
(100.96.0.0/11 for NAT, 100.64.0.0/11 for host-only): a datacenter that outgrows 192.168.0.0/16's 256
/24s keeps the ranges its first 256 hosts had. Only growth a datacenter uses is checked against the
other subnets and kept in the world's config, so a scenario that fits its pools builds as before.
*/
import {rangesIn} from '../network/addressing.js';
import {cidrProblem} from '../network/ipv4.js';
import type {AddressPool} from '../sim/types.js';
import type {ScenarioIssue} from './build-world.js';
import type {Scenario} from './schema.js';

export const defaultGrowth: Readonly<Record<PoolName, readonly string[]>> = {
	natPool: ['100.96.0.0/11'],
	hostOnlyPool: ['100.64.0.0/11'],
};

type PoolName = 'natPool' | 'hostOnlyPool';

const labels: Readonly<Record<PoolName, string>> = {natPool: 'the NAT pool', hostOnlyPool: 'the host-only pool'};

export type NamedSubnet = {path: string; label: string; subnet: string};

export type PlannedPools = {
	pools: Record<PoolName, AddressPool>;
	/** The growth subnets in use, to check for overlaps like any other subnet. */
	growth: NamedSubnet[];
	/** Whether every host has its ranges. */
	fits: boolean;
};

function planPool(name: PoolName, pool: Scenario['network'][PoolName], hosts: number, issues: ScenarioIssue[]): {pool: AddressPool; growth: NamedSubnet[]; fits: boolean} {
	// A malformed pool or a prefix wider than it is told by the network's checks, not again here.
	if (rangesIn(pool.subnet, pool.prefix) === 0) {
		return {pool: {subnet: pool.subnet, prefix: pool.prefix}, growth: [], fits: false};
	}

	const growInto = pool.growInto ?? defaultGrowth[name];
	let fits = true;
	for (const [index, subnet] of (pool.growInto ?? []).entries()) {
		const problem = cidrProblem(subnet);
		if (problem) {
			issues.push({path: `network.${name}.growInto[${index}]`, message: problem});
			fits = false;
		}
	}

	let missing = hosts - rangesIn(pool.subnet, pool.prefix);
	const used: string[] = [];
	for (const subnet of growInto) {
		if (missing <= 0) {
			break;
		}

		used.push(subnet);
		missing -= rangesIn(subnet, pool.prefix);
	}

	if (missing > 0 && fits) {
		const held = hosts - missing;
		const growth = growInto.length > 0 ? `, grown into ${growInto.join(', ')},` : '';
		const message = `${labels[name]} ${pool.subnet}${growth} holds ${held} /${pool.prefix} ranges, and each of the ${hosts} hosts needs one: add subnets to growInto or choose a longer prefix`;
		issues.push({path: `network.${name}`, message});
		fits = false;
	}

	return {
		pool: used.length > 0 ? {subnet: pool.subnet, prefix: pool.prefix, growInto: used} : {subnet: pool.subnet, prefix: pool.prefix},
		growth: used.map((subnet, index) => ({
			path: pool.growInto ? `network.${name}.growInto[${index}]` : `network.${name}.growInto`,
			label: `${labels[name]}'s growth`,
			subnet,
		})),
		fits,
	};
}

/** The pools a datacenter of `hosts` hosts uses; problems (malformed growth, too few ranges) are issues. */
export function planPools(network: Scenario['network'], hosts: number, issues: ScenarioIssue[]): PlannedPools {
	const nat = planPool('natPool', network.natPool, hosts, issues);
	const hostOnly = planPool('hostOnlyPool', network.hostOnlyPool, hosts, issues);
	return {
		pools: {natPool: nat.pool, hostOnlyPool: hostOnly.pool},
		growth: [...nat.growth, ...hostOnly.growth],
		fits: nat.fits && hostOnly.fits,
	};
}
