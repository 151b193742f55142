/**
What the network panel and the network view show, as plain data: counts per mode; for the selected VM
its NICs, external address and who reaches it (and whom it reaches); the selected host's NAT
forwards; and the network effect of the running migrations.
*/
import {externalAddress, primaryNic} from '../network/addressing.js';
import {describeEffect, predictMove} from '../network/effects.js';
import {
	indexNetwork, reach, type Endpoint, type NetworkIndex,
} from '../network/reach.js';
import type {
	Migration, NetworkEffect, NetworkMode, Vm, World,
} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';

export type ReachLine = {label: string; text: string; reachable: boolean};

export type SelectedVmNetwork = {
	id: string;
	hostId: string;
	mode: NetworkMode;
	/** `nat`, or `custom:dmz`. */
	modeLabel: string;
	mac: string;
	ip: string;
	externalAddress: string | null;
	/** Further NICs, as `dmz 10.10.1.2`. */
	otherNics: string[];
	networkFunction: string | null;
	/** From the outside: the path or the reason. */
	fromExternal: ReachLine;
	/** How many hosts and other VMs reach it, and how many it reaches. */
	reachedByHosts: {count: number; of: number};
	reachedByVms: {count: number; of: number};
	reachesHosts: {count: number; of: number};
	reachesVms: {count: number; of: number};
	/** Per-source lines for the full view: the outside, each host, then VMs that differ from the common case. */
	details: ReachLine[];
	/** The effect of this VM's own migration, when it is in one: in full, and in brief for the panel. */
	migration: string | null;
	migrationBrief: string | null;
};

export type MigrationNetwork = {migrationId: string; vmId: string; from: string; to: string; text: string; brief: string; breaks: boolean};

export type NetworkModel = {
	counts: Record<NetworkMode, number>;
	vm: SelectedVmNetwork | null;
	hostId: string | null;
	/** The selected host's forwards, as `:8002 -> vm02:80`. */
	forwards: string[];
	migrations: MigrationNetwork[];
	customNetworks: string[];
};

export function modeLabel(vm: Vm): string {
	const nic = primaryNic(vm);
	return nic.network === null ? nic.mode : `custom:${nic.network}`;
}

function breaks(effect: NetworkEffect): boolean {
	return effect.kind !== 'arp' && effect.kind !== 'overlay';
}

/** The network effect of a migration: recorded once the VM switched (post-copy), predicted before. */
export function migrationEffect(world: World, migration: Migration): NetworkEffect | undefined {
	const vm = world.vms.find(v => v.id === migration.vmId);
	if (!vm) {
		return undefined;
	}

	// After a post-copy switch the VM already sits on the destination: its move has happened.
	const source = vm.hostId === migration.destinationHostId ? undefined : migration.sourceHostId;
	return source === undefined ? undefined : predictMove(world, vm, migration.destinationHostId);
}

const shortEffects: Readonly<Record<NetworkEffect['kind'], string>> = {
	arp: 'keeps IP', readdressed: 'new IP', nat: 'NAT moves', 'host-only': 'host-only', overlay: 'overlay',
};

/** A word or two on a migration's network effect, for its row. */
export function shortEffect(world: World, migration: Migration): string {
	const effect = migrationEffect(world, migration);
	return effect ? shortEffects[effect.kind] : 'moved';
}

/** One panel line's worth: the new address and what breaks. */
export function briefEffect(effect: NetworkEffect): string {
	switch (effect.kind) {
		case 'arp': {
			return `keeps ${effect.ip} (ARP)`;
		}

		case 'readdressed': {
			return `new IP ${effect.toIp}, drops ${effect.connectionsDropped}`;
		}

		case 'nat': {
			return `NAT via ${effect.toExternal}, drops ${effect.connectionsDropped}`;
		}

		case 'host-only': {
			return `host-only ${effect.toIp}, drops ${effect.connectionsDropped}`;
		}

		case 'overlay': {
			return 'overlay: no change';
		}
	}
}

function count(index: NetworkIndex, pairs: Array<[Endpoint, Endpoint]>): {count: number; of: number} {
	return {count: pairs.filter(([from, to]) => reach(index, from, to).reachable).length, of: pairs.length};
}

function selectedVmNetwork(world: World, index: NetworkIndex, vm: Vm, withDetails: boolean): SelectedVmNetwork {
	const nic = primaryNic(vm);
	const self: Endpoint = {kind: 'vm', vmId: vm.id};
	const hosts = world.hosts.map((host): Endpoint => ({kind: 'host', hostId: host.id}));
	const others = world.vms.filter(other => other.id !== vm.id && isPlaced(other)).map((other): Endpoint => ({kind: 'vm', vmId: other.id}));
	const external = reach(index, {kind: 'external'}, self);
	const line = (label: string, from: Endpoint): ReachLine => {
		const answer = reach(index, from, self);
		return {label, reachable: answer.reachable, text: answer.reachable ? answer.path.join(' -> ') : answer.reason};
	};

	const migration = vm.migrationId === null ? undefined : world.migrations.find(m => m.id === vm.migrationId);
	const effect = migration && migrationEffect(world, migration);
	return {
		id: vm.id,
		hostId: vm.hostId,
		mode: nic.mode,
		modeLabel: modeLabel(vm),
		mac: nic.mac,
		ip: nic.ip,
		externalAddress: externalAddress(world, vm),
		otherNics: vm.nics.slice(1).map(other => `${other.network ?? other.mode} ${other.ip}`),
		networkFunction: vm.networkFunction?.kind ?? null,
		fromExternal: {label: 'external', reachable: external.reachable, text: external.reachable ? external.path.join(' -> ') : external.reason},
		reachedByHosts: count(index, hosts.map(host => [host, self])),
		reachedByVms: count(index, others.map(other => [other, self])),
		reachesHosts: count(index, hosts.map(host => [self, host])),
		reachesVms: count(index, others.map(other => [self, other])),
		details: withDetails ? [...hosts, ...others].map(from => line(from.kind === 'host' ? from.hostId : (from.kind === 'vm' ? from.vmId : 'external'), from)) : [],
		migration: effect ? describeEffect(effect) : (migration ? 'moved at the switch' : null),
		migrationBrief: effect ? briefEffect(effect) : (migration ? 'moved' : null),
	};
}

/** The panel's data (`withDetails` adds a line per host and VM, for the full view). */
export function networkModel(world: World, vmId: string | undefined, hostId: string | undefined, withDetails = false): NetworkModel {
	const counts: Record<NetworkMode, number> = {
		bridged: 0, nat: 0, 'host-only': 0, custom: 0,
	};
	for (const vm of world.vms) {
		if (isPlaced(vm)) {
			counts[primaryNic(vm).mode]++;
		}
	}

	const vm = vmId === undefined ? undefined : world.vms.find(v => v.id === vmId);
	const index = indexNetwork(world);
	return {
		counts,
		vm: vm ? selectedVmNetwork(world, index, vm, withDetails) : null,
		hostId: hostId ?? null,
		forwards: world.forwards.filter(f => f.hostId === hostId).map(f => `:${f.hostPort} -> ${f.vmId}:${f.vmPort}`),
		migrations: world.migrations.flatMap(migration => {
			const effect = migrationEffect(world, migration);
			return effect
				? [{
					migrationId: migration.id, vmId: migration.vmId, from: migration.sourceHostId, to: migration.destinationHostId, text: describeEffect(effect), brief: `${migration.vmId} ${briefEffect(effect)}`, breaks: breaks(effect),
				}]
				: [];
		}),
		customNetworks: world.config.network.customNetworks.map(network => `${network.id} ${network.subnet}${network.external ? ' (external)' : ''}`),
	};
}
