/**
The scenario file format, version 1, as a zod schema. Defaults keep a scenario short: a host needs no
field at all, a VM only its host and a class; a rack, host or VM entry with `count` stands for that
many copies (./templates.ts). `docs/scenario.schema.json` is generated from this
schema (`npm run schema`) so editors can complete and check scenario files.
*/
import * as z from 'zod';
import {commandSchema} from './command-schema.js';
import {
	adaptiveRateDefaults, customNetworkDefaults, defaultRacks, hostEntryDefaults, managerDefaults, metricsDefaults, migrationDefaults,
	monitoringDefaults, networkDefaults, overheadDefaults, poolPrefixDefault, powerDefaults, topLevelDefaults, vmClassDefaults, vmEntryDefaults,
} from './scenario-defaults.js';
import {
	between, fraction, hypervisorFamilySchema, id, lineOfText, mac, maxCopies, maxFactor, migrationModeSchema,
	networkModeSchema, nonNegative, nonNegativeInt, port, positive, positiveInt, subnet, techniqueSchema,
} from './schema-values.js';
import {workloadOverrideSchema, workloadSchema} from './shape-schema.js';

export {commandSchema} from './command-schema.js';
export {shapeSchema} from './shape-schema.js';
export {
	hypervisorFamilySchema, migrationModeSchema, networkModeSchema, resourceSchema, techniqueSchema,
} from './schema-values.js';

const capacitySchema = z.object({
	cpuUnits: positive(),
	memoryMiB: positive(),
	hypervisorReserveMiB: nonNegative(),
	diskMBps: positive(),
	networkMbps: positive(),
	migrationNetworkMbps: positive().describe('A NIC of its own for migrations (per direction); without it, migrations share the VMs\' NIC.'),
}).strict();

const powerSchema = z.object({
	peakWatts: positive().describe('Draw at 100 % CPU (models.md 4: 250 W).'),
	idleShare: between(0, 1, 'a share').describe('Idle draw as a share of peak (default 0.6).'),
	specpower: z.union([
		z.enum(['hp-ml110-g4', 'hp-ml110-g5'], {error: 'expected hp-ml110-g4, hp-ml110-g5 or 11 numbers'}),
		z.array(nonNegative()).length(11, {error: 'expected 11 values: watts at 0, 10, ..., 100 % load'}),
	]).nullable().describe('A SPECpower table instead of the linear model: a named one (CloudSim\'s) or 11 values.'),
}).strict();

const guestSchema = z.object({
	name: lineOfText('a guest name', 64),
	modifiable: z.boolean().describe('Whether its kernel can be changed for para-virtualisation (a closed commercial OS cannot).'),
}).strict();

const hypervisorSchema = z.object({
	family: hypervisorFamilySchema,
	type: z.union([z.literal(1), z.literal(2)], {error: 'expected hypervisor type 1 or 2'}).optional().describe('Derived from the family when omitted.'),
	technique: techniqueSchema.describe('The technique its VMs use unless they name one.'),
}).strict();

const prefixError = {error: 'expected a prefix from 8 to 30'};
const pool = z.object({
	subnet,
	prefix: z.int(prefixError).min(8, prefixError).max(30, prefixError).default(poolPrefixDefault).describe('Size of each host\'s range inside the pool.'),
	growInto: z.array(subnet).max(8, {error: 'expected at most 8 subnets'}).optional()
		.describe('Where the ranges go on, in order, once subnet is full (default: 100.96.0.0/11 for NAT, 100.64.0.0/11 for host-only, RFC 6598 space; [] never grows).'),
}).strict();

const migrationLimitsSchema = z.object({
	out: nonNegativeInt('a whole number >= 0', 64),
	in: nonNegativeInt('a whole number >= 0', 64),
}).strict();

/** What makes an entry a template: `count` copies with generated ids. */
const copies = (what: keyof typeof maxCopies) => ({
	count: positiveInt('a positive whole number', maxCopies[what]).optional()
		.describe(`Copies of this entry (at most ${maxCopies[what]} ${what} in all); without id or idPrefix they are numbered by position.`),
	idPrefix: z.string({error: 'expected an id prefix'}).regex(/^[\w.\-]{1,26}$/v, {error: 'expected an id prefix of letters, digits, -, _ or . (at most 26)'}).optional()
		.describe('With count: copies get this prefix and their number within the entry (web-01, web-02, ...).'),
});

const networkFunctionSchema = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('router')}).strict(),
	z.object({
		kind: z.literal('firewall'),
		rules: z.array(z.object({
			from: lineOfText('a rule source', 64).describe('any, external, a host or VM id, or a custom network id'),
			to: lineOfText('a rule destination', 64).describe('a VM or host id, or self'),
			port: port.nullable().default(null).describe('null: every port'),
		}).strict()).default([]).describe('Allowed flows; everything else is dropped.'),
	}).strict(),
	z.object({kind: z.literal('load-balancer'), port, backends: z.array(id).min(1)}).strict(),
], {error: 'expected a function with kind router, firewall or load-balancer'});

export const scenarioSchema = z.object({
	$schema: lineOfText('a schema URL', 2000).optional(),
	version: z.literal(1, {error: 'expected version 1'}),
	name: lineOfText('a name', 100),
	// Line breaks and tabs may lay out a description; other control characters could drive the terminal.
	description: z.string({error: 'expected a description'})
		.max(2000, {error: 'expected a description of at most 2000 characters'})
		.regex(/^[\P{Cc}\n\t]*$/v, {error: 'expected a description without control characters'})
		.default(topLevelDefaults.description),
	seed: nonNegativeInt('a whole number >= 0', Number.MAX_SAFE_INTEGER).default(topLevelDefaults.seed),
	tickSeconds: between(1, 300, 'tickSeconds').default(topLevelDefaults.tickSeconds),
	policy: lineOfText('a policy name', 64).default(topLevelDefaults.policy),
	semantics: z.enum(['native', 'cloudsim']).default(topLevelDefaults.semantics)
		.describe('How the datacenter is accounted: this project\'s model, or CloudSim\'s (parity: its energy, SLA and VM lifetimes; models.md 5.6).'),
	monitoring: z.object({
		intervalTicks: positiveInt().default(monitoringDefaults.intervalTicks),
		k: positiveInt().default(monitoringDefaults.k),
		n: positiveInt().default(monitoringDefaults.n),
		thresholds: z.object({
			cpu: fraction().default(monitoringDefaults.thresholds.cpu),
			network: fraction().default(monitoringDefaults.thresholds.network),
			disk: fraction().default(monitoringDefaults.thresholds.disk),
			swapMBps: nonNegative().default(monitoringDefaults.thresholds.swapMBps),
			memory: fraction().default(monitoringDefaults.thresholds.memory).describe('Share of a host\'s usable memory allocated above which memory is hot (1: never).'),
		}).strict().prefault({}),
		historyIntervals: positiveInt().default(monitoringDefaults.historyIntervals),
		tickHistoryLength: positiveInt().default(monitoringDefaults.tickHistoryLength),
	}).strict().prefault({}),
	metrics: z.object({
		k: positiveInt().optional().describe('Default: monitoring.k.'),
		n: positiveInt().optional().describe('Default: monitoring.n.'),
		thresholds: z.object({
			cpu: fraction(),
			network: fraction(),
			disk: fraction(),
			swapMBps: nonNegative(),
			memory: fraction(),
		}).strict().partial().optional().describe('Default: monitoring.thresholds.'),
		episodeHoldIntervals: positiveInt().optional().describe('A hotspot episode is cured once its host stays cool this many intervals (default: n).'),
		cameBackSeconds: nonNegative().default(metricsDefaults.cameBackSeconds).describe('A cured episode detected again on the same host and resource within this long came back.'),
	}).strict().prefault({}).describe('The sustained-overload yardstick and hotspot episodes, apart from the detector (models.md 7.7).'),
	overhead: z.object({
		baseCpuUnits: nonNegative().default(overheadDefaults.baseCpuUnits),
		cpuUnitsPer100Mbps: nonNegative().default(overheadDefaults.cpuUnitsPer100Mbps),
		migrationCpuUnits: nonNegative().default(overheadDefaults.migrationCpuUnits),
	}).strict().prefault({}),
	migration: z.object({
		defaultMode: migrationModeSchema.default(migrationDefaults.defaultMode),
		maxRateMiBps: positive().default(migrationDefaults.maxRateMiBps),
		stopPages: nonNegative().default(migrationDefaults.stopPages),
		// Rounds can end within one tick, so this bounds a loop: Xen's is 30.
		maxRounds: positiveInt('a positive whole number', 1000).default(migrationDefaults.maxRounds),
		maxFactor: between(1, maxFactor, 'a factor').default(migrationDefaults.maxFactor),
		shrinkRatio: fraction().default(migrationDefaults.shrinkRatio),
		resumeMs: nonNegative().default(migrationDefaults.resumeMs),
		postcopyResumeMs: nonNegative().default(migrationDefaults.postcopyResumeMs),
		prepaging: z.boolean().default(migrationDefaults.prepaging),
		faultFraction: between(0, 1, 'a share').default(migrationDefaults.faultFraction),
		faultFractionWithoutPrepaging: between(0, 1, 'a share').default(migrationDefaults.faultFractionWithoutPrepaging),
		faultRttMs: nonNegative().default(migrationDefaults.faultRttMs),
		vmCpuPenalty: z.number({error: 'expected a share in [0, 1)'}).min(0, {error: 'expected a share in [0, 1)'}).lt(1, {error: 'expected a share in [0, 1)'})
			.default(migrationDefaults.vmCpuPenalty),
		adaptive: z.object({
			startMbps: positive().default(adaptiveRateDefaults.startMbps),
			incrementMbps: nonNegative().default(adaptiveRateDefaults.incrementMbps),
			maxMbps: positive().default(adaptiveRateDefaults.maxMbps),
		}).strict().nullable().default(migrationDefaults.adaptive),
	}).strict().prefault({}).describe('Live migration: Xen\'s pre-copy constants, post-copy faults, overheads.'),
	swapMBpsPerMiB: nonNegative().default(topLevelDefaults.swapMBpsPerMiB),
	racks: z.array(z.object({
		id: id.optional().describe('Defaults to r01, r02, ... by position.'),
		subnet: subnet.describe('With count: the first copy\'s; each next copy takes the next block of this size.'),
		...copies('racks'),
	}).strict()).min(1).default(defaultRacks),
	network: z.object({
		natPool: pool.default(networkDefaults.natPool).describe('Each host\'s NAT network is a block of this pool, by host index.'),
		hostOnlyPool: pool.default(networkDefaults.hostOnlyPool).describe('Each host\'s host-only network is a block of this pool, by host index.'),
		networks: z.array(z.object({
			id,
			subnet,
			external: z.boolean().default(customNetworkDefaults.external).describe('Joined to the physical network and the outside world.'),
		}).strict()).default(networkDefaults.networks).describe('Custom virtual networks; they span hosts.'),
		connectionMbps: positive().default(networkDefaults.connectionMbps).describe('Traffic of one open connection (this project\'s assumption): open connections = network use / this.'),
	}).strict().prefault({}).describe('Addressing of NAT and host-only networks, custom networks.'),
	hostDefaults: z.object({
		capacity: capacitySchema.partial().default({}),
		hypervisor: hypervisorSchema.partial().default({}),
		power: powerSchema.partial().default({}),
		migrationLimits: migrationLimitsSchema.optional().describe('Every host\'s unless it names its own (default: manager.perHostOut and perHostIn).'),
	}).strict().prefault({}),
	power: z.object({
		bootSeconds: nonNegative().default(powerDefaults.bootSeconds).describe('Power-on to serving (this project\'s assumption).'),
		imageMiBps: positive().default(powerDefaults.imageMiBps).describe('Shared-storage rate for snapshots, clones and restores.'),
		containerStartSeconds: nonNegative().default(powerDefaults.containerStartSeconds).describe('A container starts in seconds: it has no OS to boot.'),
	}).strict().prefault({}).describe('Power-on, images and container start-up.'),
	manager: z.object({
		profileWindow: positiveInt('a window of at least 1 interval').default(managerDefaults.profileWindow).describe('Interval samples in a VM profile (W).'),
		timeSeriesWindow: positiveInt('a window of at least 1 interval').default(managerDefaults.timeSeriesWindow).describe('Interval samples the AR(1) forecast is fitted to.'),
		peakPercentile: z.number({error: 'expected a percentile in (0, 100]'}).gt(0, {error: 'expected a percentile in (0, 100]'}).max(100, {error: 'expected a percentile in (0, 100]'})
			.default(managerDefaults.peakPercentile),
		saturationLevel: fraction().default(managerDefaults.saturationLevel),
		saturationInflate: between(1, maxFactor, 'a factor').default(managerDefaults.saturationInflate),
		maxConcurrentMigrations: positiveInt().default(managerDefaults.maxConcurrentMigrations),
		perHostOut: positiveInt().default(managerDefaults.perHostOut)
			.describe('Migrations a host may send at once: two, so a hot host that needs two moves to cool gets them in one round (SP07 section 6).'),
		perHostIn: positiveInt().default(managerDefaults.perHostIn),
		cooldownSeconds: nonNegative().default(managerDefaults.cooldownSeconds),
		allowSwaps: z.boolean().default(managerDefaults.allowSwaps),
		memoryPressure: fraction().default(managerDefaults.memoryPressure),
		resizeHeadroom: between(1, maxFactor, 'a factor').default(managerDefaults.resizeHeadroom),
		staticCpuThreshold: fraction().default(managerDefaults.staticCpuThreshold),
		keepBridgedAddress: z.boolean().default(managerDefaults.keepBridgedAddress).describe('Sandpiper: prefer destinations on the same subnet, so a bridged VM keeps its address.'),
	}).strict().prefault({}).describe('Resource-manager parameters (Sandpiper and the baselines).'),
	hosts: z.array(z.object({
		id: id.optional().describe('Defaults to h01, h02, ... by position.'),
		role: z.enum(['worker', 'scratch'], {error: 'expected role worker or scratch'}).default(hostEntryDefaults.role).describe('A scratch host only stages VMs during swaps.'),
		rack: id.optional().describe('Defaults to the first rack.'),
		capacity: capacitySchema.partial().default({}),
		hypervisor: hypervisorSchema.partial().default({}),
		power: powerSchema.partial().default({}),
		state: z.enum(['up', 'off'], {error: 'expected state up or off'}).default(hostEntryDefaults.state).describe('A host may start powered off.'),
		migrationLimits: migrationLimitsSchema.optional().describe('Migrations this host may send and receive at once (default: hostDefaults.migrationLimits, else manager.perHostOut and perHostIn).'),
		...copies('hosts'),
	}).strict()).min(1, {error: 'expected at least one host'}),
	vmClasses: z.record(id, z.object({
		memoryMiB: positive(),
		vcpus: positiveInt('a positive whole number', 1024).default(vmClassDefaults.vcpus),
		wwsMiB: nonNegative().default(vmClassDefaults.wwsMiB).describe('Writable working set: memory rewritten within any pre-copy round.'),
		coldDirtyMiBps: nonNegative().default(vmClassDefaults.coldDirtyMiBps).describe('Dirtying outside the writable working set.'),
		networkMode: networkModeSchema.default(vmClassDefaults.networkMode),
		kind: z.enum(['vm', 'container'], {error: 'expected kind vm or container'}).default(vmClassDefaults.kind),
		technique: techniqueSchema.optional().describe('Default: the host\'s.'),
		guest: guestSchema.optional().describe('Default: a modifiable Linux.'),
		workload: workloadSchema,
	}).strict()).default({}),
	vms: z.array(z.object({
		id: id.optional().describe('Defaults to vm01, vm02, ... by position.'),
		class: id.optional(),
		host: id,
		memoryMiB: positive().optional(),
		vcpus: positiveInt('a positive whole number', 1024).optional(),
		wwsMiB: nonNegative().optional(),
		coldDirtyMiBps: nonNegative().optional(),
		kind: z.enum(['vm', 'container'], {error: 'expected kind vm or container'}).optional(),
		technique: techniqueSchema.optional(),
		guest: guestSchema.optional(),
		cpuLimitUnits: positive().optional().describe('Containers: the cgroup CPU limit (default: no limit below the host).'),
		networkMode: networkModeSchema.optional(),
		customNetwork: id.optional().describe('The primary NIC\'s network when networkMode is custom.'),
		attach: z.array(id).default(vmEntryDefaults.attach).describe('Custom networks joined by further NICs (a firewall has two).'),
		mac: mac.optional().describe('The primary NIC\'s MAC; generated from the hypervisor\'s prefix when absent.'),
		forwards: z.array(z.object({hostPort: port, vmPort: port}).strict()).default(vmEntryDefaults.forwards).describe('NAT port forwards on the VM\'s host.'),
		function: networkFunctionSchema.optional().describe('A network function the VM runs.'),
		workload: workloadOverrideSchema.optional().describe('Changes to the class\'s workload; without a class, base must be complete.'),
		...copies('vms'),
		hostStride: nonNegativeInt('a whole number >= 0', maxCopies.hosts).optional()
			.describe('With count: each next copy goes this many places further down the hosts list than the one before (default 0: all on host).'),
	}).strict()),
	timeline: z.array(z.object({tick: nonNegativeInt(), command: commandSchema}).strict()).default([]),
	demo: z.object({
		endTick: positiveInt().describe('The walkthrough ends (and the program exits 0) at this tick.'),
		// The dashboard's own range: slower overflows a timer, faster is no walkthrough.
		speed: between(0.25, 64, 'a speed in ticks per second').default(2).describe('Ticks per second of wall-clock time (0.25 to 64).'),
		captions: z.array(z.object({
			tick: nonNegativeInt(),
			text: lineOfText('a caption', 200),
			ticks: positiveInt().default(10).describe('How long it stays in the status line.'),
		}).strict()).default([]),
	}).strict().optional().describe('Makes the scenario a walkthrough for --demo: a fixed pace, captions, an end.'),
}).strict();

/** What --record writes and --replay reads: the commands a user gave, at the ticks they took effect. */
export const sessionSchema = z.object({
	version: z.literal(1, {error: 'expected version 1'}),
	scenario: lineOfText('a scenario name', 100),
	seed: nonNegativeInt('a whole number >= 0', Number.MAX_SAFE_INTEGER),
	scenarioHash: z.string({error: 'expected a SHA-256 in hex'})
		.regex(/^[\da-f]{64}$/v, {error: 'expected a SHA-256 in hex (64 lower-case hex digits)'})
		.optional()
		.describe('SHA-256 of the scenario the session was recorded on.'),
	program: lineOfText('a version', 64).optional().describe('The sandpiper version that recorded it.'),
	timeline: z.array(z.object({tick: nonNegativeInt(), command: commandSchema}).strict()),
}).strict();

export type Session = z.output<typeof sessionSchema>;

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
