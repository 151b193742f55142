/**
Deterministic addressing: MACs from a per-world serial under the hypervisor family's OUI, host
addresses on their racks' subnets, one NAT and one host-only range per host (carved from pools by
host index, going on into further subnets once a pool's own is full), and VM addresses as the lowest
free address of the subnet their mode puts them on. Nothing here draws random numbers, so the same
scenario always gets the same plan.
*/
import {findHost} from '../sim/lookup.js';
import type {
	AddressPool, Host, HostAddresses, HypervisorFamily, NetworkConfig, NetworkMode, Nic, Vm, World,
} from '../sim/types.js';
import {
	formatCidr, formatIp, gatewayOf, parseCidr, subBlock, usableAddress, usableCount,
} from './ipv4.js';

/** Each family's registered prefix for virtual NICs (QEMU, Xen, VMware, Microsoft, Oracle). */
export const macPrefixes: Readonly<Record<HypervisorFamily, string>> = {
	kvm: '52:54:00',
	xen: '00:16:3e',
	esxi: '00:50:56',
	'hyper-v': '00:15:5d',
	virtualbox: '08:00:27',
	'vmware-workstation': '00:0c:29',
};

export function formatMac(family: HypervisorFamily, serial: number): string {
	const bytes = [16, 8, 0].map(shift => (Math.floor(serial / (2 ** shift)) % 256).toString(16).padStart(2, '0'));
	return `${macPrefixes[family]}:${bytes.join(':')}`;
}

/** The next MAC no NIC uses yet; advances the serial past it. */
export function nextMac(family: HypervisorFamily, serial: number, used: ReadonlySet<string>): {mac: string; nextSerial: number} {
	let next = serial;
	let mac = formatMac(family, next);
	while (used.has(mac)) {
		next++;
		mac = formatMac(family, next);
	}

	return {mac, nextSerial: next + 1};
}

/** How many /prefix ranges a subnet holds (none when the ranges are wider than the subnet, or it is malformed). */
export function rangesIn(subnet: string, prefix: number): number {
	const cidr = parseCidr(subnet);
	return cidr && prefix >= cidr.prefix ? 2 ** (prefix - cidr.prefix) : 0;
}

/** A host's range in a pool: its subnet's blocks first, then its growInto subnets' in order; undefined past them all. */
export function hostRange(pool: AddressPool, hostIndex: number): string | undefined {
	let index = hostIndex;
	for (let at = -1; at < (pool.growInto?.length ?? 0); at++) {
		const subnet = at < 0 ? pool.subnet : pool.growInto![at]!;
		const held = rangesIn(subnet, pool.prefix);
		if (index < held) {
			return formatCidr(subBlock(parseCidr(subnet)!, pool.prefix, index)!);
		}

		index -= held;
	}

	return undefined;
}

/** The host's own address in one of its private ranges: the gateway, `.1`. */
export function gatewayIn(subnet: string): string {
	return formatIp(gatewayOf(parseCidr(subnet)!));
}

/** A host's addresses; `ip` is left empty for the caller to allocate on the rack subnet. */
export function privateRanges(config: NetworkConfig, hostIndex: number): Omit<HostAddresses, 'ip'> | undefined {
	const natSubnet = hostRange(config.natPool, hostIndex);
	const hostOnlySubnet = hostRange(config.hostOnlyPool, hostIndex);
	return natSubnet && hostOnlySubnet ? {natSubnet, hostOnlySubnet} : undefined;
}

/** Finds the lowest free address of a subnet; remembers what it hands out. */
export class AddressBook {
	readonly used: Set<string>;
	/** Per subnet, an index below which every address is held: building a large datacenter stays linear. */
	private readonly cursors = new Map<string, number>();

	constructor(used: Iterable<string> = []) {
		this.used = new Set(used);
	}

	/** The lowest usable address of `subnet` nobody holds, now held; undefined when the subnet is full. */
	take(subnet: string): string | undefined {
		const cidr = parseCidr(subnet);
		if (!cidr) {
			return undefined;
		}

		const count = usableCount(cidr);
		for (let index = this.cursors.get(subnet) ?? 0; index < count; index++) {
			const ip = formatIp(usableAddress(cidr, index));
			if (!this.used.has(ip)) {
				this.used.add(ip);
				this.cursors.set(subnet, index + 1);
				return ip;
			}
		}

		this.cursors.set(subnet, count);
		return undefined;
	}

	release(ip: string): void {
		this.used.delete(ip);
		this.cursors.clear();
	}
}

/** Every address in use: hosts (on racks and as gateways of their private ranges) and NICs. */
export function usedAddresses(world: World): AddressBook {
	const book = new AddressBook();
	for (const host of world.hosts) {
		book.used.add(host.addresses.ip);
	}

	for (const vm of world.vms) {
		for (const nic of vm.nics) {
			book.used.add(nic.ip);
		}
	}

	return book;
}

export function usedMacs(world: World): Set<string> {
	return new Set(world.vms.flatMap(vm => vm.nics.map(nic => nic.mac)));
}

/** The subnet a NIC of this mode sits on when its VM runs on `hostId`. */
export function subnetFor(world: World, mode: NetworkMode, network: string | null, hostId: string): string | undefined {
	const host = findHost(world, hostId);
	return host && subnetOn(world.config.network, host, mode, network);
}

/** The same, from the network config and the host itself (what a scenario build has before the world exists). */
export function subnetOn(config: NetworkConfig, host: Host, mode: NetworkMode, network: string | null): string | undefined {
	switch (mode) {
		case 'bridged': {
			return config.racks.find(rack => rack.id === host.rack)?.subnet;
		}

		case 'nat': {
			return host.addresses.natSubnet;
		}

		case 'host-only': {
			return host.addresses.hostOnlySubnet;
		}

		case 'custom': {
			return config.customNetworks.find(n => n.id === network)?.subnet;
		}
	}
}

export function primaryNic(vm: Vm): Nic {
	return vm.nics[0]!;
}

/** Where the outside world sees the VM: its own bridged or external-network address, its host's for NAT, none for host-only. */
export function externalAddress(world: World, vm: Vm): string | null {
	const nic = primaryNic(vm);
	switch (nic.mode) {
		case 'bridged': {
			return nic.ip;
		}

		case 'nat': {
			return findHost(world, vm.hostId)?.addresses.ip ?? null;
		}

		case 'host-only': {
			return null;
		}

		case 'custom': {
			const onExternal = vm.nics.find(n => n.mode === 'custom' && world.config.network.customNetworks.some(c => c.id === n.network && c.external));
			return onExternal?.ip ?? null;
		}
	}
}

/**
Open connections of a VM: its network traffic over the traffic of one connection. A migration that
changes the VM's address (or its NAT's state) breaks them all. This project's assumption, a parameter.
*/
export function openConnections(world: World, vm: Vm): number {
	if (vm.state !== 'running' && vm.state !== 'paused') {
		return 0;
	}

	// Demand, not the granted share: a VM paused for its last copy round still holds its connections.
	return Math.round(vm.usage.demand.network / world.config.network.connectionMbps);
}
