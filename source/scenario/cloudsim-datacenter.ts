/**
CloudSim's power-aware benchmark datacenter (Beloglazov and Buyya, CCPE 2012; models.md 5.1) for a
set of PlanetLab traces: hosts alternate HP ProLiant ML110 G4 (2 x 1860 MIPS) and G5 (2 x 2660 MIPS),
4 GB each, 1 Gbit/s, with their SPECpower tables; VMs are CloudSim's four types in contiguous blocks
(2500, 2000, 1000, 500 MIPS with 870, 1740, 1740, 613 MB), each replaying one trace file (files are
reused in order when there are more VMs than files). CPU is counted in MIPS here (a host's CPU units
are its MIPS). The initial placement is CloudSim's power-aware best fit: each VM, in order, to the host
whose power rises least and that stays at or under 80 % of its MIPS, with the RAM for it.

The result is a whole, checked scenario: the schema's defaults (./scenario-defaults.ts) and CloudSim's
values, built without zod (a parity run never loads it). Its ids are valid by construction and its
traces were checked as they were read (./traces.ts); the tests check that the schema would change nothing.
*/
import {cloudsimDefaultPolicy} from '../policy/registry.js';
import {CreationPlacement} from './creation-placement.js';
import {specpowerTables} from './defaults.js';
import {generatedPools, maxGeneratedHosts} from './generated-network.js';
import {
	hostEntryDefaults, managerDefaults, metricsDefaults, migrationDefaults, monitoringDefaults, networkDefaults, powerDefaults, topLevelDefaults, vmEntryDefaults,
} from './scenario-defaults.js';
import type {Scenario} from './schema.js';
import type {Trace} from './traces.js';

const hostTypes = [
	{mips: 2 * 1860, specpower: 'hp-ml110-g4' as const},
	{mips: 2 * 2660, specpower: 'hp-ml110-g5' as const},
];

const vmTypes = [
	{mips: 2500, ramMiB: 870},
	{mips: 2000, ramMiB: 1740},
	{mips: 1000, ramMiB: 1740},
	{mips: 500, ramMiB: 613},
];

const hostRamMiB = 4096;

/**
CloudSim's PlanetLab VMs request no RAM once placed (their RAM utilisation model is
UtilizationModelNull), so after the initial placement memory never limits a migration there. Parity
needs the same: hosts get this much memory, far more than their VMs' RAM, while the initial placement
still packs by the 4 GB.
*/
const parityMemoryMiB = 16 * hostRamMiB;

/** A host's RAM holds at most this many VMs (of the smallest type) in the initial placement. */
const maxVmsPerHost = Math.floor(hostRamMiB / Math.min(...vmTypes.map(type => type.ramMiB)));

export {maxGeneratedHosts} from './generated-network.js';

/** More VMs than the most hosts can hold; checked first, as placing them would take long only to fail. */
export const maxGeneratedVms = maxGeneratedHosts * maxVmsPerHost;

export type CloudsimDatacenterOptions = {
	traces: readonly Trace[];
	hosts: number;
	/** VMs (default: one per trace file); files are reused in order beyond their count. */
	vms?: number;
	/** 300 s matches CloudSim's scheduling interval; shorter ticks interpolate between samples. */
	tickSeconds?: number;
	name?: string;
	policy?: string;
};

export class PlacementError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PlacementError';
	}
}

export function cloudsimScenario(options: CloudsimDatacenterOptions): Scenario {
	const tickSeconds = options.tickSeconds ?? 300;
	// The schema's bounds for tickSeconds; no flag sets it, so a bad one is the caller's mistake.
	if (!(tickSeconds >= 1 && tickSeconds <= 300)) {
		throw new RangeError(`a generated datacenter's tick is from 1 to 300 seconds, not ${tickSeconds}`);
	}

	const vmCount = options.vms ?? options.traces.length;
	if (!Number.isInteger(options.hosts) || options.hosts < 1 || options.hosts > maxGeneratedHosts) {
		throw new PlacementError(`a generated datacenter has from 1 to ${maxGeneratedHosts} hosts, not ${options.hosts}`);
	}

	if (!Number.isInteger(vmCount) || vmCount < 1 || vmCount > maxGeneratedVms) {
		throw new PlacementError(`a generated datacenter has from 1 to ${maxGeneratedVms} VMs, not ${vmCount}`);
	}

	const blockSize = Math.ceil(vmCount / vmTypes.length);
	const hosts = Array.from({length: options.hosts}, (_, index) => hostTypes[index % hostTypes.length]!);
	const placement = new CreationPlacement(
		hostTypes.map(type => ({mips: type.mips, ramMiB: hostRamMiB, table: specpowerTables.get(type.specpower)!})),
		hosts.map((_, index) => index % hostTypes.length),
	);
	const vms: Scenario['vms'] = [];
	for (let index = 0; index < vmCount; index++) {
		const trace = options.traces[index % options.traces.length]!;
		const type = vmTypes[Math.floor(index / blockSize)]!;
		// Being created, a VM asks its full MIPS (CloudSim's `isBeingInstantiated`), and each host's power
		// before is taken at 0 % (no update has run): a host with VMs is dearer than an empty one, so the
		// VMs spread over every host before any takes a second.
		const best = placement.place(type.mips, type.ramMiB);
		if (best < 0) {
			throw new PlacementError(`${vmCount} VMs do not fit on ${options.hosts} hosts (VM ${index + 1} found no host with ${type.ramMiB} MB and the MIPS for it)`);
		}

		vms.push({
			id: `vm${String(index + 1).padStart(String(vmCount).length, '0')}`,
			host: `h${String(best + 1).padStart(Math.max(2, String(options.hosts).length), '0')}`,
			memoryMiB: type.ramMiB,
			attach: [...vmEntryDefaults.attach],
			forwards: [...vmEntryDefaults.forwards],
			workload: {
				base: {
					cpu: type.mips, memory: type.ramMiB / 2, disk: 0, network: 0,
				},
				// A copy: a run that edits one VM's series leaves the trace, and the VMs that share it, alone.
				shapes: [{
					kind: 'replay', values: [...trace.values], sampleTicks: Math.max(1, 300 / tickSeconds), loop: false, resources: ['cpu'],
				}],
			},
		});
	}

	return {
		version: 1,
		name: options.name ?? `planetlab-${options.hosts}x${vmCount}`,
		description: `CloudSim's PlanetLab benchmark datacenter: ${options.hosts} HP ML110 G4/G5 hosts and ${vmCount} VMs of its four types replaying ${options.traces.length} trace files.`,
		seed: topLevelDefaults.seed,
		tickSeconds,
		policy: options.policy ?? cloudsimDefaultPolicy,
		semantics: 'cloudsim',
		// Spreads keep the defaults' key order, the schema's, with CloudSim's values in their places.
		monitoring: {
			...monitoringDefaults, intervalTicks: 1, thresholds: {...monitoringDefaults.thresholds}, historyIntervals: 60,
		},
		metrics: {...metricsDefaults},
		overhead: {baseCpuUnits: 0, cpuUnitsPer100Mbps: 0, migrationCpuUnits: 0},
		migration: {...migrationDefaults, defaultMode: 'cloudsim', vmCpuPenalty: 0.1},
		swapMBpsPerMiB: topLevelDefaults.swapMBpsPerMiB,
		// One flat network, a /8 that holds every host and VM up to the limits: CloudSim has no network, so no
		// move may change an address (across racks a bridged VM's would, and a datacenter of 50,000 hosts in
		// racks of /16s spent most of its run re-addressing).
		racks: [{id: 'r1', subnet: '10.0.0.0/8'}],
		network: {...networkDefaults, ...generatedPools(options.hosts), networks: [...networkDefaults.networks]},
		hostDefaults: {capacity: {}, hypervisor: {}, power: {}},
		power: {...powerDefaults, bootSeconds: 0},
		manager: {
			...managerDefaults, profileWindow: 12, timeSeriesWindow: 12, cooldownSeconds: 0,
		},
		// Spelled out: the defaults' role and state sit either side of the fields CloudSim sets.
		hosts: hosts.map(host => ({
			role: hostEntryDefaults.role,
			rack: 'r1',
			capacity: {
				cpuUnits: host.mips, memoryMiB: parityMemoryMiB, hypervisorReserveMiB: 0, diskMBps: 100, networkMbps: 1000,
			},
			hypervisor: {},
			power: {specpower: host.specpower},
			state: hostEntryDefaults.state,
		})),
		vmClasses: {},
		vms,
		timeline: [],
	};
}
