/**
CloudSim parity (Beloglazov and Buyya, CCPE 2012, THR-MMT-0.8; CloudSim's
`PowerVmAllocationPolicyMigrationStaticThreshold` with `PowerVmSelectionPolicyMinimumMigrationTime`):
every scheduling interval,
1. a host is overloaded when its requested MIPS exceed 80 % of its MIPS; its VMs leave, the one with
   the least RAM first (minimum migration time), until it no longer is;
2. those VMs, by decreasing CPU, go to the host whose power rises least (power-aware best fit
   decreasing) among hosts that are not overloaded and stay at or under 80 % with the VM; a host that
   is off counts from zero power, as CloudSim counts an idle host;
3. underloaded hosts, least utilised first, are emptied when all their VMs fit elsewhere (never onto a
   host that is off), and are switched off once empty.
No limits on concurrent migrations and no cooldown, as in CloudSim; migrations take RAM / (BW / 2)
and cost the VM 10 % of its CPU (the migration config's parity switch).
*/
import {interpolate} from '../sim/power-curve.js';
import {allocatedMemoryByHost, usableMemoryMiB} from '../sim/capacity.js';
import type {Policy, PolicyDecision} from '../sim/strategies.js';
import type {
	Command, Host, SimEvent, Vm, World,
} from '../sim/types.js';

export const cloudsimThreshold = 0.8;

type Ledger = {
	/** Undo records of the placements being tried (an underloaded host is emptied all or nothing). */
	journal: Array<{map: Map<string, number>; key: string; value: number | undefined}> | undefined;
	requested: Map<string, number>;
	freeMiB: Map<string, number>;
	/** Hosts a VM is planned onto this round (not emptied as underloaded). */
	targets: Set<string>;
	/** Hosts whose VMs all leave this round. */
	emptied: Set<string>;
	commands: Command[];
	events: SimEvent[];
	poweredOn: Set<string>;
};

function watts(host: Host, utilisation: number): number {
	const {specpowerWatts, peakWatts, idleShare} = host.power;
	if (specpowerWatts) {
		return interpolate(specpowerWatts, utilisation);
	}

	return (peakWatts * idleShare) + (peakWatts * (1 - idleShare) * Math.min(1, utilisation));
}

function utilisation(host: Host, ledger: Ledger): number {
	return (ledger.requested.get(host.id) ?? 0) / host.capacity.cpuUnits;
}

type Top = {hostId: string; amount: number};

/** The two hosts with the most of `amount` (free memory, spare MIPS): a quick bound on where a VM could go. */
function topTwo(hosts: readonly Host[], amount: (host: Host) => number): {first: Top; second: Top} {
	let first: Top = {hostId: '', amount: Number.NEGATIVE_INFINITY};
	let second: Top = first;
	for (const host of hosts) {
		const value = amount(host);
		if (value > first.amount) {
			second = first;
			first = {hostId: host.id, amount: value};
		} else if (value > second.amount) {
			second = {hostId: host.id, amount: value};
		}
	}

	return {first, second};
}

function set(ledger: Ledger, map: Map<string, number>, key: string, value: number): void {
	ledger.journal?.push({map, key, value: map.get(key)});
	map.set(key, value);
}

/** PABFD: the host whose power rises least, that takes the VM and stays at or under the threshold. */
function findHost(hosts: readonly Host[], vm: Vm, ledger: Ledger, excluded: (hostId: string) => boolean, allowOff: boolean): Host | undefined {
	let best: Host | undefined;
	let bestIncrease = Number.POSITIVE_INFINITY;
	const mips = vm.usage.demand.cpu;
	for (const host of hosts) {
		if (host.role !== 'worker' || excluded(host.id) || host.id === vm.hostId || host.state === 'failed' || host.state === 'booting') {
			continue;
		}

		// An empty host counts as switched off (CloudSim's idle host): only an overload may wake it.
		const off = host.state === 'off' || (ledger.requested.get(host.id) ?? 0) <= 0;
		if (off && !allowOff && !ledger.poweredOn.has(host.id)) {
			continue;
		}

		// CloudSim's hosts have two cores; a VM's MIPS must fit one (its VM scheduler's check).
		if ((ledger.freeMiB.get(host.id) ?? 0) < vm.memoryMiB || vm.workload.base.cpu > host.capacity.cpuUnits / 2) {
			continue;
		}

		const before = utilisation(host, ledger);
		const after = before + (mips / host.capacity.cpuUnits);
		if (after > cloudsimThreshold) {
			continue;
		}

		// Waking a host that is off (or empty, which counts as off) costs its whole draw, not only the slope above idle.
		const increase = watts(host, after) - (off ? 0 : watts(host, before));
		if (increase < bestIncrease) {
			best = host;
			bestIncrease = increase;
		}
	}

	return best;
}

function place(world: World, vm: Vm, host: Host, ledger: Ledger, reason: string): void {
	if (host.state === 'off' && !ledger.poweredOn.has(host.id)) {
		ledger.poweredOn.add(host.id);
		ledger.commands.push({type: 'powerOn', hostId: host.id});
	}

	const mips = vm.usage.demand.cpu;
	set(ledger, ledger.requested, host.id, (ledger.requested.get(host.id) ?? 0) + mips);
	set(ledger, ledger.requested, vm.hostId, (ledger.requested.get(vm.hostId) ?? 0) - mips);
	set(ledger, ledger.freeMiB, host.id, (ledger.freeMiB.get(host.id) ?? 0) - vm.memoryMiB);
	set(ledger, ledger.freeMiB, vm.hostId, (ledger.freeMiB.get(vm.hostId) ?? 0) + vm.memoryMiB);
	ledger.events.push({
		tick: world.tick, type: 'migrationPlanned', vmId: vm.id, from: vm.hostId, to: host.id, vsr: 0, reason,
	});
	ledger.commands.push({
		type: 'requestMigration', vmId: vm.id, destinationHostId: host.id, mode: null, requestedBy: world.policy,
	});
}

export const thresholdCloudsimPolicy: Policy = {
	name: 'threshold-cloudsim',
	description: 'CloudSim parity: THR-MMT-0.8 with power-aware best-fit placement and underloaded hosts switched off',
	initialState: () => null,
	decide(world): PolicyDecision {
		const allocated = allocatedMemoryByHost(world);
		const residentsByHost = new Map<string, Vm[]>(world.hosts.map(host => [host.id, []]));
		for (const vm of world.vms) {
			if (vm.state !== 'lost') {
				residentsByHost.get(vm.hostId)?.push(vm);
			}
		}

		const residentsOf = (_world: World, hostId: string): Vm[] => residentsByHost.get(hostId) ?? [];
		const ledger: Ledger = {
			journal: undefined,
			requested: new Map(),
			freeMiB: new Map(world.hosts.map(host => [host.id, usableMemoryMiB(host) - (allocated.get(host.id) ?? 0)])),
			targets: new Set(),
			emptied: new Set(),
			commands: [],
			events: [],
			poweredOn: new Set(),
		};
		const movable = (vm: Vm) => vm.migrationId === null && vm.state === 'running';
		for (const vm of world.vms) {
			if (vm.state === 'running' || vm.state === 'paused') {
				ledger.requested.set(vm.hostId, (ledger.requested.get(vm.hostId) ?? 0) + vm.usage.demand.cpu);
			}
		}

		const busy = new Set(world.migrations.flatMap(migration => [migration.sourceHostId, migration.destinationHostId]));

		// 1. Overloaded hosts: their minimum-migration-time VMs, until they are not.
		const overloaded = world.hosts.filter(host => host.role === 'worker' && host.state === 'up' && utilisation(host, ledger) > cloudsimThreshold);
		const leaving: Vm[] = [];
		for (const host of overloaded) {
			let remaining = ledger.requested.get(host.id) ?? 0;
			const candidates = residentsOf(world, host.id).filter(vm => movable(vm)).toSorted((a, b) => (a.memoryMiB - b.memoryMiB) || a.id.localeCompare(b.id));
			for (const vm of candidates) {
				if (remaining / host.capacity.cpuUnits <= cloudsimThreshold) {
					break;
				}

				leaving.push(vm);
				remaining -= vm.usage.demand.cpu;
			}
		}

		// 2. PABFD, by decreasing CPU; overloaded hosts take nothing.
		const excluded = new Set(overloaded.map(host => host.id));
		for (const vm of leaving.toSorted((a, b) => (b.usage.demand.cpu - a.usage.demand.cpu) || a.id.localeCompare(b.id))) {
			const host = findHost(world.hosts, vm, ledger, id => excluded.has(id), true);
			if (host) {
				place(world, vm, host, ledger, `${vm.hostId} over ${cloudsimThreshold * 100} % MIPS; ${vm.id} has the least RAM`);
				ledger.targets.add(host.id);
			}
		}

		// 3. Underloaded hosts, least utilised first: emptied when all their VMs fit on hosts that are on.
		const candidates = world.hosts
			.filter(host => host.role === 'worker' && host.state === 'up' && !excluded.has(host.id) && !ledger.targets.has(host.id) && !busy.has(host.id) && residentsOf(world, host.id).length > 0)
			.toSorted((a, b) => (utilisation(a, ledger) - utilisation(b, ledger)) || a.id.localeCompare(b.id));
		// Targets for emptying: hosts that are on and carry load now (an empty one counts as off).
		const onHosts = world.hosts.filter(host => host.role === 'worker' && host.state === 'up' && (ledger.requested.get(host.id) ?? 0) > 0);
		const freeMiB = (target: Host) => ledger.freeMiB.get(target.id) ?? 0;
		const spareMips = (target: Host) => (cloudsimThreshold * target.capacity.cpuUnits) - (ledger.requested.get(target.id) ?? 0);
		let mostFree = topTwo(onHosts, freeMiB);
		let mostSpare = topTwo(onHosts, spareMips);
		for (const host of candidates) {
			if (ledger.targets.has(host.id)) {
				continue;
			}

			const vms = residentsOf(world, host.id);
			if (!vms.every(vm => movable(vm))) {
				continue;
			}

			// Try to empty it; undo the tries when one VM finds no place.
			ledger.journal = [];
			const commandsBefore = ledger.commands.length;
			const eventsBefore = ledger.events.length;
			const noTarget = (id: string) => id === host.id || excluded.has(id) || ledger.emptied.has(id);
			// Memory bounds most datacenters: skip at once a host whose largest VM fits on no other host.
			const largest = Math.max(...vms.map(vm => vm.memoryMiB));
			const roomElsewhere = mostFree.first.hostId === host.id ? mostFree.second.amount : mostFree.first.amount;
			// Likewise for CPU: the busiest VM needs a host with that much spare under the threshold.
			const busiest = Math.max(...vms.map(vm => vm.usage.demand.cpu));
			const spareElsewhere = mostSpare.first.hostId === host.id ? mostSpare.second.amount : mostSpare.first.amount;
			if (roomElsewhere < largest || spareElsewhere < busiest) {
				excluded.add(host.id);
				ledger.journal = undefined;
				continue;
			}

			const placedOn: string[] = [];
			const placed = vms.toSorted((a, b) => (b.usage.demand.cpu - a.usage.demand.cpu) || a.id.localeCompare(b.id)).every(vm => {
				const target = findHost(onHosts, vm, ledger, noTarget, false);
				if (!target) {
					return false;
				}

				place(world, vm, target, ledger, `${host.id} underloaded: switched off once empty`);
				placedOn.push(target.id);
				return true;
			});
			if (placed) {
				for (const id of placedOn) {
					ledger.targets.add(id);
				}

				ledger.emptied.add(host.id);
				mostFree = topTwo(onHosts, freeMiB);
				mostSpare = topTwo(onHosts, spareMips);
			} else {
				for (const entry of ledger.journal.toReversed()) {
					if (entry.value === undefined) {
						entry.map.delete(entry.key);
					} else {
						entry.map.set(entry.key, entry.value);
					}
				}

				ledger.commands.length = commandsBefore;
				ledger.events.length = eventsBefore;
			}

			ledger.journal = undefined;
			// CloudSim: a host tried as underloaded takes no VMs for the rest of the round.
			excluded.add(host.id);
		}

		// Empty hosts that take nothing this round are switched off, as CloudSim counts an idle host as off.
		for (const host of world.hosts) {
			if (host.role === 'worker' && host.state === 'up' && !busy.has(host.id) && !ledger.targets.has(host.id) && residentsOf(world, host.id).length === 0) {
				ledger.commands.push({type: 'powerOff', hostId: host.id});
			}
		}

		return {
			commands: ledger.commands, rejections: [], events: ledger.events, state: null,
		};
	},
};
