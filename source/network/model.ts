/**
The network strategy the core calls: network commands (mode changes, port forwards, custom
networks) and the effect of a VM's move to another host.
*/
import {findHost, findVm} from '../sim/lookup.js';
import type {NetworkCommand, NetworkModel} from '../sim/strategies.js';
import type {SimEvent, Vm, World} from '../sim/types.js';
import {
	nextMac, openConnections, primaryNic, subnetFor, usedAddresses, usedMacs,
} from './addressing.js';
import {commitMove} from './effects.js';

type Emit = (event: SimEvent) => void;

/** Drops the VM's forwards (it left NAT), saying why. */
function dropForwards(world: World, vm: Vm, reason: string, emit: Emit): void {
	for (const forward of world.forwards.filter(f => f.vmId === vm.id)) {
		emit({
			tick: world.tick, type: 'portForwardRemoved', ...forward, reason,
		});
	}

	world.forwards = world.forwards.filter(f => f.vmId !== vm.id);
}

function setNetworkMode(world: World, command: Extract<NetworkCommand, {type: 'setNetworkMode'}>, emit: Emit): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	const networks = world.config.network.customNetworks;
	const nic = primaryNic(vm);
	let network: string | null = null;
	if (command.mode === 'custom') {
		network = command.network ?? networks.find(n => n.id !== nic.network)?.id ?? null;
		if (network === null) {
			return networks.length === 0 ? 'the scenario declares no custom network' : `${vm.id} is already on ${nic.network ?? 'its network'}`;
		}

		if (!networks.some(n => n.id === network)) {
			return `no custom network ${network} (declared: ${networks.map(n => n.id).join(', ') || 'none'})`;
		}
	}

	if (nic.mode === command.mode && nic.network === network) {
		return `${vm.id} is already in ${command.mode} mode${network === null ? '' : ` on ${network}`}`;
	}

	const book = usedAddresses(world);
	// Joining a network the VM already has a second NIC on makes that NIC the primary one.
	const existing = vm.nics.findIndex((n, index) => index > 0 && n.mode === 'custom' && n.network === network);
	let ip: string | undefined;
	if (existing > 0) {
		ip = vm.nics[existing]!.ip;
		vm.nics.splice(existing, 1);
	} else {
		const subnet = subnetFor(world, command.mode, network, vm.hostId);
		ip = subnet === undefined ? undefined : book.take(subnet);
	}

	if (ip === undefined) {
		return `no free address for ${vm.id} in ${command.mode} mode on ${vm.hostId}`;
	}

	const from = nic.mode;
	const fromIp = nic.ip;
	const connectionsDropped = openConnections(world, vm);
	if (from === 'nat') {
		dropForwards(world, vm, `${vm.id} left NAT`, emit);
	}

	nic.mode = command.mode;
	nic.network = network;
	nic.ip = ip;
	world.counters.addressesChanged++;
	world.counters.connectionsDropped += connectionsDropped;
	emit({
		tick: world.tick, type: 'networkModeChanged', vmId: vm.id, from, to: command.mode, fromIp, toIp: ip, connectionsDropped,
	});
	return undefined;
}

function addPortForward(world: World, command: Extract<NetworkCommand, {type: 'addPortForward'}>, emit: Emit): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	const {mode} = primaryNic(vm);
	if (mode !== 'nat') {
		return `${vm.id} is ${mode}, not behind NAT: only NAT VMs need forwards`;
	}

	for (const port of [command.hostPort, command.vmPort]) {
		if (!Number.isInteger(port) || port < 1 || port > 65_535) {
			return `expected a port from 1 to 65535, got ${port}`;
		}
	}

	const taken = world.forwards.find(f => f.hostId === vm.hostId && f.hostPort === command.hostPort);
	if (taken) {
		return `${vm.hostId}:${taken.hostPort} already forwards to ${taken.vmId}:${taken.vmPort}`;
	}

	const forward = {
		hostId: vm.hostId, hostPort: command.hostPort, vmId: vm.id, vmPort: command.vmPort,
	};
	world.forwards.push(forward);
	emit({tick: world.tick, type: 'portForwardAdded', ...forward});
	return undefined;
}

function removePortForward(world: World, command: Extract<NetworkCommand, {type: 'removePortForward'}>, emit: Emit): string | undefined {
	const forward = world.forwards.find(f => f.hostId === command.hostId && f.hostPort === command.hostPort);
	if (!forward) {
		return `${command.hostId} forwards no port ${command.hostPort}`;
	}

	world.forwards = world.forwards.filter(f => f !== forward);
	emit({
		tick: world.tick, type: 'portForwardRemoved', ...forward, reason: 'removed',
	});
	return undefined;
}

function attachNetwork(world: World, command: Extract<NetworkCommand, {type: 'attachNetwork'}>, emit: Emit): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	const networks = world.config.network.customNetworks;
	const network = networks.find(n => n.id === command.network);
	if (!network) {
		return `no custom network ${command.network} (declared: ${networks.map(n => n.id).join(', ') || 'none'})`;
	}

	if (vm.nics.some(nic => nic.network === network.id)) {
		return `${vm.id} is already on ${network.id}`;
	}

	const ip = usedAddresses(world).take(network.subnet);
	if (ip === undefined) {
		return `${network.id} (${network.subnet}) has no free address`;
	}

	const family = findHost(world, vm.hostId)?.hypervisor.family ?? 'kvm';
	const {mac, nextSerial} = nextMac(family, world.nextMacSerial, usedMacs(world));
	world.nextMacSerial = nextSerial;
	vm.nics.push({
		mac, mode: 'custom', network: network.id, ip,
	});
	emit({
		tick: world.tick, type: 'networkAttached', vmId: vm.id, network: network.id, ip,
	});
	return undefined;
}

function detachNetwork(world: World, command: Extract<NetworkCommand, {type: 'detachNetwork'}>, emit: Emit): string | undefined {
	const vm = findVm(world, command.vmId);
	if (!vm) {
		return `no VM ${command.vmId}`;
	}

	const index = vm.nics.findIndex(nic => nic.network === command.network);
	if (index === -1) {
		return `${vm.id} is not on ${command.network}`;
	}

	if (index === 0) {
		return `${command.network} is ${vm.id}'s primary network: change its mode instead`;
	}

	const [nic] = vm.nics.splice(index, 1);
	emit({
		tick: world.tick, type: 'networkDetached', vmId: vm.id, network: command.network, ip: nic!.ip,
	});
	return undefined;
}

export const networkModel: NetworkModel = {
	apply(world, command, emit) {
		switch (command.type) {
			case 'setNetworkMode': {
				return setNetworkMode(world, command, emit);
			}

			case 'addPortForward': {
				return addPortForward(world, command, emit);
			}

			case 'removePortForward': {
				return removePortForward(world, command, emit);
			}

			case 'attachNetwork': {
				return attachNetwork(world, command, emit);
			}

			case 'detachNetwork': {
				return detachNetwork(world, command, emit);
			}
		}
	},
	moved: commitMove,
	addNics(world, vm, original) {
		const book = usedAddresses(world);
		const macs = usedMacs(world);
		const family = findHost(world, vm.hostId)?.hypervisor.family ?? 'kvm';
		vm.nics = original.nics.map(nic => {
			const subnet = subnetFor(world, nic.mode, nic.network, vm.hostId);
			const {mac, nextSerial} = nextMac(family, world.nextMacSerial, macs);
			world.nextMacSerial = nextSerial;
			macs.add(mac);
			return {
				mac, mode: nic.mode, network: nic.network, ip: (subnet === undefined ? undefined : book.take(subnet)) ?? '0.0.0.0',
			};
		});
	},
};
