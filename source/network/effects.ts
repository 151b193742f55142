/**
What a live migration does to a VM's network (models.md, "Network access modes"):
- bridged, same subnet: the address stays; a gratuitous ARP from the destination moves the traffic
  and open connections survive (Clark et al., NSDI 2005, section 3.2);
- bridged, another subnet: the address must change, so open connections drop;
- NAT: the private address moves to the destination's NAT range, the forwards are recreated there,
  and the external address becomes the destination's; the NAT's connection state stays behind;
- host-only: the VM's network is its host's, so it now reaches only its new host;
- custom networks span hosts (overlays): nothing changes.
`predictMove` is pure, so the dashboard can show a migration's effect before its switch, and
`commitMove` does exactly what it predicted.
*/
import {findHost} from '../sim/lookup.js';
import type {HostMove} from '../sim/strategies.js';
import type {
	NetworkEffect, PortForward, SimEvent, Vm, World,
} from '../sim/types.js';
import {
	openConnections, primaryNic, subnetFor, usedAddresses,
} from './addressing.js';
import {contains, parseCidr, parseIp} from './ipv4.js';

/** The first port from `wanted` on that `taken` lacks (wrapping to 1024 after 65535). */
export function freePort(wanted: number, taken: ReadonlySet<number>): number {
	let port = wanted;
	for (let tries = 0; tries < 65_536 && taken.has(port); tries++) {
		port = port >= 65_535 ? 1024 : port + 1;
	}

	return port;
}

function inSubnet(ip: string, subnet: string | undefined): boolean {
	const cidr = subnet === undefined ? undefined : parseCidr(subnet);
	const value = parseIp(ip);
	return cidr !== undefined && value !== undefined && contains(cidr, value);
}

/** What moving `vm` from `fromHostId` (where it runs, unless it has just arrived) to `toHostId` would do now, with the addresses it would get. */
export function predictMove(world: World, vm: Vm, toHostId: string, fromHostId = vm.hostId): NetworkEffect {
	const nic = primaryNic(vm);
	if (nic.mode === 'custom') {
		return {kind: 'overlay', networks: vm.nics.filter(n => n.network !== null).map(n => n.network!)};
	}

	const subnet = subnetFor(world, nic.mode, nic.network, toHostId);
	if (nic.mode === 'bridged' && inSubnet(nic.ip, subnet)) {
		return {kind: 'arp', ip: nic.ip};
	}

	const connectionsDropped = openConnections(world, vm);
	const book = usedAddresses(world);
	book.release(nic.ip);
	const toIp = (subnet === undefined ? undefined : book.take(subnet)) ?? '0.0.0.0';
	switch (nic.mode) {
		case 'bridged': {
			return {
				kind: 'readdressed', fromIp: nic.ip, toIp, connectionsDropped,
			};
		}

		case 'host-only': {
			return {
				kind: 'host-only', fromIp: nic.ip, toIp, connectionsDropped,
			};
		}

		case 'nat': {
			const hostIp = (hostId: string) => findHost(world, hostId)?.addresses.ip ?? '';
			const taken = new Set(world.forwards.filter(f => f.hostId === toHostId && f.vmId !== vm.id).map(f => f.hostPort));
			const forwards = world.forwards.filter(f => f.vmId === vm.id).map(f => {
				const toHostPort = freePort(f.hostPort, taken);
				taken.add(toHostPort);
				return {vmPort: f.vmPort, fromHostPort: f.hostPort, toHostPort};
			});
			return {
				kind: 'nat', fromIp: nic.ip, toIp, fromExternal: hostIp(fromHostId), toExternal: hostIp(toHostId), forwards, connectionsDropped,
			};
		}
	}
}

/** Carries out a move's effect on the draft world; `vm.hostId` is already the destination. */
export function commitMove(world: World, vm: Vm, move: HostMove, emit: (event: SimEvent) => void): void {
	const {fromHostId: sourceHostId, toHostId: destinationHostId} = move;
	// Predict as from the source: the VM's current address and forwards still belong there.
	const effect = predictMove(world, vm, destinationHostId, sourceHostId);
	const nic = primaryNic(vm);
	if (effect.kind === 'readdressed' || effect.kind === 'host-only' || effect.kind === 'nat') {
		nic.ip = effect.toIp;
		world.counters.addressesChanged++;
		world.counters.connectionsDropped += effect.connectionsDropped;
	}

	if (effect.kind === 'nat') {
		const moved: PortForward[] = effect.forwards.map(f => ({
			hostId: destinationHostId, hostPort: f.toHostPort, vmId: vm.id, vmPort: f.vmPort,
		}));
		world.forwards = [...world.forwards.filter(f => f.vmId !== vm.id), ...moved];
	}

	emit({
		tick: world.tick, type: 'vmNetworkMoved', migrationId: move.migrationId, vmId: vm.id, from: sourceHostId, to: destinationHostId, effect,
	});
}

/** A short phrase for an effect, for the dashboard and the log. */
export function describeEffect(effect: NetworkEffect): string {
	switch (effect.kind) {
		case 'arp': {
			return `keeps ${effect.ip} (gratuitous ARP), connections survive`;
		}

		case 'readdressed': {
			return `${effect.fromIp} -> ${effect.toIp} (new subnet), ${effect.connectionsDropped} connections drop`;
		}

		case 'nat': {
			const forwards = effect.forwards.map(f => `:${f.fromHostPort}${f.toHostPort === f.fromHostPort ? '' : `->:${f.toHostPort}`}`).join(' ');
			return `NAT ${effect.fromExternal} -> ${effect.toExternal}${forwards ? `, forwards ${forwards} recreated` : ''}, ${effect.connectionsDropped} connections drop`;
		}

		case 'host-only': {
			return `host-only ${effect.fromIp} -> ${effect.toIp}, reaches only its new host, ${effect.connectionsDropped} connections drop`;
		}

		case 'overlay': {
			return `custom network${effect.networks.length > 1 ? 's' : ''} ${effect.networks.join(', ')} span hosts: nothing changes`;
		}
	}
}
