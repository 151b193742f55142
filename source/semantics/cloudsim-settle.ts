/**
Settling one CloudSim interval: energy, SLATAH and PDM over its pieces between updates (the round and
each migration's end), with each VM's demand linear between the two updates, as CloudSim's traces are.

A VM that stays put and never asks more than a core adds a straight line to its host's grant, so its
host's sums are kept as a line (start and slope) and read at each cut; only VMs that cross a core and
VMs in migration are evaluated cut by cut. Hosts that nothing runs on are skipped (most of a
consolidated datacenter's). Buffers are kept between intervals: a parity day settles 287 of them.
*/
import {cloudsimCoreUnits, cloudsimMigrationSeconds} from '../sim/cloudsim-host.js';
import {cloudsimSpecpower, curveWatts} from '../sim/power-curve.js';
import {hostPosition, vmHostPositions, vmPosition} from '../sim/lookup.js';
import type {Host, World} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';

/** The share of a VM's grant a migration costs it, and the share its destination grants it meanwhile. */
const migrationShare = 0.1;

export type SettleTotals = {
	energyKWh: number;
	activeSeconds: number;
	violationSeconds: number;
	requestedUnitSeconds: number;
	lostUnitSeconds: number;
};

/** A host's draw as CloudSim reads its SPECpower table. */
function watts(host: Host, utilisation: number): number {
	const table = host.power.specpowerWatts;
	return table ? cloudsimSpecpower(table, utilisation) : curveWatts(host.power, utilisation);
}

type Buffers = {
	hostCount: number;
	vmCount: number;
	coreUnits: Float64Array;
	/** Per host: the grant and the request of its straight-line VMs at the interval's start, and their change over it. */
	grantStart: Float64Array;
	grantChange: Float64Array;
	askStart: Float64Array;
	askChange: Float64Array;
	granted: Float64Array;
	asked: Float64Array;
	grantedAtEnd: Float64Array;
	touched: Uint8Array;
	moving: Int32Array;
	endsAt: Float64Array;
};

let buffers: Buffers | undefined;

function buffersFor(hostCount: number, vmCount: number): Buffers {
	if (buffers?.hostCount !== hostCount || buffers.vmCount !== vmCount) {
		const perHost = () => new Float64Array(hostCount);
		buffers = {
			hostCount,
			vmCount,
			coreUnits: perHost(),
			grantStart: perHost(),
			grantChange: perHost(),
			askStart: perHost(),
			askChange: perHost(),
			granted: perHost(),
			asked: perHost(),
			grantedAtEnd: perHost(),
			touched: new Uint8Array(hostCount),
			moving: new Int32Array(vmCount),
			endsAt: new Float64Array(vmCount),
		};
	}

	for (const buffer of [buffers.grantStart, buffers.grantChange, buffers.askStart, buffers.askChange, buffers.touched]) {
		buffer.fill(0);
	}

	buffers.moving.fill(-1);
	return buffers;
}

/**
A migrating VM's part on the hosts it is coming to: the hosts passed over, then its destination, each
granting it 10 % and counted as asked in full (no array made for them: this runs per mover per cut).
*/
type Sums = {into: Float64Array; askedInto: Float64Array | undefined; coreUnits: Float64Array};

function addIncoming(hops: readonly number[] | undefined, destination: number, demand: number, sums: Sums): void {
	const {into, askedInto, coreUnits} = sums;
	const count = (hops?.length ?? 0) + 1;
	for (let hop = 0; hop < count; hop++) {
		const incoming = hop < count - 1 ? hops![hop]! : destination;
		into[incoming]! += migrationShare * Math.min(demand, coreUnits[incoming]!);
		if (askedInto) {
			askedInto[incoming]! += demand;
		}
	}
}

/** Adds the interval that just ended to `totals`; `previous` is each VM's request at the last update. */
export function settleInterval(world: World, totals: SettleTotals, previous: readonly number[]): void {
	const {hosts, vms} = world;
	const seconds = world.config.tickSeconds;
	const hostOf = vmHostPositions(world);
	const b = buffersFor(hosts.length, vms.length);
	const {moving, endsAt, coreUnits, touched} = b;
	// Hosts a VM was sent to and moved on from in the same round: CloudSim still carries the VM in there until it ends.
	const passedOver = new Map<number, number[]>();
	const cutSet = new Set([0, seconds]);
	for (const migration of world.migrations) {
		const vmIndex = vmPosition(world, migration.vmId);
		const destination = hostPosition(world, migration.destinationHostId);
		if (vmIndex === undefined || destination === undefined) {
			continue;
		}

		moving[vmIndex] = destination;
		endsAt[vmIndex] = Math.min(seconds, cloudsimMigrationSeconds(migration.memoryMiB, hosts[destination]!.capacity.networkMbps));
		cutSet.add(endsAt[vmIndex]);
		touched[destination] = 1;
		if (migration.movedOnFrom.length > 0) {
			const hops = migration.movedOnFrom.flatMap(id => hostPosition(world, id) ?? []);
			passedOver.set(vmIndex, hops);
			for (const hop of hops) {
				touched[hop] = 1;
			}
		}
	}

	const cuts = [...cutSet].toSorted((a, b) => a - b);
	let index = -1;
	for (const host of hosts) {
		index++;
		coreUnits[index] = cloudsimCoreUnits(host);
	}

	const movers: number[] = [];
	// VMs that stay put but cross a core during the interval: their grant bends, so it is read cut by cut.
	const bent: number[] = [];
	let vmIndex = -1;
	for (const vm of vms) {
		vmIndex++;
		const home = hostOf[vmIndex]!;
		if (home < 0 || !isPlaced(vm) || vm.state === 'stopped') {
			continue;
		}

		touched[home] = 1;
		if (moving[vmIndex]! >= 0) {
			movers.push(vmIndex);
			continue;
		}

		const from = previous[vmIndex] ?? 0;
		const change = vm.usage.demand.cpu - from;
		b.askStart[home]! += from;
		b.askChange[home]! += change;
		if (Math.max(from, from + change) > coreUnits[home]!) {
			bent.push(vmIndex);
		} else {
			b.grantStart[home]! += from;
			b.grantChange[home]! += change;
		}
	}

	const active: number[] = [];
	for (let host = 0; host < hosts.length; host++) {
		if (touched[host] === 1) {
			active.push(host);
		}
	}

	const demandAt = (vm: number, at: number) => {
		const from = previous[vm] ?? 0;
		return from + ((vms[vm]!.usage.demand.cpu - from) * (at / seconds));
	};

	// The straight-line and bent VMs' grants (and requests) at `at`.
	const fillStatic = (into: Float64Array, askedInto: Float64Array | undefined, at: number): void => {
		const share = at / seconds;
		for (const host of active) {
			into[host] = b.grantStart[host]! + (b.grantChange[host]! * share);
			if (askedInto) {
				askedInto[host] = b.askStart[host]! + (b.askChange[host]! * share);
			}
		}

		for (const vm of bent) {
			const host = hostOf[vm]!;
			into[host]! += Math.min(demandAt(vm, at), coreUnits[host]!);
		}
	};

	// The moving VMs' part at `at`, the moves that ended by `movedBy` made; what they asked and did not get.
	const addMovers = (into: Float64Array, askedInto: Float64Array | undefined, at: number, movedBy: number): number => {
		const sums: Sums = {into, askedInto, coreUnits};
		let lost = 0;
		for (const mover of movers) {
			const demand = demandAt(mover, at);
			const destination = moving[mover]!;
			const arrived = endsAt[mover]! <= movedBy;
			const host = arrived ? destination : hostOf[mover]!;
			const grant = Math.min(demand, coreUnits[host]!);
			into[host]! += grant;
			if (askedInto) {
				askedInto[host]! += demand;
			}

			if (!arrived) {
				addIncoming(passedOver.get(mover), destination, demand, sums);

				// The source grants a migrating VM 90 % of its capped request; PDM counts all it asked and did not get.
				lost += demand - ((1 - migrationShare) * grant);
			}
		}

		return lost;
	};

	const {granted, asked, grantedAtEnd} = b;
	for (let piece = 0; piece + 1 < cuts.length; piece++) {
		const start = cuts[piece]!;
		const end = cuts[piece + 1]!;
		const length = end - start;
		fillStatic(granted, asked, start);
		fillStatic(grantedAtEnd, undefined, end);
		// Every VM's request once, wherever it runs (a migrating VM's destinations count it in `asked` too).
		for (const host of active) {
			totals.requestedUnitSeconds += asked[host]! * length;
		}

		for (const mover of movers) {
			totals.requestedUnitSeconds += demandAt(mover, start) * length;
		}

		totals.lostUnitSeconds += addMovers(granted, asked, start, start) * length;
		addMovers(grantedAtEnd, undefined, end, start);
		for (const index of active) {
			const host = hosts[index]!;
			if (host.role !== 'worker') {
				continue;
			}

			const capacity = host.capacity.cpuUnits;
			const from = Math.min(1, granted[index]! / capacity);
			if (from > 0) {
				const to = Math.min(1, grantedAtEnd[index]! / capacity);
				totals.energyKWh += (watts(host, from) + watts(host, to)) / 2 * length / 3_600_000;
				totals.activeSeconds += length;
				// A host asked for more than it has grants all it has, less than asked.
				if (Math.min(granted[index]!, capacity) < asked[index]!) {
					totals.violationSeconds += length;
				}
			}
		}
	}
}
