/**
One planning round: every pass of a policy (detect, select, place, the underload pass) reads and
changes the datacenter only through this ledger, by host position in typed arrays. `propose` plans a
move; `mark` and `undo` take planned moves back exactly (an underloaded host is emptied all or
nothing). The world is never changed: the round's answer is its commands.
*/
import {migrationReservation, usableMemoryMiB} from '../../sim/capacity.js';
import {hostIndex, hostPosition, vmHostPositions} from '../../sim/lookup.js';
import type {
	Command, Host, SimEvent, Vm, World,
} from '../../sim/types.js';
import {isPlaced} from '../../sim/vm-state.js';
import {buffersFor} from './buffers.js';
import type {RoundListener, RoundMark, RoundOptions} from './round-types.js';
import {vmIndexFor} from './vm-index.js';

export {
	type RoundListener, type RoundMark, type RoundOptions, isMovable, isPlaced,
} from './round-types.js';

const noVms: readonly Vm[] = Object.freeze([]);

export class PlanningRound {
	readonly world: World;
	readonly hosts: readonly Host[];
	/** CPU asked of each host (units; MIPS in CloudSim's datacenter), as planned so far and when the round began. */
	readonly requested: Float64Array;
	readonly requestedAtStart: Float64Array;
	/** The same, each VM's share capped at one core (what a host can grant it). */
	readonly allocated: Float64Array;
	readonly allocatedAtStart: Float64Array;
	readonly freeMiB: Float64Array;
	readonly capacity: Float64Array;
	/** Workers that are up: the hosts a round reads and empties. */
	readonly up: Uint8Array;
	/** Hosts that take no VM for the rest of the round. */
	readonly excluded: Uint8Array;
	readonly poweredOn: Uint8Array;
	readonly commands: Command[] = [];
	readonly events: SimEvent[] = [];
	readonly listeners: RoundListener[] = [];
	/** Each VM's position in `world.vms`, and its planned host (-1: detached). */
	readonly vmIndex: Map<Vm, number>;
	readonly plannedHost: Int32Array;
	/** MIPS one core of a host has. */
	readonly coreUnits: (host: Host) => number;
	readonly #residents: Vm[][];
	/** VMs planned onto each host this round, in order of planning (a VM may stay listed after it moved on: `plannedOn` checks). */
	readonly #plannedIn: Vm[][] = [];
	readonly #positions: ReadonlyMap<string, number>;
	/** Host, requested, allocated and free memory before each change: four numbers a change. */
	readonly #hostJournal: number[] = [];
	/** VM position, from and to of each move: three numbers a move. */
	readonly #moveJournal: number[] = [];

	constructor(world: World, options: RoundOptions = {}) {
		this.world = world;
		const {hosts, vms} = world;
		this.hosts = hosts;
		this.#positions = hostIndex(world);
		this.coreUnits = options.coreUnits ?? (host => host.capacity.cpuUnits);
		const buffers = buffersFor(hosts);
		this.requested = buffers.requested;
		this.requestedAtStart = buffers.requestedAtStart;
		this.allocated = buffers.allocated;
		this.allocatedAtStart = buffers.allocatedAtStart;
		this.freeMiB = buffers.freeMiB;
		this.capacity = buffers.capacity;
		this.up = buffers.up;
		this.excluded = buffers.excluded;
		this.poweredOn = buffers.poweredOn;
		let index = -1;
		for (const host of hosts) {
			index++;
			this.freeMiB[index] = usableMemoryMiB(host);
			this.capacity[index] = host.capacity.cpuUnits;
			this.up[index] = host.role === 'worker' && host.state === 'up' ? 1 : 0;
		}

		for (const migration of world.migrations) {
			const {hostId, memoryMiB} = migrationReservation(migration);
			const at = this.position(hostId);
			if (at !== undefined) {
				this.freeMiB[at]! -= memoryMiB;
			}
		}

		const hostOf = vmHostPositions(world);
		this.plannedHost = new Int32Array(vms.length).fill(-1);
		this.vmIndex = vmIndexFor(vms);
		const {residents} = buffers;
		let vmIndex = -1;
		for (const vm of vms) {
			vmIndex++;
			if (this.vmIndex.get(vm) !== vmIndex) {
				this.vmIndex.set(vm, vmIndex);
			}

			const at = hostOf[vmIndex]!;
			if (at < 0 || !isPlaced(vm)) {
				continue;
			}

			this.plannedHost[vmIndex] = at;
			this.freeMiB[at]! -= vm.memoryMiB;
			residents.add(at, vm);
		}

		residents.end();
		this.#residents = residents.lists;
		const {arrival} = options;
		if (arrival) {
			for (const list of this.#residents) {
				if (list.length > 1) {
					list.sort((a, b) => arrival[this.vmIndex.get(a)!]! - arrival[this.vmIndex.get(b)!]!);
				}
			}
		}

		for (let at = 0; at < hosts.length; at++) {
			this.#sum(at, this.vmsOn(at));
		}

		this.requestedAtStart.set(this.requested);
		this.allocatedAtStart.set(this.allocated);
	}

	position(hostId: string): number | undefined {
		const at = this.#positions.get(hostId);
		return at !== undefined && this.hosts[at]?.id === hostId ? at : hostPosition(this.world, hostId);
	}

	/** What host `index` can grant `vm`: its demand, at most one core. */
	grant(vm: Vm, index: number): number {
		return Math.min(vm.usage.demand.cpu, this.coreUnits(this.hosts[index]!));
	}

	coreUnitsOf(index: number): number {
		return this.coreUnits(this.hosts[index]!);
	}

	/** The VMs on host `index` when the round began, in their host's order. */
	vmsOn(index: number): readonly Vm[] {
		return this.#residents[index] ?? noVms;
	}

	/** The VMs planned on host `index` now, in their host's order: those of the start still there, then those planned in. */
	plannedOn(index: number): Vm[] {
		const planned = this.vmsOn(index).filter(vm => this.plannedHost[this.vmIndex.get(vm)!] === index);
		for (const vm of this.#plannedIn[index] ?? noVms) {
			if (this.plannedHost[this.vmIndex.get(vm)!] === index && !planned.includes(vm)) {
				planned.push(vm);
			}
		}

		return planned;
	}

	utilisation(index: number): number {
		return this.requested[index]! / this.capacity[index]!;
	}

	/** Host `index` takes no VM for the rest of the round. */
	exclude(index: number): void {
		this.excluded[index] = 1;
		for (const listener of this.listeners) {
			listener.excluded?.(index);
		}
	}

	/** Takes `vm` off its planned host (it leaves; where to is found later, or never). */
	detach(vm: Vm): void {
		const vmIndex = this.vmIndex.get(vm)!;
		this.#move(vm, vmIndex, this.plannedHost[vmIndex]!, -1);
	}

	/** Plans `vm` onto host `to` (from its planned host, if it has one): both hosts' figures, the log's event and the request. */
	propose(vm: Vm, to: number, reason: string): void {
		const host = this.hosts[to]!;
		if (host.state === 'off' && this.poweredOn[to] === 0) {
			this.poweredOn[to] = 1;
			this.commands.push({type: 'powerOn', hostId: host.id});
		}

		const vmIndex = this.vmIndex.get(vm)!;
		this.#move(vm, vmIndex, this.plannedHost[vmIndex]!, to);
		this.events.push({
			tick: this.world.tick, type: 'migrationPlanned', vmId: vm.id, from: vm.hostId, to: host.id, vsr: 0, reason,
		});
		this.commands.push({
			type: 'requestMigration', vmId: vm.id, destinationHostId: host.id, mode: null, requestedBy: this.world.policy,
		});
	}

	/** Plans `vm` onto host `to` with no request: a placement's what-if, always undone. */
	tryOn(vm: Vm, to: number): void {
		const vmIndex = this.vmIndex.get(vm)!;
		this.#move(vm, vmIndex, this.plannedHost[vmIndex]!, to);
	}

	mark(): RoundMark {
		return {
			hosts: this.#hostJournal.length, moves: this.#moveJournal.length, commands: this.commands.length, events: this.events.length,
		};
	}

	/** Takes back every move planned since `mark`, newest first: each host's figures return exactly. */
	undo(mark: RoundMark): void {
		const hosts = this.#hostJournal;
		for (let at = hosts.length - 4; at >= mark.hosts; at -= 4) {
			const index = hosts[at]!;
			this.requested[index] = hosts[at + 1]!;
			this.allocated[index] = hosts[at + 2]!;
			this.freeMiB[index] = hosts[at + 3]!;
		}

		hosts.length = mark.hosts;
		const moves = this.#moveJournal;
		for (let at = moves.length - 3; at >= mark.moves; at -= 3) {
			const vmIndex = moves[at]!;
			const from = moves[at + 1]!;
			const to = moves[at + 2]!;
			this.plannedHost[vmIndex] = from;
			if (to >= 0) {
				this.#plannedIn[to]!.pop();
			}

			for (const listener of this.listeners) {
				listener.moved(this.world.vms[vmIndex]!, vmIndex, to, from);
			}
		}

		moves.length = mark.moves;
		// A host powered on for a move taken back is not: its command goes with the move.
		for (let at = mark.commands; at < this.commands.length; at++) {
			const command = this.commands[at]!;
			if (command.type === 'powerOn') {
				this.poweredOn[this.position(command.hostId)!] = 0;
			}
		}

		this.commands.length = mark.commands;
		this.events.length = mark.events;
	}

	#move(vm: Vm, vmIndex: number, from: number, to: number): void {
		if (from >= 0) {
			this.#remember(from);
			this.freeMiB[from]! += vm.memoryMiB;
		}

		if (to >= 0) {
			this.#remember(to);
			this.freeMiB[to]! -= vm.memoryMiB;
			(this.#plannedIn[to] ??= []).push(vm);
		}

		this.plannedHost[vmIndex] = to;
		for (const index of [from, to]) {
			if (index >= 0) {
				this.#sum(index, this.plannedOn(index));
			}
		}

		this.#moveJournal.push(vmIndex, from, to);
		for (const listener of this.listeners) {
			listener.moved(vm, vmIndex, from, to);
		}
	}

	/**
	Host `index`'s requests and grants, summed over `vms` in their order: CloudSim sums its host's list
	anew each time, so a sum here is the same double, not one worn by additions and subtractions.
	*/
	#sum(index: number, vms: readonly Vm[]): void {
		let requested = 0;
		let allocated = 0;
		for (const vm of vms) {
			if (vm.state === 'running' || vm.state === 'paused') {
				requested += vm.usage.demand.cpu;
				allocated += this.grant(vm, index);
			}
		}

		this.requested[index] = requested;
		this.allocated[index] = allocated;
	}

	#remember(index: number): void {
		this.#hostJournal.push(index, this.requested[index]!, this.allocated[index]!, this.freeMiB[index]!);
	}
}
