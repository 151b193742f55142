import {deepStrictEqual} from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import {bb12Round, type Bb12Round} from '../../source/policy/round/cpu-sums.js';
import type {RoundMark} from '../../source/policy/round/round-types.js';
import type {Command, Host, World} from '../../source/sim/types.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

/** Four hosts up (CPU 100, 200, 150, 100) and h05 off, 16 GiB each; a VM asks `cpu` units now. */
const hostInputs = [
	{capacity: {cpuUnits: 100, memoryMiB: 16_384}},
	{capacity: {cpuUnits: 200, memoryMiB: 16_384}},
	{capacity: {cpuUnits: 150, memoryMiB: 16_384}},
	{capacity: {cpuUnits: 100, memoryMiB: 16_384}},
	{capacity: {memoryMiB: 16_384}, state: 'off' as const},
];

type VmSpec = {memoryMiB: number; cpu: number; host: number; arrival: number};

function worldWith(vms: readonly VmSpec[]): World {
	const {world} = build(scenarioInput({
		hosts: hostInputs,
		vms: vms.map(vm => ({host: `h0${(vm.host % 4) + 1}`, ...steadyClass(100, vm.memoryMiB)})),
	}));
	for (const [index, vm] of world.vms.entries()) {
		vm.usage = {...vm.usage, demand: {...vm.usage.demand, cpu: vms[index]!.cpu}};
	}

	return world;
}

/** A VM gets at most half its host's CPU (a core of two). */
const coreUnits = (host: Host) => host.capacity.cpuUnits / 2;

/** Everything `undo` must restore, copied: every column of the round and of the model, each VM's host, the lists, the requests. */
function snapshot(round: Bb12Round) {
	return {
		requested: [...round.load.requested],
		requestedAtStart: [...round.load.requestedAtStart],
		allocated: [...round.load.allocated],
		allocatedAtStart: [...round.load.allocatedAtStart],
		freeMiB: [...round.freeMiB],
		outgoing: [...round.outgoing],
		incoming: [...round.incoming],
		plannedHost: [...round.plannedHost],
		poweredOn: [...round.poweredOn],
		budget: round.budget,
		proposed: [...round.proposed],
		commands: structuredClone(round.commands),
		events: structuredClone(round.events),
		plannedOn: round.hosts.map((_, index) => round.load.plannedOn(index).map(vm => vm.id)),
	};
}

type Step = {op: 'propose' | 'tryOn'; vm: number; host: number} | {op: 'detach'; vm: number} | {op: 'mark'} | {op: 'undo'};

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{weight: 4, arbitrary: fc.record({op: fc.constantFrom('propose' as const, 'tryOn' as const), vm: fc.nat(), host: fc.nat()})},
	{weight: 2, arbitrary: fc.record({op: fc.constant('detach' as const), vm: fc.nat()})},
	{weight: 2, arbitrary: fc.constant({op: 'mark' as const})},
	{weight: 2, arbitrary: fc.constant({op: 'undo' as const})},
);

const vmArbitrary = fc.record({
	memoryMiB: fc.constantFrom(256, 512, 768, 1024),
	// Demands of any bits (a share of a host, a few units over a core) so that taking one away and adding it back is not exact.
	cpu: fc.oneof(fc.double({min: 0, max: 150, noNaN: true}), fc.constantFrom(0.1, 0.2, 0.7, 33.3)),
	host: fc.nat(),
	arrival: fc.nat({max: 5}),
});

type Move = {vm: number; to: number; proposed: boolean};

/** The round as a list of moves says it is: each VM's host, the order of each host's VMs, the commands, the migrations counted and the hosts' sums. */
function expected(world: World, vms: readonly VmSpec[], withArrival: boolean, moves: readonly Move[]) {
	const plannedHost = vms.map(vm => vm.host % 4);
	const outgoing = world.hosts.map(() => 0);
	const incoming = world.hosts.map(() => 0);
	for (const move of moves) {
		plannedHost[move.vm] = move.to;
		if (move.proposed) {
			outgoing[vms[move.vm]!.host % 4]!++;
			incoming[move.to]!++;
		}
	}

	const order = (a: number, b: number) => (withArrival ? vms[a]!.arrival - vms[b]!.arrival : 0) || a - b;
	const plannedOn = world.hosts.map((_, host) => {
		const residents = vms.map((_, vm) => vm).filter(vm => vms[vm]!.host % 4 === host).toSorted(order);
		const arrivals = moves.filter(move => move.to === host && !residents.includes(move.vm)).map(move => move.vm);
		return [...new Set([...residents, ...arrivals])].filter(vm => plannedHost[vm] === host).map(vm => world.vms[vm]!.id);
	});
	const commands: Command[] = [];
	for (const move of moves.filter(move => move.proposed)) {
		const host = world.hosts[move.to]!;
		if (host.state === 'off' && !commands.some(command => command.type === 'powerOn' && command.hostId === host.id)) {
			commands.push({type: 'powerOn', hostId: host.id});
		}

		commands.push({
			type: 'requestMigration', vmId: world.vms[move.vm]!.id, destinationHostId: host.id, mode: null, allocationMiB: null, requestedBy: world.policy,
		});
	}

	const sum = (host: number, value: (vm: number) => number) => vms.reduce((total, _, vm) => total + (plannedHost[vm] === host ? value(vm) : 0), 0);
	return {
		plannedHost,
		plannedOn,
		commands,
		outgoing,
		incoming,
		poweredOn: world.hosts.map(host => commands.some(command => command.type === 'powerOn' && command.hostId === host.id) ? 1 : 0),
		freeMiB: world.hosts.map((host, index) => host.capacity.memoryMiB - host.capacity.hypervisorReserveMiB - sum(index, vm => vms[vm]!.memoryMiB)),
		requested: world.hosts.map((_, index) => sum(index, vm => vms[vm]!.cpu)),
		allocated: world.hosts.map((host, index) => sum(index, vm => Math.min(vms[vm]!.cpu, coreUnits(host)))),
	};
}

function checkAgainst(round: Bb12Round, model: ReturnType<typeof expected>): void {
	deepStrictEqual([...round.plannedHost], model.plannedHost);
	deepStrictEqual(round.hosts.map((_, index) => round.load.plannedOn(index).map(vm => vm.id)), model.plannedOn);
	deepStrictEqual(round.commands, model.commands);
	const planned = model.commands.flatMap(command => command.type === 'requestMigration' ? [`${command.vmId}>${command.destinationHostId}`] : []);
	deepStrictEqual(round.events.map(event => event.type === 'migrationPlanned' && `${event.vmId}>${event.to}`), planned);
	deepStrictEqual([...round.poweredOn], model.poweredOn);
	deepStrictEqual([...round.outgoing], model.outgoing);
	deepStrictEqual([...round.incoming], model.incoming);
	// Memory in whole MiB sums exactly; CPU to the rounding of the order the round added it in.
	deepStrictEqual([...round.freeMiB], model.freeMiB);
	for (const [index, requested] of model.requested.entries()) {
		if (Math.abs(round.load.requested[index]! - requested) > 1e-9 || Math.abs(round.load.allocated[index]! - model.allocated[index]!) > 1e-9) {
			throw new Error(`host ${index}: requested ${round.load.requested[index]} (model ${requested}), allocated ${round.load.allocated[index]} (model ${model.allocated[index]})`);
		}
	}
}

test('property (BB12\'s CPU sums): any moves then undo(mark) restore every column, the lists, the commands, the events and poweredOn exactly, marks nested or not', t => {
	t.notThrows(() => {
		fc.assert(fc.property(
			fc.array(vmArbitrary, {minLength: 1, maxLength: 6}),
			fc.boolean(),
			fc.array(stepArbitrary, {maxLength: 40}),
			(vms, withArrival, steps) => {
				const world = worldWith(vms);
				const round = bb12Round(world, {coreUnits, arrival: withArrival ? vms.map(vm => vm.arrival) : undefined});
				const moves: Move[] = [];
				// The round's opening is a mark too: everything undone, it must be the round as built.
				const marks: Array<{mark: RoundMark; saved: ReturnType<typeof snapshot>; moves: number}> = [{mark: round.mark(), saved: snapshot(round), moves: 0}];
				checkAgainst(round, expected(world, vms, withArrival, moves));
				for (const step of steps) {
					if (step.op === 'mark') {
						marks.push({mark: round.mark(), saved: snapshot(round), moves: moves.length});
					} else if (step.op === 'undo') {
						const last = marks.length > 1 ? marks.pop()! : marks[0]!;
						round.undo(last.mark);
						moves.length = last.moves;
						deepStrictEqual(snapshot(round), last.saved);
					} else {
						const vm = step.vm % vms.length;
						if (step.op === 'detach') {
							round.detach(vm);
							moves.push({vm, to: -1, proposed: false});
						} else {
							const to = step.host % world.hosts.length;
							if (step.op === 'propose') {
								round.propose(vm, to, 'test');
							} else {
								round.tryOn(vm, to);
							}

							moves.push({vm, to, proposed: step.op === 'propose'});
						}
					}

					checkAgainst(round, expected(world, vms, withArrival, moves));
				}

				for (const {mark, saved} of marks.toReversed()) {
					round.undo(mark);
					deepStrictEqual(snapshot(round), saved);
				}
			},
		), {seed: 31, numRuns: 300});
	});
});

test('plannedOn: the VMs of the start still there in their host\'s order (arrival, else position), then those planned in', t => {
	// Vm01 to vm03 on h01, arriving third, first and second; vm04 and vm05 on h02.
	const vms = [[0, 2], [0, 0], [0, 1], [1, 3], [1, 4]].map(([host, arrival]) => ({
		memoryMiB: 512, cpu: 10, host: host!, arrival: arrival!,
	}));
	const ids = (round: Bb12Round, index: number) => round.load.plannedOn(index).map(vm => vm.id);
	const world = worldWith(vms);
	t.deepEqual(ids(bb12Round(world), 0), ['vm01', 'vm02', 'vm03']);
	const round = bb12Round(world, {arrival: vms.map(vm => vm.arrival)});
	t.deepEqual(round.load.vmsOn(0).map(vm => vm.id), ['vm02', 'vm03', 'vm01']);
	round.propose(4, 0, 'in');
	round.tryOn(3, 0);
	t.deepEqual(ids(round, 0), ['vm02', 'vm03', 'vm01', 'vm05', 'vm04']);
	round.detach(2);
	t.deepEqual(ids(round, 0), ['vm02', 'vm01', 'vm05', 'vm04']);
	t.deepEqual(ids(round, 1), []);
	// The host's VMs at the start stay where its order puts them, even when one comes back.
	round.propose(2, 0, 'back');
	t.deepEqual(ids(round, 0), ['vm02', 'vm03', 'vm01', 'vm05', 'vm04']);
	// Vm05 leaves and comes back: listed where it was first planned in.
	round.tryOn(4, 1);
	t.deepEqual(ids(round, 0), ['vm02', 'vm03', 'vm01', 'vm04']);
	round.tryOn(4, 0);
	t.deepEqual(ids(round, 0), ['vm02', 'vm03', 'vm01', 'vm05', 'vm04']);
	// A move taken back leaves no trace in the order: vm04 tried on h03 and undone, then vm05 and vm04 planned in.
	const mark = round.mark();
	round.tryOn(3, 2);
	round.undo(mark);
	round.propose(4, 2, 'in');
	round.propose(3, 2, 'in');
	t.deepEqual(ids(round, 2), ['vm05', 'vm04']);
	t.is(round.load.plannedCount(2), 2);
	t.is(round.load.residentCount(2), 0);
});

test('undo takes back a host powered on for a move, with its command, but not one powered on before the mark', t => {
	const world = worldWith([{
		memoryMiB: 512, cpu: 10, host: 0, arrival: 0,
	}, {
		memoryMiB: 512, cpu: 20, host: 1, arrival: 0,
	}]);
	const round = bb12Round(world);
	const mark = round.mark();
	round.propose(0, 4, 'wake');
	round.propose(1, 4, 'join');
	t.deepEqual(round.commands.map(command => command.type), ['powerOn', 'requestMigration', 'requestMigration']);
	t.is(round.poweredOn[4], 1);
	// H05 was empty: 10 + 20.
	t.is(round.load.requested[4], 30);
	const inner = round.mark();
	round.detach(1);
	round.propose(1, 4, 'again');
	round.undo(inner);
	t.is(round.poweredOn[4], 1);
	t.is(round.commands.length, 3);
	t.is(round.plannedHost[1], 4);
	round.undo(mark);
	t.is(round.poweredOn[4], 0);
	t.deepEqual(round.commands, []);
	t.deepEqual(round.events, []);
	t.deepEqual([...round.plannedHost], [0, 1]);
	t.deepEqual([...round.load.requested], [10, 20, 0, 0, 0]);
});
