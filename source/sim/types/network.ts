/** The virtual network: NICs and their modes, network functions, custom networks, and what a move does to them. */

export type NetworkMode = 'bridged' | 'nat' | 'host-only' | 'custom';

/**
A VM's network interface. The first NIC is the VM's primary one: its mode is the VM's network mode and
decides what a migration does to the VM's connections; further NICs join custom networks.
*/
export type Nic = {
	/** Unique in the datacenter; its prefix is the hypervisor family's OUI (52:54:00 for KVM, ...). */
	mac: string;
	mode: NetworkMode;
	/** The custom network's id when `mode` is `custom`, else null. */
	network: string | null;
	/** Bridged: on the host's rack subnet; NAT and host-only: in the host's private range; custom: on the network's subnet. */
	ip: string;
};

/** A host's addresses: on its rack's physical subnet, and the private ranges of its NAT and host-only networks. */
export type HostAddresses = {
	ip: string;
	natSubnet: string;
	hostOnlySubnet: string;
};

/** `host:hostPort` on the host's external address reaches `vm:vmPort` behind its NAT. */
export type PortForward = {
	hostId: string;
	hostPort: number;
	vmId: string;
	vmPort: number;
};

/**
What a firewall lets through: traffic from `from` (`any`, `external`, a host or VM id, or a custom
network's id for anything on it) to `to` (a VM or host id, or `self` for the firewall itself), on
`port` (null = every port).
*/
export type FirewallRule = {from: string; to: string; port: number | null};

/** A network function running as a VM (the course's firewall, router, load balancer). */
export type NetworkFunction
	= | {kind: 'router'}
		| {kind: 'firewall'; rules: FirewallRule[]}
		| {kind: 'load-balancer'; port: number; backends: string[]};

/** A user-defined virtual network. It spans hosts (an overlay), so a migration keeps its addresses. */
export type CustomNetwork = {
	id: string;
	subnet: string;
	/** Joined to the physical network and the outside world (the course's "external network"). */
	external: boolean;
};

/** Address blocks carved into one range per host, by host index. */
/** Each host's range is a /prefix of subnet, by host index; past its end, of the growInto subnets in order (present only when used). */
export type AddressPool = {subnet: string; prefix: number; growInto?: string[]};

export type NetworkConfig = {
	racks: Array<{id: string; subnet: string}>;
	customNetworks: CustomNetwork[];
	natPool: AddressPool;
	hostOnlyPool: AddressPool;
	/** Mean traffic of one open connection: a VM's open connections are its network use over this. */
	connectionMbps: number;
};

/** What moving a VM to another host did to its primary NIC and its connections. */
export type NetworkEffect
	= | {kind: 'arp'; ip: string}
		| {kind: 'readdressed'; fromIp: string; toIp: string; connectionsDropped: number}
		| {
			kind: 'nat';
			fromIp: string;
			toIp: string;
			fromExternal: string;
			toExternal: string;
			/** Forwards recreated on the destination (a port already taken there moves to the next free one). */
			forwards: Array<{vmPort: number; fromHostPort: number; toHostPort: number}>;
			connectionsDropped: number;
		}
		| {kind: 'host-only'; fromIp: string; toIp: string; connectionsDropped: number}
		| {kind: 'overlay'; networks: string[]};
