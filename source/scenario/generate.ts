/**
Generated datacenters for benchmarks and scale tests: any number of hosts and VMs of the default
scenario's four classes (streaming, web, LAMP, memory-heavy, in the paper's 10:13:8:4 mix).

Hosts are twice the Sandpiper testbed server (200 CPU units, 4096 MiB with 256 MiB reserved, 400 MB/s
disk, 10 Gbit/s NIC) so that five VMs fit on a host on average; VMs go round-robin to the next host
with room, so the placement is a pure function of the counts.
*/
import {numberedId} from './defaults.js';
import {
	generatedPools, maxRacks, rackAddresses, rackSubnet,
} from './generated-network.js';
import type {ScenarioInput} from './schema.js';

export type GenerateOptions = {
	hosts: number;
	vms: number;
	seed?: number;
};

const wave = [
	{
		kind: 'diurnal' as const, amplitude: 0.35, periodTicks: 3600, phase: 'per-vm' as const,
	},
	{kind: 'ar1' as const, phi: 0.8, sigma: 0.1},
];

const classes = {
	streaming: {
		memoryMiB: 256, workload: {
			base: {
				cpu: 10, memory: 200, disk: 4, network: 200,
			}, shapes: wave,
		},
	},
	web: {
		memoryMiB: 512, workload: {
			base: {
				cpu: 20, memory: 380, disk: 8, network: 90,
			}, shapes: wave,
		},
	},
	lamp: {
		memoryMiB: 768, vcpus: 2, workload: {
			base: {
				cpu: 25, memory: 600, disk: 20, network: 50,
			}, shapes: wave,
		},
	},
	'memory-heavy': {
		memoryMiB: 1024, vcpus: 2, workload: {
			base: {
				cpu: 15, memory: 900, disk: 10, network: 12,
			}, shapes: wave,
		},
	},
};

/** The paper's mix of 35, repeated: 10 streaming, 13 web, 8 LAMP, 4 memory-heavy. */
const mix: Array<keyof typeof classes> = [
	...Array.from({length: 10}, () => 'streaming' as const),
	...Array.from({length: 13}, () => 'web' as const),
	...Array.from({length: 8}, () => 'lamp' as const),
	...Array.from({length: 4}, () => 'memory-heavy' as const),
];

const hostMemoryMiB = 4096;
const reserveMiB = 256;
/** Racks of 500 hosts, or as many more as 256 racks need: a rack's /16 holds its hosts and all the VMs they can take. */
const minHostsPerRack = 500;
const maxVmsPerHost = Math.floor((hostMemoryMiB - reserveMiB) / Math.min(...Object.values(classes).map(vmClass => vmClass.memoryMiB)));
const maxHostsPerRack = Math.floor(rackAddresses / (1 + maxVmsPerHost));

export function generateScenario(options: GenerateOptions): ScenarioInput {
	const network = generatedPools(options.hosts);
	const hostsPerRack = Math.max(minHostsPerRack, Math.ceil(options.hosts / maxRacks));
	if (hostsPerRack > maxHostsPerRack) {
		throw new RangeError(`${options.hosts} hosts need racks of ${hostsPerRack}; a rack holds ${maxHostsPerRack} with their VMs`);
	}

	const free = Array.from({length: options.hosts}, () => hostMemoryMiB - reserveMiB);
	const vms: ScenarioInput['vms'] = [];
	let next = 0;
	for (let index = 0; index < options.vms; index++) {
		const vmClass = mix[index % mix.length]!;
		const {memoryMiB} = classes[vmClass];
		let tries = 0;
		while (free[next]! < memoryMiB && tries < options.hosts) {
			next = (next + 1) % options.hosts;
			tries++;
		}

		if (free[next]! < memoryMiB) {
			throw new RangeError(`${options.vms} VMs do not fit on ${options.hosts} hosts of ${hostMemoryMiB} MiB`);
		}

		free[next]! -= memoryMiB;
		vms.push({class: vmClass, host: numberedId('h', next, options.hosts)});
		next = (next + 1) % options.hosts;
	}

	return {
		version: 1,
		name: `generated-${options.hosts}x${options.vms}`,
		description: `A generated datacenter of ${options.hosts} hosts and ${options.vms} VMs in the Sandpiper paper's class mix.`,
		seed: options.seed ?? 1,
		hostDefaults: {
			capacity: {
				cpuUnits: 200, memoryMiB: hostMemoryMiB, hypervisorReserveMiB: reserveMiB, diskMBps: 400, networkMbps: 10_000,
			},
		},
		// All VMs here are bridged: the private ranges only need one block per host.
		racks: Array.from({length: Math.ceil(options.hosts / hostsPerRack)}, (_, index) => ({id: `r${index + 1}`, subnet: rackSubnet(index)})),
		network,
		hosts: Array.from({length: options.hosts}, (_, index) => ({rack: `r${Math.floor(index / hostsPerRack) + 1}`})),
		vmClasses: classes,
		vms,
	};
}
