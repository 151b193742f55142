/**
CloudSim parity (Beloglazov and Buyya, CCPE 2012, THR-MMT-0.8; CloudSim's
`PowerVmAllocationPolicyMigrationStaticThreshold` with `PowerVmSelectionPolicyMinimumMigrationTime`):
every scheduling interval,
1. a host is overloaded when its requested MIPS exceed 80 % of its MIPS; its VMs leave, the one with
   the least RAM first (minimum migration time), until it no longer is;
2. those VMs, by decreasing CPU, go to the host whose power rises least (power-aware best fit
   decreasing, `findHostForVm`) among hosts that are not overloaded;
3. underloaded hosts, least utilised first, are emptied when all their VMs fit on hosts that carry
   load (never onto an empty one), and are switched off once empty.
No limits on concurrent migrations and no cooldown, as in CloudSim; migrations take RAM / (BW / 2)
and cost the VM 10 % of its CPU (the migration config's parity switch).

`findHostForVm`'s rules, as CloudSim's code has them:
- a host is suitable when the VM's current MIPS fit one of its cores (`getPeCapacity`) and its free
  MIPS, and memory is free for it (CloudSim's PlanetLab VMs ask none once placed);
- a host that carries load must stay at or under 80 % with the VM; an empty host is not checked
  (`getUtilizationOfCpuMips(host) != 0 && isHostOverUtilizedAfterAllocation(host, vm)`);
- the increase is `power after - host.getPower()`: the power after at the MIPS the round has planned
  on the host so far plus the VM's, the power before as the host was when the round began
  (`HostDynamicWorkload` sets the MIPS `getPower` reads only when it processes VMs, not when a round
  plans one onto it). So a host that took VMs earlier in the round pays for them again in each later
  price, and the round spreads VMs where pricing from the planned power would stack them;
- an empty host's power is its idle draw (the SPECpower table at 0 %), so waking one costs only the
  slope: CloudSim has no off state, it counts an empty host as drawing nothing in its energy but
  prices it at idle here;
- ties go to the first host in id order (a strict `<` over the host list); increases are compared in
  whole microwatts, so a tie is a tie and not the last bit of a float.

Every empty host with the same capacity and power model prices a VM the same, so only the first
suitable one of each kind is a candidate; loaded hosts are searched by bands of utilisation with a
lower bound on the increase in each (./power-buckets.ts), so a VM is priced on a few dozen hosts, not
on every loaded one, and the answer is the same. The bands bound W(u + d) - W(u) at the planned u;
the price W(u + d) - W(u at the start) is never less, since a host that may take a VM has lost none
this round (hosts that shed or were emptied take nothing), so the bound holds and the search is exact.

Where this still differs from CloudSim: its migrations end at their own instant inside the interval,
here in the tick after the round; its energy counts a host as drawing nothing over an interval that
began at 0 % (so a freshly woken host is free for a while), here a host draws from the tick it is on;
hosts empty at the end of a round are switched off here, where CloudSim only leaves them idle.
Versions of CloudSim's policy differ on the power after and the empty-host test: most sum the VMs
planned so far (the policy's `getUtilizationOfCpuMips(host)`), as this model does; one reads the
host's MIPS at the start (`host.getUtilizationOfCpuMips()`). Not yet measured against CloudSim itself.
*/
import {curveWatts, interpolate} from '../sim/power-curve.js';
import {migrationReservation, usableMemoryMiB} from '../sim/capacity.js';
import {RefilledLists} from '../sim/lists.js';
import {hostIndex, hostPosition, vmHostPositions} from '../sim/lookup.js';
import type {Policy, PolicyDecision} from '../sim/strategies.js';
import type {
	Command, Host, SimEvent, Vm, World,
} from '../sim/types.js';
import {PowerBuckets, type BucketKind} from './power-buckets.js';

export const cloudsimThreshold = 0.8;

/** CloudSim's benchmark hosts have two cores; a VM's MIPS must fit one. */
const coresPerHost = 2;

/** A host's draw on its power curve, whether it is on or not (CloudSim prices an empty host at idle). */
function watts(host: Host, utilisation: number): number {
	return curveWatts(host.power, utilisation);
}

/** The points of the power curve `watts` reads: its SPECpower table, or idle and peak. */
function powerTable(host: Host): readonly number[] {
	const {specpowerWatts, peakWatts, idleShare} = host.power;
	return specpowerWatts ?? [peakWatts * idleShare, peakWatts];
}

/** The kinds of a hosts array: hosts with the same MIPS and power model price a VM alike. */
type KindTable = {
	/** What each host was when the table was made: a host whose power or MIPS changed makes a new table. */
	powers: ReadonlyArray<Host['power']>;
	cpuUnits: Float64Array;
	kindOfHost: Int32Array;
	kinds: BucketKind[];
	/** Each host's SPECpower table, none for a linear model. */
	tables: Array<readonly number[] | undefined>;
	/** The buckets of these kinds, emptied at the start of each round. */
	buckets: PowerBuckets;
};

const kindTables = new WeakMap<readonly Host[], KindTable>();

function kindTable(hosts: readonly Host[]): KindTable {
	const known = kindTables.get(hosts);
	if (known?.powers.length === hosts.length && hosts.every((host, index) => host.power === known.powers[index] && host.capacity.cpuUnits === known.cpuUnits[index])) {
		return known;
	}

	const ids = new Map<string, number>();
	const kinds: BucketKind[] = [];
	const kindOfHost = Int32Array.from(hosts, host => {
		const {specpowerWatts, peakWatts, idleShare} = host.power;
		const key = `${host.capacity.cpuUnits}/${specpowerWatts ? specpowerWatts.join(',') : `${peakWatts}:${idleShare}`}`;
		let id = ids.get(key);
		if (id === undefined) {
			id = kinds.length;
			ids.set(key, id);
			kinds.push({capacity: host.capacity.cpuUnits, table: powerTable(host), coreMips: host.capacity.cpuUnits / coresPerHost});
		}

		return id;
	});
	const table: KindTable = {
		powers: hosts.map(host => host.power),
		cpuUnits: Float64Array.from(hosts, host => host.capacity.cpuUnits),
		kindOfHost,
		kinds,
		tables: hosts.map(host => host.power.specpowerWatts ?? undefined),
		buckets: new PowerBuckets(kinds, kindOfHost),
	};
	kindTables.set(hosts, table);
	return table;
}

type RoundBuffers = {
	requested: Float64Array;
	freeMiB: Float64Array;
	capacity: Float64Array;
	wattsAtStart: Float64Array;
	excluded: Uint8Array;
	targets: Uint8Array;
	poweredOn: Uint8Array;
	isLoaded: Uint8Array;
	up: Uint8Array;
	/** One list per host, refilled each round (a new array per loaded host each round was the round's largest garbage). */
	residents: RefilledLists<Vm>;
};

/** A round's arrays, zeroed, one set per hosts array (a round runs every scheduling interval). */
const buffersByHosts = new WeakMap<readonly Host[], RoundBuffers>();

function roundBuffers(hosts: readonly Host[]): RoundBuffers {
	const count = hosts.length;
	const known = buffersByHosts.get(hosts);
	if (known?.requested.length === count) {
		for (const buffer of [known.requested, known.freeMiB, known.capacity, known.wattsAtStart, known.excluded, known.targets, known.poweredOn, known.isLoaded, known.up]) {
			buffer.fill(0);
		}

		return known;
	}

	const created: RoundBuffers = {
		requested: new Float64Array(count),
		freeMiB: new Float64Array(count),
		capacity: new Float64Array(count),
		wattsAtStart: new Float64Array(count),
		excluded: new Uint8Array(count),
		targets: new Uint8Array(count),
		poweredOn: new Uint8Array(count),
		isLoaded: new Uint8Array(count),
		up: new Uint8Array(count),
		residents: new RefilledLists<Vm>(count),
	};
	buffersByHosts.set(hosts, created);
	return created;
}

/**
A power increase in whole microwatts. Increases are compared so, far below any real difference and far
above rounding: two hosts the same curve prices alike tie, and the first one in id order wins (what
CloudSim's strict `<` over its host list means), not whichever the last bit of a float favours.
*/
function microwatts(watts: number): number {
	return Math.round(watts * 1e6);
}

const noVms: readonly Vm[] = Object.freeze([]);

/**
What `increase` returns for a host that cannot take the VM, read from a constant: reading `Number.NaN`
is a property load, and the first host a run finds unsuitable threw the search back to slow code.
*/
const unsuitable = Number.NaN;

/** One scheduling round's view of the datacenter, by host index. */
class Round {
	readonly world: World;
	readonly hosts: readonly Host[];
	/** Requested MIPS and free memory per host, as planned so far. */
	readonly requested: Float64Array;
	readonly freeMiB: Float64Array;
	/** Hosts that take no VM: overloaded ones, and each host once tried as underloaded. */
	readonly excluded: Uint8Array;
	/** Hosts a VM is planned onto this round (never emptied as underloaded). */
	readonly targets: Uint8Array;
	readonly poweredOn: Uint8Array;
	/** Each host's MIPS, and whether it is up (not off, booting or failed). */
	readonly capacity: Float64Array;
	readonly up: Uint8Array;
	/** Hosts that carried load at the start of the round or took some since, in id order of arrival. */
	readonly loaded: number[] = [];
	readonly isLoaded: Uint8Array;
	/** Per kind, the hosts that were empty at the start of the round, in id order, and the most MIPS one of their cores has. */
	readonly empty: number[][] = [];
	readonly emptyCoreMips: number[] = [];
	/**
	Per kind, where its first host not yet loaded may be: in the overload pass (the only one that
	wakes empty hosts) a host's request only grows, so the hosts before it stay loaded.
	*/
	readonly emptyStart: number[] = [];
	/** Loaded hosts by kind and power-curve segment, for a bounded best-fit search. */
	readonly buckets: PowerBuckets;
	/**
	Each host's power when the round began (CloudSim's `host.getPower()`: see above), and its SPECpower
	table (none for a linear model).
	*/
	readonly wattsAtStart: Float64Array;
	readonly tables: Array<readonly number[] | undefined>;
	/** The VMs on each host. */
	readonly residents: Vm[][];
	/** Host positions by id (checked on each hit). */
	readonly positions: ReadonlyMap<string, number>;
	readonly commands: Command[] = [];
	readonly events: SimEvent[] = [];
	/** The search's best host so far and its increase in microwatts. */
	best = -1;
	bestKey = Number.POSITIVE_INFINITY;
	/** Undo records (host, requested, free memory) while an underloaded host is emptied all or nothing. */
	journal: number[] | undefined;

	constructor(world: World) {
		this.world = world;
		const {hosts} = world;
		this.hosts = hosts;
		this.positions = hostIndex(world);
		const buffers = roundBuffers(hosts);
		this.requested = buffers.requested;
		this.freeMiB = buffers.freeMiB;
		this.excluded = buffers.excluded;
		this.targets = buffers.targets;
		this.poweredOn = buffers.poweredOn;
		this.isLoaded = buffers.isLoaded;
		this.capacity = buffers.capacity;
		this.up = buffers.up;
		this.wattsAtStart = buffers.wattsAtStart;
		this.residents = buffers.residents.lists;
		let index = -1;
		for (const host of hosts) {
			index++;
			this.freeMiB[index] = usableMemoryMiB(host);
			this.capacity[index] = host.capacity.cpuUnits;
			this.up[index] = host.state === 'up' ? 1 : 0;
		}

		for (const migration of world.migrations) {
			const {hostId, memoryMiB} = migrationReservation(migration);
			const index = this.position(hostId);
			if (index !== undefined) {
				this.freeMiB[index]! -= memoryMiB;
			}
		}

		const hostOf = vmHostPositions(world);
		const {residents} = buffers;
		let vmIndex = -1;
		for (const vm of world.vms) {
			vmIndex++;
			const index = hostOf[vmIndex]!;
			if (index < 0 || vm.state === 'lost') {
				continue;
			}

			this.freeMiB[index]! -= vm.memoryMiB;
			residents.add(index, vm);

			if (vm.state === 'running' || vm.state === 'paused') {
				this.requested[index]! += vm.usage.demand.cpu;
			}
		}

		residents.end();

		// One pass: each host's power when the round began, then whether it carries load (bucketed) or is empty (by kind).
		const kinds = kindTable(hosts);
		this.tables = kinds.tables;
		this.buckets = kinds.buckets;
		this.buckets.clear();
		const emptyOfKind: Array<number[] | undefined> = [];
		index = -1;
		for (const host of hosts) {
			index++;
			const requested = this.requested[index]!;
			this.wattsAtStart[index] = watts(host, requested / this.capacity[index]!);
			if (host.role !== 'worker' || host.state === 'failed' || host.state === 'booting') {
				continue;
			}

			if (requested > 0) {
				this.loaded.push(index);
				this.isLoaded[index] = 1;
				this.buckets.place(index, this.utilisation(index));
				continue;
			}

			const kind = kinds.kindOfHost[index]!;
			const list = emptyOfKind[kind];
			if (list) {
				list.push(index);
			} else {
				const created = [index];
				emptyOfKind[kind] = created;
				this.empty.push(created);
				this.emptyCoreMips.push(kinds.kinds[kind]!.coreMips);
				this.emptyStart.push(0);
			}
		}
	}

	position(hostId: string): number | undefined {
		const at = this.positions.get(hostId);
		return at !== undefined && this.hosts[at]?.id === hostId ? at : hostPosition(this.world, hostId);
	}

	/** The VMs on host `index` (none for most hosts). */
	vmsOn(index: number): readonly Vm[] {
		return this.residents[index] ?? noVms;
	}

	utilisation(index: number): number {
		return this.requested[index]! / this.capacity[index]!;
	}

	/** Records a host's figures before they change, when an all-or-nothing try is open. */
	remember(index: number): void {
		this.journal?.push(index, this.requested[index]!, this.freeMiB[index]!);
	}

	undo(): void {
		const journal = this.journal!;
		for (let at = journal.length - 3; at >= 0; at -= 3) {
			const index = journal[at]!;
			this.requested[index] = journal[at + 1]!;
			this.freeMiB[index] = journal[at + 2]!;
			this.rebucket(index);
		}
	}

	/**
	The power increase of a VM (`mips`, `memoryMiB`) on host `index`, or NaN when the host cannot take
	it (CloudSim's `isSuitableForVm` and its threshold check for a loaded host). NaN, not undefined,
	keeps this hot path on numbers: every comparison with it is false.
	*/
	increase(mips: number, memoryMiB: number, index: number, source: number): number {
		if (index === source || this.excluded[index] === 1) {
			return unsuitable;
		}

		const capacity = this.capacity[index]!;
		const requested = this.requested[index]!;
		const after = (requested + mips) / capacity;
		// Every test is made for every host: a host first met on a path not taken before would throw the
		// search back to slow code in the first ticks of a run.
		const limit = requested > 0 ? cloudsimThreshold : 1;
		const shortOfMemory = this.freeMiB[index]! < memoryMiB;
		const tooBigForCore = mips > capacity / coresPerHost;
		if (after > limit || shortOfMemory || tooBigForCore) {
			return unsuitable;
		}

		const table = this.tables[index];
		return (table ? interpolate(table, after) : watts(this.hosts[index]!, after)) - this.wattsAtStart[index]!;
	}

	/**
	PABFD's `findHostForVm`: the host whose power rises least, ties to the lower index. `emptyToo`:
	empty hosts (off or idle) are candidates (the overload pass); without it only hosts that are up
	and carry load are (the underload pass, where CloudSim excludes switched-off hosts).
	*/
	findHost(vm: Vm, emptyToo: boolean): number | undefined {
		const source = this.position(vm.hostId) ?? -1;
		const mips = vm.usage.demand.cpu;
		this.best = -1;
		this.bestKey = Number.POSITIVE_INFINITY;
		// Empty hosts first: waking one costs only its curve's first slope, a good bound to prune the loaded hosts with.
		if (emptyToo) {
			this.searchEmpty(mips, vm.memoryMiB, source);
		}

		this.searchLoaded(mips, vm.memoryMiB, source);
		return this.best < 0 ? undefined : this.best;
	}

	/** Offers host `index` to the search: it wins with a lower increase, or the same one and a lower index. */
	offer(index: number, key: number): void {
		if (key < this.bestKey || (key === this.bestKey && index < this.best)) {
			this.best = index;
			this.bestKey = key;
		}
	}

	/** The first suitable empty host of each kind. */
	searchEmpty(mips: number, memoryMiB: number, source: number): void {
		const {requested} = this;
		let kindId = -1;
		for (const kind of this.empty) {
			kindId++;
			// A VM too big for the kind's cores fits none of its hosts.
			if (mips > this.emptyCoreMips[kindId]!) {
				continue;
			}

			let start = this.emptyStart[kindId]!;
			while (start < kind.length && requested[kind[start]!]! > 0) {
				start++;
			}

			this.emptyStart[kindId] = start;
			for (let at = start; at < kind.length; at++) {
				const index = kind[at]!;
				// A host that took a VM this round is in `loaded` already.
				if (requested[index]! > 0) {
					continue;
				}

				const key = microwatts(this.increase(mips, memoryMiB, index, source));
				if (!Number.isNaN(key)) {
					this.offer(index, key);
					break;
				}
			}
		}
	}

	/** The loaded hosts: first the bucket with the least bound, then every other bucket that may do better. */
	searchLoaded(mips: number, memoryMiB: number, source: number): void {
		const {buckets} = this;
		const first = buckets.bound(mips, cloudsimThreshold);
		if (first < 0) {
			return;
		}

		this.searchBucket(first, mips, memoryMiB, source);
		const {candidates} = buckets;
		for (let at = 0; at < buckets.candidateCount; at++) {
			const bucket = candidates[at]!;
			if (bucket !== first) {
				this.searchBucket(bucket, mips, memoryMiB, source);
			}
		}
	}

	/**
	The hosts of one bucket, when its loose bound says one of them may do better than the best so far,
	each while its own bound (the band's least F plus its extra) says it may. Every host in a bucket is a
	candidate: in the underload pass the buckets hold only hosts that are up and carry load
	(`onlyLoadedAndUp`).
	*/
	searchBucket(bucket: number, mips: number, memoryMiB: number, source: number): void {
		const {buckets} = this;
		const members = buckets.members[bucket]!;
		const looseKey = microwatts(buckets.bounds[bucket]!);
		if (!(looseKey <= this.bestKey)) {
			return;
		}

		const rise = buckets.leastRise(bucket, mips, cloudsimThreshold);
		for (const index of members) {
			// Bounds grow along the band: once one is above the best, no later host can win.
			const boundKey = microwatts(buckets.hostBound(rise, index));
			if (boundKey > this.bestKey) {
				break;
			}

			// A tie loses to a lower id; without extra the hosts come in id order, so the rest lose too.
			if (boundKey === this.bestKey && index > this.best) {
				if (buckets.extraOf(index) === 0) {
					break;
				}

				continue;
			}

			// Only an increase within a microwatt of the best can win once rounded: the rest (and NaN) are not rounded.
			const increase = this.increase(mips, memoryMiB, index, source);
			if (increase * 1e6 <= this.bestKey + 1) {
				this.offer(index, microwatts(increase));
			}
		}
	}

	/** Host `index` takes no VM for the rest of the round. */
	exclude(index: number): void {
		this.excluded[index] = 1;
		this.buckets.remove(index);
	}

	/**
	From here on only hosts that are up and carry load take VMs (the underload pass): the others, such
	as hosts the overload pass woke, leave the buckets, so the search does not walk past them.
	*/
	onlyLoadedAndUp(): void {
		for (const index of this.loaded) {
			if (this.up[index] === 0 || this.requested[index]! <= 0) {
				this.buckets.remove(index);
			}
		}
	}

	/** Keeps host `index`'s bucket in step with its request, while it may still take VMs. */
	rebucket(index: number): void {
		if (this.isLoaded[index] === 1 && this.excluded[index] === 0) {
			// What the host's price carries over F(u): the power of the VMs the round planned onto it (see above).
			const utilisation = this.utilisation(index);
			this.buckets.place(index, utilisation, watts(this.hosts[index]!, utilisation) - this.wattsAtStart[index]!);
		}
	}

	/**
	Empties host `index` of `vms`, by decreasing CPU, each to the host whose power rises least; when one
	finds no place, undoes the moves before it: all or nothing. The hosts that took them, or undefined.
	*/
	emptyHost(index: number, vms: readonly Vm[]): number[] | undefined {
		this.journal = [];
		const commandsBefore = this.commands.length;
		const eventsBefore = this.events.length;
		const placedOn: number[] = [];
		const reason = `${this.hosts[index]!.id} underloaded: switched off once empty`;
		for (const vm of vms.toSorted(byCpuDescendingThenId)) {
			const target = this.findHost(vm, false);
			if (target === undefined) {
				this.undo();
				this.commands.length = commandsBefore;
				this.events.length = eventsBefore;
				this.journal = undefined;
				return undefined;
			}

			this.place(vm, target, reason);
			placedOn.push(target);
		}

		this.journal = undefined;
		return placedOn;
	}

	place(vm: Vm, index: number, reason: string): void {
		const {world} = this;
		const host = this.hosts[index]!;
		const source = this.position(vm.hostId)!;
		if (host.state === 'off' && this.poweredOn[index] === 0) {
			this.poweredOn[index] = 1;
			this.commands.push({type: 'powerOn', hostId: host.id});
		}

		if (this.isLoaded[index] === 0) {
			this.isLoaded[index] = 1;
			this.loaded.push(index);
		}

		const mips = vm.usage.demand.cpu;
		this.remember(index);
		this.remember(source);
		this.requested[index]! += mips;
		this.freeMiB[index]! -= vm.memoryMiB;
		this.requested[source]! -= mips;
		this.freeMiB[source]! += vm.memoryMiB;
		this.rebucket(index);
		this.rebucket(source);
		this.events.push({
			tick: world.tick, type: 'migrationPlanned', vmId: vm.id, from: vm.hostId, to: host.id, vsr: 0, reason,
		});
		this.commands.push({
			type: 'requestMigration', vmId: vm.id, destinationHostId: host.id, mode: null, requestedBy: world.policy,
		});
	}
}

/** The two hosts with the most of something, as plain fields: `offerTop` runs for every host each time the bounds are found. */
type TopTwo = {
	firstIndex: number; firstAmount: number; secondIndex: number; secondAmount: number;
};

const isTop = (top: TopTwo, index: number) => top.firstIndex === index || top.secondIndex === index;

/**
A cheap test before trying to empty host `index`: memory bounds most datacenters, so its largest VM
needs a host with that much free, and its busiest one a host with that much spare under the threshold.
*/
function mayFitElsewhere(vms: readonly Vm[], index: number, mostFree: TopTwo, mostSpare: TopTwo): boolean {
	let largest = 0;
	let busiest = 0;
	for (const vm of vms) {
		largest = Math.max(largest, vm.memoryMiB);
		busiest = Math.max(busiest, vm.usage.demand.cpu);
	}

	const roomElsewhere = mostFree.firstIndex === index ? mostFree.secondAmount : mostFree.firstAmount;
	const spareElsewhere = mostSpare.firstIndex === index ? mostSpare.secondAmount : mostSpare.firstAmount;
	return roomElsewhere >= largest && spareElsewhere >= busiest;
}

function offerTop(top: TopTwo, index: number, amount: number): void {
	if (amount > top.firstAmount) {
		top.secondIndex = top.firstIndex;
		top.secondAmount = top.firstAmount;
		top.firstIndex = index;
		top.firstAmount = amount;
	} else if (amount > top.secondAmount) {
		top.secondIndex = index;
		top.secondAmount = amount;
	}
}

function noTop(): TopTwo {
	return {
		firstIndex: -1, firstAmount: Number.NEGATIVE_INFINITY, secondIndex: -1, secondAmount: Number.NEGATIVE_INFINITY,
	};
}

/**
The two hosts with the most free memory and the two with the most spare MIPS under the threshold,
among `indices` that still take VMs: a quick bound on where a VM could go (one pass, no callbacks: it
runs after every host emptied).
*/
function roomBounds(round: Round, indices: readonly number[]): {mostFree: TopTwo; mostSpare: TopTwo} {
	const mostFree = noTop();
	const mostSpare = noTop();
	const {excluded, freeMiB, requested, capacity} = round;
	for (const index of indices) {
		if (excluded[index] === 0) {
			offerTop(mostFree, index, freeMiB[index]!);
			offerTop(mostSpare, index, (cloudsimThreshold * capacity[index]!) - requested[index]!);
		}
	}

	return {mostFree, mostSpare};
}

/** Hosts a migration starts or ends at. */
function busyHosts(round: Round): Uint8Array {
	const busy = new Uint8Array(round.hosts.length);
	for (const migration of round.world.migrations) {
		for (const id of [migration.sourceHostId, migration.destinationHostId]) {
			const index = round.position(id);
			if (index !== undefined) {
				busy[index] = 1;
			}
		}
	}

	return busy;
}

const movable = (vm: Vm) => vm.migrationId === null && vm.state === 'running';

/**
1. Overloaded hosts: their minimum-migration-time VMs (least RAM first) leave, until they are not.
2. PABFD: those VMs, by decreasing CPU, each to the host whose power rises least; overloaded hosts take nothing.
*/
function relieveOverloads(round: Round, isUpWorker: (index: number) => boolean): void {
	const {hosts, requested, targets} = round;
	const leaving: Vm[] = [];
	for (const index of round.loaded) {
		if (!isUpWorker(index) || round.utilisation(index) <= cloudsimThreshold) {
			continue;
		}

		round.exclude(index);
		const capacity = hosts[index]!.capacity.cpuUnits;
		let remaining = requested[index]!;
		for (const vm of round.vmsOn(index).filter(vm => movable(vm)).toSorted(byRamThenId)) {
			if (remaining / capacity <= cloudsimThreshold) {
				break;
			}

			leaving.push(vm);
			remaining -= vm.usage.demand.cpu;
		}
	}

	for (const vm of leaving.toSorted(byCpuDescendingThenId)) {
		const index = round.findHost(vm, true);
		if (index !== undefined) {
			round.place(vm, index, `${vm.hostId} over ${cloudsimThreshold * 100} % MIPS; ${vm.id} has the least RAM`);
			targets[index] = 1;
		}
	}
}

/** Ids in code-unit order: the same on every machine, where `localeCompare` follows the machine's locale. */
const byId = (a: Vm, b: Vm) => a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
const byRamThenId = (a: Vm, b: Vm) => (a.memoryMiB - b.memoryMiB) || byId(a, b);
const byCpuDescendingThenId = (a: Vm, b: Vm) => (b.usage.demand.cpu - a.usage.demand.cpu) || byId(a, b);

export const thresholdCloudsimPolicy: Policy = {
	name: 'threshold-cloudsim',
	description: 'CloudSim parity: THR-MMT-0.8 with power-aware best-fit placement and underloaded hosts switched off',
	initialState: () => null,
	decide(world): PolicyDecision {
		const round = new Round(world);
		const {hosts, requested, excluded, targets} = round;
		const busy = busyHosts(round);
		const isUpWorker = (index: number) => hosts[index]!.role === 'worker' && hosts[index]!.state === 'up';

		// 1 and 2. Overloaded hosts shed VMs, which go where power rises least.
		relieveOverloads(round, isUpWorker);

		// 3. Underloaded hosts, least utilised first: emptied when all their VMs fit on hosts that are up and carry load.
		round.onlyLoadedAndUp();
		const candidates = round.loaded
			.filter(index => isUpWorker(index) && excluded[index] === 0 && targets[index] === 0 && busy[index] === 0 && round.vmsOn(index).length > 0)
			.toSorted((a, b) => (round.utilisation(a) - round.utilisation(b)) || a - b);
		const onHosts = round.loaded.filter(index => isUpWorker(index) && requested[index]! > 0);
		let {mostFree, mostSpare} = roomBounds(round, onHosts);
		for (const index of candidates) {
			// A host that took VMs from another this round stays (CloudSim excludes its migration map's targets).
			if (targets[index] === 1) {
				continue;
			}

			const vms = round.vmsOn(index);
			// CloudSim: a host tried as underloaded takes no VMs for the rest of the round.
			round.exclude(index);
			if (!vms.every(vm => movable(vm))) {
				continue;
			}

			if (!mayFitElsewhere(vms, index, mostFree, mostSpare)) {
				continue;
			}

			const placedOn = round.emptyHost(index, vms);
			if (placedOn) {
				// Room only shrinks in a round, so bounds from before stay true, only looser: find them again
				// only when a host they name lost room (one pass over the hosts each time cost O(hosts) per host emptied).
				let stale = false;
				for (const target of placedOn) {
					targets[target] = 1;
					stale ||= isTop(mostFree, target) || isTop(mostSpare, target);
				}

				if (stale) {
					({mostFree, mostSpare} = roomBounds(round, onHosts));
				}
			}
		}

		// Empty hosts that take nothing this round are switched off, as CloudSim counts an idle host as off.
		let index = -1;
		for (const host of hosts) {
			index++;
			if (isUpWorker(index) && busy[index] === 0 && targets[index] === 0 && round.vmsOn(index).length === 0) {
				round.commands.push({type: 'powerOff', hostId: host.id});
			}
		}

		return {
			commands: round.commands, rejections: [], events: round.events, state: null,
		};
	},
};
