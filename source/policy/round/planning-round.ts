/**
One planning round, shared by every policy (BB12's family over the world; Sandpiper, threshold and
consolidation over the monitor's view): each pass reads and changes the datacenter only through it, by
host position in typed arrays. `eligible` says which hosts may take a VM; `propose` is the one way a
move is planned (both hosts' figures, the log's event, the request); `mark` and `undo` take moves back
exactly (a host is emptied all or nothing). How load is projected is the load model's
(./round-types.ts): its columns are remembered with the round's own, before each change, in one
journal. The world is never changed: the round's answer is its commands.
*/
import {hostIndex, hostPosition} from '../../sim/lookup.js';
import type {Command, SimEvent, World} from '../../sim/types.js';
import {zeroed} from './buffers.js';
import {HostJournal} from './host-journal.js';
import {requestMigration, type Records} from './requests.js';
import type {
	LoadModel, RoundHost, RoundListener, RoundMark, RoundSetup, RoundVm,
} from './round-types.js';

/** Each VM array's positions, kept between rounds and checked at each hit (a new map each round was garbage). */
const vmIndexes = new WeakMap<readonly object[], Map<object, number>>();
const noneBlocked: ReadonlyMap<string, string> = new Map();

export class PlanningRound<V extends RoundVm, H extends RoundHost, M extends LoadModel<V>> {
	readonly world: World;
	readonly hosts: readonly H[];
	readonly vms: readonly V[];
	readonly records: Records;
	readonly commands: Command[];
	readonly events: SimEvent[];
	readonly blocked: ReadonlyMap<string, string>;
	readonly listeners: RoundListener[] = [];
	/** Memory each host has free, as planned. */
	readonly freeMiB: Float64Array;
	/** Migrations out of and into each host: those running and those proposed. */
	readonly outgoing: Float64Array;
	readonly incoming: Float64Array;
	/** Workers that are up (the hosts a round reads), and workers that are off (a VM proposed onto one powers it on). */
	readonly up: Uint8Array;
	readonly off: Uint8Array;
	/** Hosts that take no VM for the rest of the round (not taken back by `undo`). */
	readonly excluded: Uint8Array;
	readonly poweredOn: Uint8Array;
	/** Each VM's host when the round began and as planned now (-1: none, or detached), by VM position. */
	readonly startHost: Int32Array;
	readonly plannedHost: Int32Array;
	readonly load: M;
	budget: number;
	readonly #positions: ReadonlyMap<string, number>;
	readonly #vmIndex: Map<object, number>;
	readonly #journal: HostJournal;
	/** VM position, from and to of each move: three numbers a move. */
	readonly #moves: number[] = [];
	/** VM position and destination of each proposal, in the order of the requests: two numbers each. */
	readonly #proposed: number[] = [];

	constructor(setup: RoundSetup<V, H>, model: (round: PlanningRound<V, H, M>) => M) {
		const {world, hosts, vms, records} = setup;
		this.world = world;
		this.hosts = hosts;
		this.vms = vms;
		this.records = records;
		this.commands = records.commands;
		this.events = records.events;
		this.blocked = setup.blocked ?? noneBlocked;
		this.budget = setup.budget ?? Number.POSITIVE_INFINITY;
		this.#positions = hostIndex(world);
		this.#vmIndex = vmIndexes.get(vms) ?? new Map<object, number>();
		vmIndexes.set(vms, this.#vmIndex);
		this.freeMiB = zeroed(hosts, 'freeMiB', Float64Array);
		this.outgoing = zeroed(hosts, 'outgoing', Float64Array);
		this.incoming = zeroed(hosts, 'incoming', Float64Array);
		this.up = zeroed(hosts, 'up', Uint8Array);
		this.off = zeroed(hosts, 'off', Uint8Array);
		this.excluded = zeroed(hosts, 'excluded', Uint8Array);
		this.poweredOn = zeroed(hosts, 'poweredOn', Uint8Array);
		this.startHost = setup.startHost;
		this.plannedHost = zeroed(vms, 'plannedHost', Int32Array);
		this.plannedHost.set(this.startHost);
		const {takesVms} = setup;
		const {up, off, excluded, blocked} = this;
		const anyBlocked = blocked.size > 0;
		let index = -1;
		for (const host of world.hosts) {
			index++;
			const worker = host.role === 'worker';
			up[index] = worker && host.state === 'up' ? 1 : 0;
			off[index] = worker && host.state === 'off' ? 1 : 0;
			const closed = takesVms !== undefined && !takesVms(index);
			if (closed || (anyBlocked && blocked.has(hosts[index]!.id))) {
				excluded[index] = 1;
			}
		}

		for (const migration of world.migrations) {
			this.#count(this.outgoing, migration.sourceHostId);
			this.#count(this.incoming, migration.destinationHostId);
		}

		this.load = model(this);
		this.#journal = new HostJournal(hosts, [this.freeMiB, this.outgoing, this.incoming, ...this.load.columns]);
	}

	position(hostId: string): number | undefined {
		const at = this.#positions.get(hostId);
		return at !== undefined && this.hosts[at]?.id === hostId ? at : hostPosition(this.world, hostId);
	}

	/** `vm`'s position in `vms`, for a caller that holds the VM (the round's moves take positions). */
	indexOf(vm: V): number {
		const at = this.#vmIndex.get(vm);
		if (at !== undefined && this.vms[at] === vm) {
			return at;
		}

		this.#vmIndex.clear();
		for (const [index, each] of this.vms.entries()) {
			this.#vmIndex.set(each, index);
		}

		const found = this.#vmIndex.get(vm);
		if (found === undefined) {
			throw new Error(`${vm.id} is not a VM of this round`);
		}

		return found;
	}

	/** Whether host `index` may take a VM from `source`: the one test of every placement (its fit is the model's). */
	eligible(index: number, source: number): boolean {
		return index !== source && this.excluded[index] === 0;
	}

	/** The hosts that may take a VM from `source` and that `accepts` takes, in host order. */
	candidates(source: number, accepts: (index: number) => boolean = () => true): number[] {
		const found: number[] = [];
		for (let index = 0; index < this.hosts.length; index++) {
			if (this.eligible(index, source) && accepts(index)) {
				found.push(index);
			}
		}

		return found;
	}

	/** A migration runs or is proposed into or out of host `index`. */
	busy(index: number): boolean {
		return this.incoming[index]! > 0 || this.outgoing[index]! > 0;
	}

	/** Host `index` takes no VM for the rest of the round. */
	exclude(index: number): void {
		this.excluded[index] = 1;
		for (const listener of this.listeners) {
			listener.excluded?.(index);
		}
	}

	/** Takes VM `vmIndex` off its planned host (it leaves; where to is found later, or never). */
	detach(vmIndex: number): void {
		this.#shift(vmIndex, -1, 0, false);
	}

	/** Plans VM `vmIndex` onto host `to` with no request: a placement's what-if, always undone. */
	tryOn(vmIndex: number, to: number): void {
		this.#shift(vmIndex, to, this.vms[vmIndex]!.memoryMiB, false);
	}

	/** Plans VM `vmIndex` from its planned host onto host `to`, powering it on if it is off: both hosts' figures, the log's event and the request. */
	propose(vmIndex: number, to: number, reason: string, allocationMiB = this.vms[vmIndex]!.memoryMiB): void {
		const host = this.world.hosts[to]!;
		if (host.state === 'off' && this.poweredOn[to] === 0) {
			this.poweredOn[to] = 1;
			this.commands.push({type: 'powerOn', hostId: host.id});
		}

		const vm = this.vms[vmIndex]!;
		this.#shift(vmIndex, to, allocationMiB, true);
		this.budget--;
		this.#proposed.push(vmIndex, to);
		this.events.push({
			tick: this.world.tick, type: 'migrationPlanned', vmId: vm.id, from: vm.hostId, to: host.id, vsr: vm.vsr ?? 0, reason,
		});
		requestMigration(this.records, {vmId: vm.id, from: vm.hostId, to: host.id}, allocationMiB === vm.memoryMiB ? null : allocationMiB);
	}

	/** Holds `memoryMiB` on host `index` for what is planned outside `propose`: a VM grown in place (`migrations` 0), a swap's stay on its scratch host (1). */
	reserveIn(index: number, memoryMiB: number, migrations: 0 | 1): void {
		this.#journal.remember(index);
		this.incoming[index]! += migrations;
		this.freeMiB[index]! -= memoryMiB;
	}

	/** One more migration out of host `index`, from the budget, planned outside `propose` (a swap's first step). */
	reserveOut(index: number): void {
		this.#journal.remember(index);
		this.outgoing[index]!++;
		this.budget--;
	}

	/** Each proposal's VM position and destination, in the order of the requests: two numbers each. */
	get proposed(): readonly number[] {
		return this.#proposed;
	}

	mark(): RoundMark {
		return {
			journal: this.#journal.length,
			moves: this.#moves.length,
			proposed: this.#proposed.length,
			commands: this.commands.length,
			events: this.events.length,
			tracked: this.records.tracked?.length ?? 0,
			budget: this.budget,
		};
	}

	/** Takes back every move since `mark`, newest first: each host's columns, each VM's host, the requests and the budget return exactly. */
	undo(mark: RoundMark): void {
		this.#journal.restore(mark.journal);
		const moves = this.#moves;
		for (let at = moves.length - 3; at >= mark.moves; at -= 3) {
			const vmIndex = moves[at]!;
			const from = moves[at + 1]!;
			const to = moves[at + 2]!;
			this.plannedHost[vmIndex] = from;
			this.load.unmoved(vmIndex, from, to);
			for (const listener of this.listeners) {
				listener.moved(vmIndex, to, from);
			}
		}

		moves.length = mark.moves;
		this.#proposed.length = mark.proposed;
		// A host powered on for a move taken back is not: its command goes with the move.
		for (let at = mark.commands; at < this.commands.length; at++) {
			const command = this.commands[at]!;
			if (command.type === 'powerOn') {
				this.poweredOn[this.position(command.hostId)!] = 0;
			}
		}

		this.commands.length = mark.commands;
		this.events.length = mark.events;
		if (this.records.tracked) {
			this.records.tracked.length = mark.tracked;
		}

		this.budget = mark.budget;
	}

	/** Moves VM `vmIndex` from its planned host to `to` (-1: none); a proposal also counts a migration out of its host and into `to`. */
	#shift(vmIndex: number, to: number, allocationMiB: number, proposal: boolean): void {
		const vm = this.vms[vmIndex]!;
		const from = this.plannedHost[vmIndex]!;
		const source = proposal ? this.startHost[vmIndex]! : -1;
		// Every host before any change: undo, newest first, restores a host's first record last.
		if (from >= 0) {
			this.#journal.remember(from);
		}

		if (to >= 0) {
			this.#journal.remember(to);
		}

		if (source >= 0 && source !== from) {
			this.#journal.remember(source);
		}

		const releases = this.load.releasesSource;
		if (from >= 0 && releases) {
			this.freeMiB[from]! += vm.memoryMiB;
		}

		if (to >= 0) {
			this.freeMiB[to]! -= allocationMiB;
		}

		if (proposal) {
			if (source >= 0) {
				this.outgoing[source]!++;
			}

			this.incoming[to]!++;
		}

		this.plannedHost[vmIndex] = to;
		this.load.moved(vm, vmIndex, releases ? from : -1, to);
		this.#moves.push(vmIndex, from, to);
		for (const listener of this.listeners) {
			listener.moved(vmIndex, from, to);
		}
	}

	#count(counts: Float64Array, hostId: string): void {
		const at = this.position(hostId);
		if (at !== undefined) {
			counts[at]!++;
		}
	}
}
