/**
One planning round over the monitor's view (Sandpiper, threshold, consolidation), as PlanningRound
(./round.ts) is BB12's over the world: what every pass has planned so far, by host position in typed
arrays. `propose` is the one way a move is planned (figures, log event, request); `mark` and `undo`
take proposals back exactly (a host is emptied all or nothing). The world is never changed.

Each policy projects load its own way (./load-models.ts): its numbers, and the order they are added
in, are the policy's, so the same plan comes out to the last bit.
*/
import {
	capacityOf, rateResources, type HostView, type MonitorView, type RateResource, type Rates, type VmView,
} from '../sandpiper/monitor.js';
import {takesVms} from './host-state.js';
import {requestMigration, type Requests} from './requests.js';

export type LoadModel = {
	/** Loads in units (CPU units, Mbit/s, MB/s), divided by capacity to compare; otherwise shares already. */
	inUnits: boolean;
	/** A host's load when the round begins. */
	start(host: HostView): Rates;
	/** What `vm` adds to `host` (and takes from it when it leaves). */
	added(vm: VmView, host: HostView): Rates;
};

export type LedgerOptions = {
	model: LoadModel;
	/**
	Whether a planned move frees its source at once: consolidation, which plans a host empty, does; a
	hotspot's relief does not (the VM holds its source until the migration ends).
	*/
	releasesSource: boolean;
	/** Migrations the policy may still start this round. */
	budget: number;
	/** Hosts that take part in no move now, with why (cooling down, part of a swap). */
	blocked: ReadonlyMap<string, string>;
};

export type LedgerMark = {journal: number; commands: number; events: number; tracked: number; budget: number};

/** A host's figures before a change: position, three loads, free memory, out and in: seven numbers. */
const journalStride = 7;

export class ViewLedger {
	readonly hosts: readonly HostView[];
	readonly requests: Requests;
	readonly model: LoadModel;
	readonly blocked: ReadonlyMap<string, string>;
	/** Each host's load per rate resource as planned so far, in the model's units. */
	readonly load: Readonly<Record<RateResource, Float64Array>>;
	readonly freeMiB: Float64Array;
	/** Migrations out of and into each host: those running and those planned. */
	readonly outgoing: Int32Array;
	readonly incoming: Int32Array;
	/** Hosts a swap holds for the rest of the round: they neither send nor take a VM. */
	readonly reserved: Uint8Array;
	budget: number;
	readonly #releasesSource: boolean;
	readonly #positions: ReadonlyMap<string, number>;
	readonly #journal: number[] = [];

	constructor(view: MonitorView, requests: Requests, options: LedgerOptions) {
		const {hosts} = view;
		const count = hosts.length;
		this.hosts = hosts;
		this.requests = requests;
		this.model = options.model;
		this.blocked = options.blocked;
		this.budget = options.budget;
		this.#releasesSource = options.releasesSource;
		this.#positions = new Map(hosts.map((host, index) => [host.id, index]));
		this.load = {cpu: new Float64Array(count), network: new Float64Array(count), disk: new Float64Array(count)};
		this.freeMiB = new Float64Array(count);
		this.outgoing = new Int32Array(count);
		this.incoming = new Int32Array(count);
		this.reserved = new Uint8Array(count);
		let index = -1;
		for (const host of hosts) {
			index++;
			const start = this.model.start(host);
			for (const resource of rateResources) {
				this.load[resource][index] = start[resource];
			}

			this.freeMiB[index] = host.usableMiB - host.allocatedMiB;
		}

		for (const migration of requests.world.migrations) {
			this.#count(this.outgoing, migration.sourceHostId);
			this.#count(this.incoming, migration.destinationHostId);
		}
	}

	/** A migration runs or is planned into or out of host `index`. */
	busy(index: number): boolean {
		return this.incoming[index]! > 0 || this.outgoing[index]! > 0;
	}

	/** Hosts that may take a VM from `source` now, in host order: active, not blocked, not held by a swap, and as `accepts` says. */
	candidates(source: number, accepts: (index: number) => boolean = () => true): number[] {
		const found: number[] = [];
		let index = -1;
		for (const host of this.hosts) {
			index++;
			if (index !== source && takesVms(host.host) && this.reserved[index] === 0 && !this.blocked.has(host.id) && accepts(index)) {
				found.push(index);
			}
		}

		return found;
	}

	/** Host `index`'s load of `resource` as a share of its capacity. */
	share(index: number, resource: RateResource): number {
		return this.#asShare(this.load[resource][index]!, index, resource);
	}

	/** The same with `vm` planned on it too. */
	shareWith(vm: VmView, index: number, resource: RateResource): number {
		return this.#asShare(this.load[resource][index]! + this.model.added(vm, this.hosts[index]!)[resource], index, resource);
	}

	/** Why `vm` cannot go to host `index` (`memory`, or the first resource over its limit), or undefined when it fits. */
	misfit(vm: VmView, index: number, limits: Rates, allocationMiB = vm.memoryMiB): RateResource | 'memory' | undefined {
		if (this.freeMiB[index]! < allocationMiB) {
			return 'memory';
		}

		const added = this.model.added(vm, this.hosts[index]!);
		return rateResources.find(resource => this.#asShare(this.load[resource][index]! + added[resource], index, resource) > limits[resource]);
	}

	/** Plans `vm` from its host to host `to`: both hosts' figures, the log's event and the request. */
	propose(vm: VmView, to: number, reason: string, allocationMiB = vm.memoryMiB): void {
		const from = this.#positions.get(vm.hostId)!;
		const source = this.hosts[from]!;
		const target = this.hosts[to]!;
		this.#remember(to);
		this.#remember(from);
		const added = this.model.added(vm, target);
		for (const resource of rateResources) {
			this.load[resource][to]! += added[resource];
		}

		this.freeMiB[to]! -= allocationMiB;
		if (this.#releasesSource) {
			const removed = this.model.added(vm, source);
			for (const resource of rateResources) {
				this.load[resource][from]! -= removed[resource];
			}

			this.freeMiB[from]! += vm.memoryMiB;
		}

		this.incoming[to]!++;
		this.outgoing[from]!++;
		this.budget--;
		const {requests} = this;
		requests.events.push({
			tick: requests.world.tick, type: 'migrationPlanned', vmId: vm.id, from: source.id, to: target.id, vsr: vm.vsr, reason,
		});
		requestMigration(requests, {vmId: vm.id, from: source.id, to: target.id}, allocationMiB === vm.memoryMiB ? null : allocationMiB);
	}

	/** One more migration out of host `index`, from the budget, planned outside `propose` (a swap's first step). */
	reserveOut(index: number): void {
		this.#remember(index);
		this.outgoing[index]!++;
		this.budget--;
	}

	/** Books `memoryMiB` of host `index` for something other than a move (a VM grown in place). */
	book(index: number, memoryMiB: number): void {
		this.#remember(index);
		this.freeMiB[index]! -= memoryMiB;
	}

	/** Host `index` takes part in nothing more this round (a swap's partner). Not taken back by `undo`. */
	reserve(index: number): void {
		this.reserved[index] = 1;
	}

	mark(): LedgerMark {
		const {commands, events, tracked} = this.requests;
		return {
			journal: this.#journal.length, commands: commands.length, events: events.length, tracked: tracked.length, budget: this.budget,
		};
	}

	/** Takes back every proposal since `mark`, newest first: each host's figures return exactly. */
	undo(mark: LedgerMark): void {
		const journal = this.#journal;
		for (let at = journal.length - journalStride; at >= mark.journal; at -= journalStride) {
			const index = journal[at]!;
			this.load.cpu[index] = journal[at + 1]!;
			this.load.network[index] = journal[at + 2]!;
			this.load.disk[index] = journal[at + 3]!;
			this.freeMiB[index] = journal[at + 4]!;
			this.outgoing[index] = journal[at + 5]!;
			this.incoming[index] = journal[at + 6]!;
		}

		journal.length = mark.journal;
		const {commands, events, tracked} = this.requests;
		commands.length = mark.commands;
		events.length = mark.events;
		tracked.length = mark.tracked;
		this.budget = mark.budget;
	}

	#asShare(load: number, index: number, resource: RateResource): number {
		return this.model.inUnits ? load / capacityOf(this.hosts[index]!.host, resource) : load;
	}

	#count(counts: Int32Array, hostId: string): void {
		const at = this.#positions.get(hostId);
		if (at !== undefined) {
			counts[at]!++;
		}
	}

	#remember(index: number): void {
		this.#journal.push(index, this.load.cpu[index]!, this.load.network[index]!, this.load.disk[index]!, this.freeMiB[index]!, this.outgoing[index]!, this.incoming[index]!);
	}
}
