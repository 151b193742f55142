/**
The address plan of a generated datacenter (CloudSim's benchmark one, the scale tests'), sized to its
host count. Each host gets a NAT and a host-only range carved from a private pool by host index: a /28
(13 VM addresses) as long as the pool holds one per host, narrower as hosts grow, down to a /30 (one
address) in 172.16.0.0/12 for 262,144 hosts, the most this plan supports. Racks are /16s of 10.0.0.0/8;
the generators choose how many hosts share one, so that the rack holds them and their bridged VMs.
*/
/** The pools, each with its own prefix length. */
const natPool = {subnet: '172.16.0.0/12', prefix: 12};
// RFC 6598's shared address space: private, and four times the NAT pool.
const hostOnlyPool = {subnet: '100.64.0.0/10', prefix: 10};
const widestRange = 28;
const narrowestRange = 30;

/** The most hosts a generated datacenter can have: the NAT pool holds that many /30s. */
export const maxGeneratedHosts = 2 ** (narrowestRange - natPool.prefix);

/** Racks: 10.0.0.0/16 to 10.255.0.0/16. */
export const maxRacks = 256;

/** Addresses a rack's /16 has for hosts and bridged VMs: all but the network, the gateway and the broadcast. */
export const rackAddresses = (2 ** 16) - 3;

export function rackSubnet(index: number): string {
	if (!Number.isInteger(index) || index < 0 || index >= maxRacks) {
		throw new RangeError(`rack ${index + 1}: a generated datacenter has at most ${maxRacks} racks`);
	}

	return `10.${index}.0.0/16`;
}

/** The widest block of which the pool holds one per host, never wider than a /28. */
function rangePrefix(poolPrefix: number, hosts: number): number {
	let bits = 0;
	while (2 ** bits < hosts) {
		bits++;
	}

	return Math.max(widestRange, poolPrefix + bits);
}

export type GeneratedPools = {natPool: {subnet: string; prefix: number}; hostOnlyPool: {subnet: string; prefix: number}};

/** NAT and host-only pools with a range for each of `hosts` hosts. */
export function generatedPools(hosts: number): GeneratedPools {
	if (!Number.isInteger(hosts) || hosts < 1 || hosts > maxGeneratedHosts) {
		throw new RangeError(`expected from 1 to ${maxGeneratedHosts} hosts, got ${hosts}`);
	}

	return {
		natPool: {subnet: natPool.subnet, prefix: rangePrefix(natPool.prefix, hosts)},
		hostOnlyPool: {subnet: hostOnlyPool.subnet, prefix: rangePrefix(hostOnlyPool.prefix, hosts)},
	};
}
