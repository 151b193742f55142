import type {World} from '../../source/sim/types.js';
import {subnetFor} from '../../source/network/addressing.js';
import {contains, parseCidr, parseIp} from '../../source/network/ipv4.js';
import {migrationReservation, usableMemoryMiB} from '../../source/sim/capacity.js';

const slack = 1e-9;

/** Every broken invariant of a world, as readable strings (empty when all hold). */
export function invariantViolations(world: World): string[] {
	const problems: string[] = [];
	const hostIds = new Set(world.hosts.map(host => host.id));
	const migrations = new Map(world.migrations.map(migration => [migration.id, migration]));
	const seenInMigration = new Set<string>();
	for (const migration of world.migrations) {
		if (seenInMigration.has(migration.vmId)) {
			problems.push(`${migration.vmId} is in two migrations`);
		}

		seenInMigration.add(migration.vmId);
		const vm = world.vms.find(candidate => candidate.id === migration.vmId);
		if (vm?.migrationId !== migration.id) {
			problems.push(`${migration.id} names ${migration.vmId}, which does not name it back`);
		}

		if (migration.sourceHostId === migration.destinationHostId) {
			problems.push(`${migration.id} migrates to its own source`);
		}
	}

	for (const vm of world.vms) {
		if (!hostIds.has(vm.hostId)) {
			problems.push(`${vm.id} is on unknown host ${vm.hostId}`);
		}

		if (vm.state === 'lost' && (vm.lostReason === null || vm.migrationId !== null)) {
			problems.push(`${vm.id} is lost without a reason, or still migrating`);
		}

		if (vm.migrationId !== null) {
			const migration = migrations.get(vm.migrationId);
			const expectedHost = migration?.switched ? migration.destinationHostId : migration?.sourceHostId;
			if (migration?.vmId !== vm.id || expectedHost !== vm.hostId) {
				problems.push(`${vm.id} names migration ${vm.migrationId}, which does not match`);
			}
		}
	}

	for (const host of world.hosts) {
		const {granted} = host.usage;
		if (granted.cpu > host.capacity.cpuUnits + slack || granted.disk > host.capacity.diskMBps + slack
			|| granted.network > host.capacity.networkMbps + slack || granted.memory > usableMemoryMiB(host) + slack) {
			problems.push(`${host.id} handed out more than its capacity: ${JSON.stringify(granted)}`);
		}

		const allocated = world.vms.filter(vm => vm.hostId === host.id && vm.state !== 'lost').reduce((sum, vm) => sum + vm.memoryMiB, 0)
			+ world.migrations.map(migration => migrationReservation(migration)).filter(reservation => reservation.hostId === host.id).reduce((sum, reservation) => sum + reservation.memoryMiB, 0);
		if (allocated > usableMemoryMiB(host) + slack) {
			problems.push(`${host.id} has ${allocated} MiB allocated, more than ${usableMemoryMiB(host)}`);
		}
	}

	problems.push(...networkViolations(world));
	return problems;
}

/** Addresses and MACs unique, every NIC on the subnet its mode and host give it, forwards only to NAT VMs on their host. */
export function networkViolations(world: World): string[] {
	const problems: string[] = [];
	const ips = new Map<string, string>();
	const claim = (ip: string, owner: string) => {
		const holder = ips.get(ip);
		if (holder !== undefined) {
			problems.push(`${ip} is both ${holder}'s and ${owner}'s`);
		}

		ips.set(ip, owner);
	};

	for (const host of world.hosts) {
		claim(host.addresses.ip, host.id);
	}

	const macs = new Set<string>();
	for (const vm of world.vms) {
		if (vm.nics.length === 0) {
			problems.push(`${vm.id} has no NIC`);
		}

		for (const nic of vm.nics) {
			claim(nic.ip, vm.id);
			if (macs.has(nic.mac)) {
				problems.push(`${nic.mac} is used twice (${vm.id})`);
			}

			macs.add(nic.mac);
			const subnet = subnetFor(world, nic.mode, nic.network, vm.hostId);
			const cidr = subnet === undefined ? undefined : parseCidr(subnet);
			if (!cidr || !contains(cidr, parseIp(nic.ip)!)) {
				problems.push(`${vm.id}'s ${nic.mode} address ${nic.ip} is not on ${subnet ?? 'any subnet'} (host ${vm.hostId})`);
			}
		}
	}

	const ports = new Set<string>();
	for (const forward of world.forwards) {
		const key = `${forward.hostId}:${forward.hostPort}`;
		if (ports.has(key)) {
			problems.push(`${key} is forwarded twice`);
		}

		ports.add(key);
		const vm = world.vms.find(candidate => candidate.id === forward.vmId);
		if (vm?.nics[0]?.mode !== 'nat' || vm.hostId !== forward.hostId) {
			problems.push(`${key} forwards to ${forward.vmId}, which is not a NAT VM on ${forward.hostId}`);
		}
	}

	return problems;
}
