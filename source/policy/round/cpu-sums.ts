/**
BB12's load model (Beloglazov and Buyya, CCPE 2012, as CloudSim runs it), plugged into the planning
round (./planning-round.ts) over the world's VMs: each host's CPU requested and granted, summed anew
over the VMs planned on it, in its list's order, after every move. CloudSim sums its host's list each
time, so a sum here is the same double, not one worn by additions and subtractions. A host lists the
VMs it had when the round began in order of arrival (CloudSim's ties go by it), then those planned in.
*/
import {migrationReservation, usableMemoryMiB} from '../../sim/capacity.js';
import {vmHostPositions} from '../../sim/lookup.js';
import type {Host, Vm, World} from '../../sim/types.js';
import {isPlaced} from '../../sim/vm-state.js';
import {zeroed} from './buffers.js';
import {PlanningRound} from './planning-round.js';
import {isMovable, type Column, type LoadModel} from './round-types.js';
import {VmLists} from './vm-lists.js';

export type Bb12RoundOptions = {
	/**
	Each VM's place in its host's list, by VM position (lower first): CloudSim's host keeps its VMs in
	order of arrival and breaks ties by it. Without it, VMs are in position order.
	*/
	arrival?: ArrayLike<number>;
	/** MIPS one core of a host has: a VM is granted at most that much (CloudSim's VMs have one core). */
	coreUnits?: (host: Host) => number;
};

export type Bb12Round = PlanningRound<Vm, Host, CpuSums>;

/**
What a BB12 round reads of each VM, by position, in one pass: a VM's fields are a few dependent
loads away, and each pass over the VMs cost more in those loads than in its work.
*/
type VmFacts = {
	startHost: Int32Array;
	memoryMiB: Float64Array;
	/** Its CPU request, and whether that counts (a VM running or paused asks; others do not). */
	demand: Float64Array;
	asks: Uint8Array;
	/** Whether it may move now (`isMovable`). */
	movable: Uint8Array;
};

function readVms(world: World): VmFacts {
	const {vms} = world;
	const hostOf = vmHostPositions(world);
	const facts: VmFacts = {
		startHost: zeroed(vms, 'startHost', Int32Array),
		memoryMiB: zeroed(vms, 'memoryMiB', Float64Array),
		demand: zeroed(vms, 'demand', Float64Array),
		asks: zeroed(vms, 'asks', Uint8Array),
		movable: zeroed(vms, 'movable', Uint8Array),
	};
	const {
		startHost, memoryMiB, demand, asks, movable,
	} = facts;
	let vmIndex = -1;
	for (const vm of vms) {
		vmIndex++;
		startHost[vmIndex] = isPlaced(vm) ? hostOf[vmIndex]! : -1;
		memoryMiB[vmIndex] = vm.memoryMiB;
		demand[vmIndex] = vm.usage.demand.cpu;
		asks[vmIndex] = vm.state === 'running' || vm.state === 'paused' ? 1 : 0;
		movable[vmIndex] = isMovable(vm) ? 1 : 0;
	}

	return facts;
}

export class CpuSums implements LoadModel<Vm> {
	readonly columns: readonly Column[];
	/** CPU asked of each host (units; MIPS in CloudSim's datacenter), as planned so far and when the round began. */
	readonly requested: Float64Array;
	readonly requestedAtStart: Float64Array;
	/** The same, each VM's share capped at one core (what a host can grant it). */
	readonly allocated: Float64Array;
	readonly allocatedAtStart: Float64Array;
	readonly capacity: Float64Array;
	readonly coreUnits: Float64Array;
	/** Each VM's CPU request and whether it may move now, by position, read once a round. */
	readonly demand: Float64Array;
	readonly movable: Uint8Array;
	readonly #vms: readonly Vm[];
	readonly #asks: Uint8Array;
	readonly #lists: VmLists;

	/** BB12 plans hosts empty: a VM planned off its host frees it at once. */
	get releasesSource(): boolean {
		return true;
	}

	constructor(round: Bb12Round, facts: VmFacts, options: Bb12RoundOptions) {
		const {world, hosts, vms, freeMiB} = round;
		this.#vms = vms;
		this.requested = zeroed(hosts, 'requested', Float64Array);
		this.requestedAtStart = zeroed(hosts, 'requestedAtStart', Float64Array);
		this.allocated = zeroed(hosts, 'allocated', Float64Array);
		this.allocatedAtStart = zeroed(hosts, 'allocatedAtStart', Float64Array);
		this.capacity = zeroed(hosts, 'capacity', Float64Array);
		this.coreUnits = zeroed(hosts, 'coreUnits', Float64Array);
		this.columns = [this.requested, this.allocated];
		this.demand = facts.demand;
		this.movable = facts.movable;
		this.#asks = facts.asks;
		const coreUnitsOf = options.coreUnits ?? ((host: Host) => host.capacity.cpuUnits);
		const {capacity, coreUnits} = this;
		let index = -1;
		for (const host of hosts) {
			index++;
			freeMiB[index] = usableMemoryMiB(host);
			capacity[index] = host.capacity.cpuUnits;
			coreUnits[index] = coreUnitsOf(host);
		}

		for (const migration of world.migrations) {
			const {hostId, memoryMiB} = migrationReservation(migration);
			const at = round.position(hostId);
			if (at !== undefined) {
				freeMiB[at]! -= memoryMiB;
			}
		}

		const {startHost} = round;
		for (let vmIndex = 0; vmIndex < vms.length; vmIndex++) {
			const at = startHost[vmIndex]!;
			if (at >= 0) {
				freeMiB[at]! -= facts.memoryMiB[vmIndex]!;
			}
		}

		this.#lists = new VmLists(round, options.arrival);
		for (let at = 0; at < hosts.length; at++) {
			// A host with no VMs sums to the zeros it has.
			if (this.#lists.residentCount(at) > 0) {
				this.#sum(at);
			}
		}

		this.requestedAtStart.set(this.requested);
		this.allocatedAtStart.set(this.allocated);
	}

	moved(_vm: Vm, vmIndex: number, from: number, to: number): void {
		if (to >= 0) {
			this.#lists.planIn(to, vmIndex);
		}

		if (from >= 0) {
			this.#sum(from);
		}

		if (to >= 0) {
			this.#sum(to);
		}
	}

	unmoved(_vmIndex: number, _from: number, to: number): void {
		if (to >= 0) {
			this.#lists.unplanIn(to);
		}
	}

	/** Host `index`'s requested utilisation as planned. */
	utilisation(index: number): number {
		return this.requested[index]! / this.capacity[index]!;
	}

	/** How many VMs host `index` had when the round began. */
	residentCount(index: number): number {
		return this.#lists.residentCount(index);
	}

	/** The VMs on host `index` when the round began, in its list's order. */
	vmsOn(index: number): Vm[] {
		return this.#lists.residentsOf(index).map(vmIndex => this.#vms[vmIndex]!);
	}

	/** How many VMs are planned on host `index` now. */
	plannedCount(index: number): number {
		return this.#lists.collect(index);
	}

	/** The positions of the VMs planned on host `index` now, in its list's order: those of the start still there, then those planned in. */
	plannedIndices(index: number): number[] {
		const count = this.#lists.collect(index);
		const found: number[] = [];
		for (let at = 0; at < count; at++) {
			found.push(this.#lists.listed[at]!);
		}

		return found;
	}

	/** The VMs planned on host `index` now, in the same order. */
	plannedOn(index: number): Vm[] {
		return this.plannedIndices(index).map(vmIndex => this.#vms[vmIndex]!);
	}

	/** The positions of those that may move now, in the same order: what a selector chooses from. */
	movableOn(index: number): number[] {
		const count = this.#lists.collect(index);
		const found: number[] = [];
		for (let at = 0; at < count; at++) {
			const vmIndex = this.#lists.listed[at]!;
			if (this.movable[vmIndex] === 1) {
				found.push(vmIndex);
			}
		}

		return found;
	}

	/** Host `index`'s requests and grants, summed over its planned VMs in its list's order (see above). */
	#sum(index: number): void {
		const count = this.#lists.collect(index);
		const {listed} = this.#lists;
		const core = this.coreUnits[index]!;
		let requested = 0;
		let allocated = 0;
		for (let at = 0; at < count; at++) {
			const vmIndex = listed[at]!;
			if (this.#asks[vmIndex] === 1) {
				const demand = this.demand[vmIndex]!;
				requested += demand;
				allocated += Math.min(demand, core);
			}
		}

		this.requested[index] = requested;
		this.allocated[index] = allocated;
	}
}

/** A BB12 round over `world`: its VMs that are placed, on their hosts. */
export function bb12Round(world: World, options: Bb12RoundOptions = {}): Bb12Round {
	const facts = readVms(world);
	return new PlanningRound({
		world, hosts: world.hosts, vms: world.vms, startHost: facts.startHost, records: {world, commands: [], events: []},
	}, round => new CpuSums(round, facts, options));
}
