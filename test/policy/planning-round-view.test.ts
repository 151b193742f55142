import {deepStrictEqual} from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import {takesVms} from '../../source/policy/round/host-state.js';
import {viewRound, type RateProjection, type ViewRound} from '../../source/policy/round/rate-load.js';
import type {Requests} from '../../source/policy/round/requests.js';
import type {RoundMark} from '../../source/policy/round/round-types.js';
import {
	capacityOf, observe, rateResources, type Rates, type VmView,
} from '../../source/policy/sandpiper/monitor.js';
import type {Command, SimEvent} from '../../source/sim/types.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

/** Four workers up of different sizes and h05 off (no VM is its candidate; a proposal onto it powers it on). */
const hostInputs = [
	{capacity: {cpuUnits: 100, memoryMiB: 16_384, networkMbps: 1000}},
	{capacity: {cpuUnits: 200, memoryMiB: 8192, networkMbps: 10_000}},
	{capacity: {cpuUnits: 150, memoryMiB: 16_384}},
	{capacity: {cpuUnits: 300, memoryMiB: 4096}},
	{capacity: {memoryMiB: 16_384}, state: 'off' as const},
];

type VmSpec = {memoryMiB: number; host: number; rates: Rates};
type Setup = {vms: VmSpec[]; inUnits: boolean; releasesSource: boolean; blocked: boolean[]; start: Rates[]};

/**
A projection of any bits (as the policies' own are: peaks, shares of capacities): each VM adds its own
rates, as shares of the host's capacity unless `inUnits`; a host starts at its own.
*/
function projection(setup: Setup, ids: readonly string[]): RateProjection {
	const rates = new Map(setup.vms.map((vm, index) => [ids[index]!, vm.rates]));
	return {
		inUnits: setup.inUnits,
		start: host => setup.start[Number(host.id.slice(1)) - 1]!,
		added(vm, host) {
			const own = rates.get(vm.id)!;
			if (setup.inUnits) {
				return own;
			}

			return {
				cpu: own.cpu / capacityOf(host.host, 'cpu'), network: own.network / capacityOf(host.host, 'network'), disk: own.disk / capacityOf(host.host, 'disk'),
			};
		},
	};
}

function roundFor(setup: Setup): {round: ViewRound; project: RateProjection} {
	const {world} = build(scenarioInput({
		hosts: hostInputs,
		vms: setup.vms.map(vm => ({host: `h0${(vm.host % 4) + 1}`, ...steadyClass(10, vm.memoryMiB)})),
	}));
	const view = observe(world, 'black-box', 'current');
	const requests: Requests = {
		world, commands: [], events: [], tracked: [],
	};
	const blocked = new Map(view.hosts.filter((_, index) => setup.blocked[index]).map(host => [host.id, 'blocked']));
	const project = projection(setup, world.vms.map(vm => vm.id));
	return {
		round: viewRound(view, requests, {
			projection: project, releasesSource: setup.releasesSource, budget: 20, blocked,
		}),
		project,
	};
}

/** The moves `commands` ask for, as a policy follows them. */
function trackedBy(round: ViewRound, commands: readonly Command[]) {
	const hostOf = new Map(round.vms.map(vm => [vm.id, vm.hostId]));
	return commands.flatMap(command => command.type === 'requestMigration' ? [{vmId: command.vmId, from: hostOf.get(command.vmId), to: command.destinationHostId}] : []);
}

/** Everything `undo` restores, copied (exclusions last the round: they are checked apart). */
function snapshot(round: ViewRound) {
	return {
		cpu: [...round.load.cpu],
		network: [...round.load.network],
		disk: [...round.load.disk],
		freeMiB: [...round.freeMiB],
		outgoing: [...round.outgoing],
		incoming: [...round.incoming],
		plannedHost: [...round.plannedHost],
		budget: round.budget,
		proposed: [...round.proposed],
		commands: structuredClone(round.commands),
		events: structuredClone(round.events),
		tracked: structuredClone(round.records.tracked),
	};
}

type Step = {op: 'propose'; vm: number; host: number; grow: boolean} | {op: 'reserveOut' | 'exclude'; host: number} | {op: 'mark'} | {op: 'undo'};

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({
			op: fc.constant('propose' as const), vm: fc.nat(), host: fc.nat(), grow: fc.boolean(),
		}),
	},
	{weight: 1, arbitrary: fc.record({op: fc.constantFrom('reserveOut' as const, 'exclude' as const), host: fc.nat()})},
	{weight: 2, arbitrary: fc.constant({op: 'mark' as const})},
	{weight: 2, arbitrary: fc.constant({op: 'undo' as const})},
);

const rateArbitrary = fc.record({
	cpu: fc.double({min: 0, max: 90, noNaN: true}), network: fc.double({min: 0, max: 900, noNaN: true}), disk: fc.double({min: 0, max: 50, noNaN: true}),
});

const setupArbitrary: fc.Arbitrary<Setup> = fc.record({
	vms: fc.array(fc.record({memoryMiB: fc.constantFrom(256, 512, 1024), host: fc.nat(), rates: rateArbitrary}), {minLength: 1, maxLength: 6}),
	inUnits: fc.boolean(),
	releasesSource: fc.boolean(),
	blocked: fc.array(fc.boolean(), {minLength: 5, maxLength: 5}),
	start: fc.array(rateArbitrary, {minLength: 5, maxLength: 5}),
});

/** The round as its proposals say it is, replayed with the same additions in the same order: every figure to the last bit. */
function expected(round: ViewRound, project: RateProjection, setup: Setup, steps: readonly Step[]) {
	const {hosts, vms, world} = round;
	const load = rateResources.map(resource => hosts.map(host => project.start(host)[resource]));
	const freeMiB = hosts.map(host => host.usableMiB - host.allocatedMiB);
	const outgoing = hosts.map(() => 0);
	const incoming = hosts.map(() => 0);
	const startHost = vms.map(vm => hosts.findIndex(host => host.id === vm.hostId));
	const plannedHost = [...startHost];
	const commands: Command[] = [];
	const events: SimEvent[] = [];
	let budget = 20;
	const added = (vm: VmView, index: number) => project.added(vm, hosts[index]!);
	for (const step of steps) {
		if (step.op === 'reserveOut') {
			outgoing[step.host]!++;
			budget--;
		} else if (step.op === 'propose') {
			const vm = vms[step.vm]!;
			const from = plannedHost[step.vm]!;
			const allocationMiB = step.grow ? vm.memoryMiB * 2 : vm.memoryMiB;
			for (const [at, resource] of rateResources.entries()) {
				load[at]![step.host]! += added(vm, step.host)[resource];
				load[at]![from]! -= setup.releasesSource ? added(vm, from)[resource] : 0;
			}

			freeMiB[step.host]! -= allocationMiB;
			freeMiB[from]! += setup.releasesSource ? vm.memoryMiB : 0;
			outgoing[startHost[step.vm]!]!++;
			incoming[step.host]!++;
			budget--;
			plannedHost[step.vm] = step.host;
			const host = world.hosts[step.host]!;
			if (host.state === 'off' && !commands.some(command => command.type === 'powerOn' && command.hostId === host.id)) {
				commands.push({type: 'powerOn', hostId: host.id});
			}

			events.push({
				tick: world.tick, type: 'migrationPlanned', vmId: vm.id, from: vm.hostId, to: hosts[step.host]!.id, vsr: vm.vsr, reason: 'test',
			});
			commands.push({
				type: 'requestMigration', vmId: vm.id, destinationHostId: hosts[step.host]!.id, mode: null, allocationMiB: step.grow ? allocationMiB : null, requestedBy: world.policy,
			});
		}
	}

	return {
		cpu: load[0], network: load[1], disk: load[2], freeMiB, outgoing, incoming, plannedHost, budget, commands, events,
	};
}

test('property (the view\'s rates): any proposals then undo(mark) restore every column, the requests and the budget exactly; the figures are the proposals\' to the last bit', t => {
	t.notThrows(() => {
		fc.assert(fc.property(setupArbitrary, fc.array(stepArbitrary, {maxLength: 30}), (setup, rawSteps) => {
			const {round, project} = roundFor(setup);
			const hostCount = round.hosts.length;
			const steps: Step[] = [];
			const excluded = new Set<number>();
			const marks: Array<{mark: RoundMark; saved: ReturnType<typeof snapshot>; steps: number}> = [{mark: round.mark(), saved: snapshot(round), steps: 0}];
			for (const raw of rawSteps) {
				if (raw.op === 'mark') {
					marks.push({mark: round.mark(), saved: snapshot(round), steps: steps.length});
					continue;
				}

				if (raw.op === 'undo') {
					const last = marks.length > 1 ? marks.pop()! : marks[0]!;
					round.undo(last.mark);
					steps.length = last.steps;
					deepStrictEqual(snapshot(round), last.saved);
					continue;
				}

				const step = raw.op === 'propose' ? {...raw, vm: raw.vm % round.vms.length, host: raw.host % hostCount} : {...raw, host: raw.host % hostCount};
				if (step.op === 'propose') {
					const vm = round.vms[step.vm]!;
					round.propose(step.vm, step.host, 'test', step.grow ? vm.memoryMiB * 2 : vm.memoryMiB);
				} else if (step.op === 'reserveOut') {
					round.reserveOut(step.host);
				} else {
					round.exclude(step.host);
					excluded.add(step.host);
				}

				steps.push(step);
				const {commands, events, ...figures} = expected(round, project, setup, steps);
				const {
					cpu, network, disk, freeMiB, outgoing, incoming, plannedHost, budget,
				} = snapshot(round);
				deepStrictEqual({
					cpu, network, disk, freeMiB, outgoing, incoming, plannedHost, budget,
				}, figures);
				deepStrictEqual(round.commands, commands);
				deepStrictEqual(round.events, events);
				deepStrictEqual(round.records.tracked, trackedBy(round, commands));
				// Eligibility in one place: an up worker, not blocked, not excluded, not the source.
				for (let source = -1; source < hostCount; source++) {
					const hosts = round.hosts.map((_, index) => index).filter(index => index !== source && takesVms(round.hosts[index]!.host) && !setup.blocked[index] && !excluded.has(index));
					deepStrictEqual(round.candidates(source), hosts);
				}
			}

			for (const {mark, saved} of marks.toReversed()) {
				round.undo(mark);
				deepStrictEqual(snapshot(round), saved);
			}
		}), {seed: 7, numRuns: 200});
	});
});
