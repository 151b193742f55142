/**
The view's load model (Sandpiper, threshold, consolidation), plugged into the planning round
(./planning-round.ts) over the monitor's view: each host's load per rate resource, what a VM adds
added to its destination and, when a move releases its source, taken from there. Each policy projects
a load its own way (./load-models.ts): its numbers, and the order they are added in, are the
policy's, so the same plan comes out to the last bit.
*/
import {
	capacityOf, rateResources, type HostView, type MonitorView, type RateResource, type Rates, type VmView,
} from '../sandpiper/monitor.js';
import {zeroed} from './buffers.js';
import {takesVms} from './host-state.js';
import {PlanningRound} from './planning-round.js';
import type {Requests} from './requests.js';
import type {Column, LoadModel} from './round-types.js';

export type RateProjection = {
	/** Loads in units (CPU units, Mbit/s, MB/s), divided by capacity to compare; otherwise shares already. */
	inUnits: boolean;
	/** A host's load when the round begins. */
	start(host: HostView): Rates;
	/** What `vm` adds to `host` (and takes from it when it leaves). */
	added(vm: VmView, host: HostView): Rates;
};

export type ViewRoundOptions = {
	projection: RateProjection;
	/** Whether a planned move frees its source at once (see LoadModel's `releasesSource`). */
	releasesSource: boolean;
	/** Migrations the policy may still start this round. */
	budget: number;
	/** Hosts that take part in no move now, with why (cooling down, part of a swap). */
	blocked: ReadonlyMap<string, string>;
};

export type ViewRound = PlanningRound<VmView, HostView, RateLoad>;

export class RateLoad implements LoadModel<VmView> {
	/** Each host's load per rate resource as planned so far, in the projection's units. */
	readonly cpu: Float64Array;
	readonly network: Float64Array;
	readonly disk: Float64Array;
	readonly columns: readonly Column[];
	readonly releasesSource: boolean;
	readonly projection: RateProjection;
	readonly #hosts: readonly HostView[];
	readonly #freeMiB: Float64Array;

	constructor(round: ViewRound, options: ViewRoundOptions) {
		const {hosts, freeMiB} = round;
		this.#hosts = hosts;
		this.#freeMiB = freeMiB;
		this.projection = options.projection;
		this.releasesSource = options.releasesSource;
		this.cpu = zeroed(hosts, 'cpu', Float64Array);
		this.network = zeroed(hosts, 'network', Float64Array);
		this.disk = zeroed(hosts, 'disk', Float64Array);
		this.columns = [this.cpu, this.network, this.disk];
		let index = -1;
		for (const host of hosts) {
			index++;
			const start = this.projection.start(host);
			for (const resource of rateResources) {
				this[resource][index] = start[resource];
			}

			freeMiB[index] = host.usableMiB - host.allocatedMiB;
		}
	}

	moved(vm: VmView, _vmIndex: number, from: number, to: number): void {
		if (to >= 0) {
			const added = this.added(vm, to);
			for (const resource of rateResources) {
				this[resource][to]! += added[resource];
			}
		}

		if (from >= 0) {
			const removed = this.added(vm, from);
			for (const resource of rateResources) {
				this[resource][from]! -= removed[resource];
			}
		}
	}

	unmoved(): void {
		// The columns are all this model keeps.
	}

	/** What `vm` adds to host `index`. */
	added(vm: VmView, index: number): Rates {
		return this.projection.added(vm, this.#hosts[index]!);
	}

	/** Host `index`'s load of `resource` as a share of its capacity. */
	share(index: number, resource: RateResource): number {
		return this.#asShare(this[resource][index]!, index, resource);
	}

	/** The same with `vm` planned on it too. */
	shareWith(vm: VmView, index: number, resource: RateResource): number {
		return this.#asShare(this[resource][index]! + this.added(vm, index)[resource], index, resource);
	}

	/** Why `vm` cannot go to host `index` (`memory`, or the first resource over its limit), or undefined when it fits. */
	misfit(vm: VmView, index: number, limits: Rates, allocationMiB = vm.memoryMiB): RateResource | 'memory' | undefined {
		if (this.#freeMiB[index]! < allocationMiB) {
			return 'memory';
		}

		const added = this.added(vm, index);
		return rateResources.find(resource => this.#asShare(this[resource][index]! + added[resource], index, resource) > limits[resource]);
	}

	#asShare(load: number, index: number, resource: RateResource): number {
		return this.projection.inUnits ? load / capacityOf(this.#hosts[index]!.host, resource) : load;
	}
}

/** A round over `view`, recording into `requests`: the VMs of each host, there; hosts that are not up workers, draining or blocked take none. */
export function viewRound(view: MonitorView, requests: Requests, options: ViewRoundOptions): ViewRound {
	const vms: VmView[] = [];
	const startHost: number[] = [];
	for (const [index, host] of view.hosts.entries()) {
		for (const vm of host.vms) {
			vms.push(vm);
			startHost.push(index);
		}
	}

	return new PlanningRound({
		world: requests.world,
		hosts: view.hosts,
		vms,
		startHost: Int32Array.from(startHost),
		records: requests,
		budget: options.budget,
		blocked: options.blocked,
		takesVms: index => takesVms(view.hosts[index]!.host),
	}, round => new RateLoad(round, options));
}
