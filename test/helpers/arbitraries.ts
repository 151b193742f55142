/**
Fast-check arbitraries: random datacenters (as scenario inputs that always validate) and random
command sequences over them.
*/
import fc from 'fast-check';
import type {ScenarioInput} from '../../source/scenario/schema.js';
import type {Command} from '../../source/sim/types.js';

const shapeArbitrary = fc.oneof(
	fc.record({
		kind: fc.constant('diurnal' as const), amplitude: fc.double({min: 0, max: 1, noNaN: true}), periodTicks: fc.integer({min: 2, max: 200}), phase: fc.oneof(fc.double({min: 0, max: 1, noNaN: true}), fc.constant('per-vm' as const)),
	}),
	fc.record({kind: fc.constant('ar1' as const), phi: fc.double({min: 0, max: 0.95, noNaN: true}), sigma: fc.double({min: 0, max: 0.5, noNaN: true})}),
	fc.record({
		kind: fc.constant('bursts' as const), meanOnTicks: fc.integer({min: 1, max: 20}), meanOffTicks: fc.integer({min: 1, max: 20}), factor: fc.double({min: 0, max: 4, noNaN: true}),
	}),
	fc.record({
		kind: fc.constant('flashCrowd' as const), startTick: fc.integer({min: 0, max: 30}), durationTicks: fc.integer({min: 1, max: 30}), factor: fc.double({min: 0, max: 4, noNaN: true}), rampTicks: fc.integer({min: 0, max: 5}),
	}),
	fc.record({
		kind: fc.constant('replay' as const), values: fc.array(fc.double({min: 0, max: 2, noNaN: true}), {minLength: 1, maxLength: 10}), sampleTicks: fc.integer({min: 1, max: 5}), loop: fc.boolean(),
	}),
);

const vmSpecArbitrary = fc.record({
	memoryMiB: fc.constantFrom(128, 256, 512, 768, 1024),
	cpu: fc.double({min: 0, max: 80, noNaN: true}),
	memoryShare: fc.double({min: 0.2, max: 1.3, noNaN: true}),
	disk: fc.double({min: 0, max: 150, noNaN: true}),
	network: fc.double({min: 0, max: 900, noNaN: true}),
	shapes: fc.array(shapeArbitrary, {maxLength: 3}),
	host: fc.nat(),
	networkMode: fc.constantFrom('bridged' as const, 'nat' as const, 'host-only' as const, 'custom' as const),
	lab: fc.boolean(),
});

/** A datacenter of 1 to 6 hosts and up to 14 VMs, each VM placed on a host with room for it. */
export const datacenterArbitrary = fc.record({
	hostCount: fc.integer({min: 1, max: 6}),
	vms: fc.array(vmSpecArbitrary, {maxLength: 14}),
	seed: fc.nat({max: 1_000_000}),
}).map(({hostCount, vms, seed}): ScenarioInput => {
	const usable = 2048 - 256;
	const free = Array.from({length: hostCount}, () => usable);
	const placed: ScenarioInput['vms'] = [];
	for (const vm of vms) {
		const start = vm.host % hostCount;
		const index = Array.from({length: hostCount}, (_, offset) => (start + offset) % hostCount).find(candidate => free[candidate]! >= vm.memoryMiB);
		if (index === undefined) {
			continue;
		}

		free[index]! -= vm.memoryMiB;
		placed.push({
			host: `h${String(index + 1).padStart(2, '0')}`,
			memoryMiB: vm.memoryMiB,
			networkMode: vm.networkMode,
			...(vm.networkMode === 'custom' ? {customNetwork: 'lab'} : {}),
			...(vm.networkMode === 'nat' ? {forwards: [{hostPort: 8000 + placed.length, vmPort: 80}]} : {}),
			...(vm.lab && vm.networkMode !== 'custom' ? {attach: ['lab']} : {}),
			workload: {
				base: {
					cpu: vm.cpu, memory: vm.memoryMiB * vm.memoryShare, disk: vm.disk, network: vm.network,
				}, shapes: vm.shapes,
			},
		});
	}

	return {
		version: 1,
		name: 'random',
		seed,
		// Two racks, so moves may cross subnets; a custom network some VMs join.
		racks: [{id: 'r1', subnet: '10.1.0.0/24'}, {id: 'r2', subnet: '10.2.0.0/24'}],
		network: {networks: [{id: 'lab', subnet: '10.50.0.0/24'}]},
		hosts: Array.from({length: hostCount}, (_, index) => ({rack: index % 2 === 0 ? 'r1' : 'r2'})),
		vms: placed,
	};
});

/** Commands naming hosts and VMs by index, some of them out of range on purpose. */
export function commandArbitrary(hostCount: number, vmCount: number): fc.Arbitrary<Command> {
	const hostId = fc.integer({min: 0, max: hostCount + 1}).map(index => `h${String(index + 1).padStart(2, '0')}`);
	const vmId = fc.integer({min: 0, max: vmCount + 1}).map(index => `vm${String(index + 1).padStart(2, '0')}`);
	const resource = fc.constantFrom('cpu' as const, 'memory' as const, 'disk' as const, 'network' as const);
	const target = fc.oneof(vmId.map(id => ({kind: 'vm' as const, vmId: id})), hostId.map(id => ({kind: 'host' as const, hostId: id})));
	return fc.oneof(
		fc.record({
			type: fc.constant('injectLoad' as const), target, resource, amount: fc.double({min: 0.1, max: 500, noNaN: true}), durationTicks: fc.option(fc.integer({min: 1, max: 20}), {nil: null}),
		}),
		fc.record({type: fc.constant('clearLoad' as const), target}),
		fc.record({
			type: fc.constant('requestMigration' as const), vmId, destinationHostId: hostId, mode: fc.constantFrom(null, 'stop-and-copy' as const, 'precopy' as const, 'postcopy' as const),
		}),
		fc.record({type: fc.constant('setLinkBandwidth' as const), hostId, networkMbps: fc.constantFrom(10, 100, 1000, 10_000)}),
		fc.record({type: fc.constant('setNetworkMode' as const), vmId, mode: fc.constantFrom('bridged' as const, 'nat' as const, 'host-only' as const, 'custom' as const)}),
		fc.record({
			type: fc.constant('addPortForward' as const), vmId, hostPort: fc.constantFrom(8000, 8001, 8080), vmPort: fc.constantFrom(22, 80),
		}),
		fc.record({type: fc.constant('removePortForward' as const), hostId, hostPort: fc.constantFrom(8000, 8001, 8080)}),
		fc.record({type: fc.constant('attachNetwork' as const), vmId, network: fc.constantFrom('lab', 'nowhere')}),
		fc.record({type: fc.constant('detachNetwork' as const), vmId, network: fc.constantFrom('lab', 'nowhere')}),
		fc.record({type: fc.constant('failHost' as const), hostId}),
		fc.record({type: fc.constant('recoverHost' as const), hostId}),
		fc.record({type: fc.constant('setPolicy' as const), policy: fc.constantFrom('none', 'sandpiper', 'sandpiper-gray', 'threshold', 'bogus')}),
	);
}

/** A datacenter and, for each of its first ticks, a list of commands. */
export const runArbitrary = datacenterArbitrary.chain(input => fc.record({
	input: fc.constant(input),
	commands: fc.array(fc.array(commandArbitrary(input.hosts.length, input.vms.length), {maxLength: 3}), {minLength: 1, maxLength: 40}),
}));
