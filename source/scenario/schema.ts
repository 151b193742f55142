/**
The scenario file format, version 1, as a zod schema. Defaults keep a scenario short: a host needs no
field at all, a VM only its host and a class. `docs/scenario.schema.json` is generated from this
schema (`npm run schema`) so editors can complete and check scenario files.
*/
import {z} from 'zod';

const positive = (what = 'a positive number') => z.number({error: `expected ${what}`}).positive({error: `expected ${what}`});
const nonNegative = (what = 'a number >= 0') => z.number({error: `expected ${what}`}).min(0, {error: `expected ${what}`});
const positiveInt = (what = 'a positive whole number') => z.int({error: `expected ${what}`}).positive({error: `expected ${what}`});
const nonNegativeInt = (what = 'a whole number >= 0') => z.int({error: `expected ${what}`}).min(0, {error: `expected ${what}`});
const fraction = (what = 'a fraction between 0 and 1 (exclusive)') => z.number({error: `expected ${what}`}).gt(0, {error: `expected ${what}`}).lt(1, {error: `expected ${what}`});
const port = z.int({error: 'expected a port from 1 to 65535'}).min(1, {error: 'expected a port from 1 to 65535'}).max(65_535, {error: 'expected a port from 1 to 65535'});
const id = z.string({error: 'expected an id string'}).regex(/^[\w.\-]{1,32}$/v, {error: 'expected an id of letters, digits, -, _ or . (at most 32)'});

export const resourceSchema = z.enum(['cpu', 'memory', 'disk', 'network'], {error: 'expected one of cpu, memory, disk, network'});
const shapeResources = z.array(resourceSchema).min(1).default(['cpu', 'disk', 'network']).describe('Resources the shape affects (default cpu, disk, network; memory is the working set).');

export const networkModeSchema = z.enum(['bridged', 'nat', 'host-only', 'custom'], {error: 'expected one of bridged, nat, host-only, custom'});
export const migrationModeSchema = z.enum(['precopy', 'postcopy', 'stop-and-copy'], {error: 'expected one of precopy, postcopy, stop-and-copy'});
export const hypervisorFamilySchema = z.enum(['kvm', 'xen', 'esxi', 'hyper-v', 'virtualbox', 'vmware-workstation'], {error: 'expected one of kvm, xen, esxi, hyper-v, virtualbox, vmware-workstation'});

export const shapeSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('diurnal'),
		amplitude: z.number().min(0).max(1, {error: 'expected an amplitude between 0 and 1'}),
		periodTicks: positiveInt(),
		phase: z.union([z.number().min(0).max(1), z.literal('per-vm')], {error: 'expected a phase between 0 and 1, or "per-vm"'}).default(0).describe('Fraction of a period; "per-vm" draws one from each VM\'s own stream.'),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('ar1'),
		phi: z.number().min(0).lt(1, {error: 'expected phi in [0, 1)'}),
		sigma: nonNegative(),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('bursts'),
		meanOnTicks: z.number().min(1, {error: 'expected a mean duration of at least 1 tick'}),
		meanOffTicks: z.number().min(1, {error: 'expected a mean duration of at least 1 tick'}),
		factor: nonNegative(),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('ramp'),
		startTick: nonNegativeInt(),
		endTick: nonNegativeInt(),
		fromFactor: nonNegative(),
		toFactor: nonNegative(),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('flashCrowd'),
		startTick: nonNegativeInt(),
		durationTicks: positiveInt(),
		factor: nonNegative(),
		rampTicks: nonNegativeInt().default(10),
		resources: shapeResources,
	}).strict(),
	z.object({
		kind: z.literal('replay'),
		values: z.array(nonNegative()).min(1, {error: 'expected at least one value'}),
		sampleTicks: positive(),
		loop: z.boolean().default(false),
		resources: shapeResources,
	}).strict(),
], {error: 'expected a shape with kind diurnal, ar1, bursts, ramp, flashCrowd or replay'});

const baseSchema = z.object({
	cpu: nonNegative().describe('CPU units (100 = one server)'),
	memory: nonNegative().describe('working set, MiB'),
	disk: nonNegative().describe('disk I/O, MB/s'),
	network: nonNegative().describe('network, Mbit/s'),
}).strict();

const workloadSchema = z.object({
	base: baseSchema,
	shapes: z.array(shapeSchema).default([]),
}).strict();

const workloadOverrideSchema = z.object({
	base: baseSchema.partial().optional().describe('Overrides fields of the class\'s base demand.'),
	scale: positive().optional().describe('Multiplies the whole base demand.'),
	shapes: z.array(shapeSchema).optional().describe('Added after the class\'s shapes.'),
}).strict();

const capacitySchema = z.object({
	cpuUnits: positive(),
	memoryMiB: positive(),
	hypervisorReserveMiB: nonNegative(),
	diskMBps: positive(),
	networkMbps: positive(),
}).strict();

const powerSchema = z.object({
	peakWatts: positive().describe('Draw at 100 % CPU (models.md 4: 250 W).'),
	idleShare: z.number().min(0).max(1, {error: 'expected a share between 0 and 1'}).describe('Idle draw as a share of peak (default 0.6).'),
	specpower: z.union([
		z.enum(['hp-ml110-g4', 'hp-ml110-g5'], {error: 'expected hp-ml110-g4, hp-ml110-g5 or 11 numbers'}),
		z.array(nonNegative()).length(11, {error: 'expected 11 values: watts at 0, 10, ..., 100 % load'}),
	]).nullable().describe('A SPECpower table instead of the linear model: a named one (CloudSim\'s) or 11 values.'),
}).strict();

const guestSchema = z.object({
	name: z.string().min(1),
	modifiable: z.boolean().describe('Whether its kernel can be changed for para-virtualisation (a closed commercial OS cannot).'),
}).strict();

export const techniqueSchema = z.enum(['full', 'hardware-assisted', 'paravirtualisation'], {error: 'expected one of full, hardware-assisted, paravirtualisation'});

const hypervisorSchema = z.object({
	family: hypervisorFamilySchema,
	type: z.union([z.literal(1), z.literal(2)], {error: 'expected hypervisor type 1 or 2'}).optional().describe('Derived from the family when omitted.'),
	technique: techniqueSchema.describe('The technique its VMs use unless they name one.'),
}).strict();

const loadTargetSchema = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('vm'), vmId: id}).strict(),
	z.object({kind: z.literal('host'), hostId: id}).strict(),
], {error: 'expected a target {"kind": "vm", "vmId"} or {"kind": "host", "hostId"}'});

export const commandSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('injectLoad'), target: loadTargetSchema, resource: resourceSchema, amount: positive(), durationTicks: positiveInt().nullable().default(null),
	}).strict(),
	z.object({type: z.literal('clearLoad'), target: loadTargetSchema}).strict(),
	z.object({
		type: z.literal('requestMigration'), vmId: id, destinationHostId: id, mode: migrationModeSchema.nullable().default(null), allocationMiB: positive().nullable().default(null), requestedBy: z.string().optional(),
	}).strict(),
	z.object({type: z.literal('setPolicy'), policy: z.string()}).strict(),
	z.object({
		type: z.literal('setNetworkMode'), vmId: id, mode: networkModeSchema, network: id.optional(),
	}).strict(),
	z.object({
		type: z.literal('addPortForward'), vmId: id, hostPort: port, vmPort: port,
	}).strict(),
	z.object({type: z.literal('removePortForward'), hostId: id, hostPort: port}).strict(),
	z.object({type: z.literal('attachNetwork'), vmId: id, network: id}).strict(),
	z.object({type: z.literal('detachNetwork'), vmId: id, network: id}).strict(),
	z.object({type: z.literal('failHost'), hostId: id}).strict(),
	z.object({type: z.literal('recoverHost'), hostId: id}).strict(),
	z.object({type: z.literal('setLinkBandwidth'), hostId: id, networkMbps: positive()}).strict(),
	z.object({type: z.literal('powerOn'), hostId: id}).strict(),
	z.object({type: z.literal('powerOff'), hostId: id}).strict(),
	z.object({type: z.literal('drainHost'), hostId: id}).strict(),
	z.object({type: z.literal('snapshot'), vmId: id}).strict(),
	z.object({type: z.literal('clone'), vmId: id, destinationHostId: id}).strict(),
	z.object({type: z.literal('restore'), vmId: id, snapshotId: id}).strict(),
], {error: 'expected a command with type injectLoad, clearLoad, requestMigration, setPolicy, setNetworkMode, addPortForward, removePortForward, attachNetwork, detachNetwork, failHost, recoverHost, setLinkBandwidth, powerOn, powerOff, drainHost, snapshot, clone or restore'});

const subnet = z.string({error: 'expected a subnet like 10.1.0.0/24'}).regex(/^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/v, {error: 'expected a subnet like 10.1.0.0/24'});
const mac = z.string().regex(/^[\da-f]{2}(?::[\da-f]{2}){5}$/v, {error: 'expected a MAC like 52:54:00:00:00:01 (lower-case hex)'});
const pool = z.object({
	subnet,
	prefix: z.int().min(8).max(30, {error: 'expected a prefix from 8 to 30'}).default(24).describe('Size of each host\'s range inside the pool.'),
}).strict();

const networkFunctionSchema = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('router')}).strict(),
	z.object({
		kind: z.literal('firewall'),
		rules: z.array(z.object({
			from: z.string().min(1).describe('any, external, a host or VM id, or a custom network id'),
			to: z.string().min(1).describe('a VM or host id, or self'),
			port: port.nullable().default(null).describe('null: every port'),
		}).strict()).default([]).describe('Allowed flows; everything else is dropped.'),
	}).strict(),
	z.object({kind: z.literal('load-balancer'), port, backends: z.array(id).min(1)}).strict(),
], {error: 'expected a function with kind router, firewall or load-balancer'});

export const scenarioSchema = z.object({
	$schema: z.string().optional(),
	version: z.literal(1, {error: 'expected version 1'}),
	name: z.string().min(1),
	description: z.string().default(''),
	seed: nonNegativeInt().default(1),
	tickSeconds: z.number().min(1, {error: 'expected tickSeconds from 1 to 300'}).max(300, {error: 'expected tickSeconds from 1 to 300'}).default(1),
	policy: z.string().default('none'),
	monitoring: z.object({
		intervalTicks: positiveInt().default(5),
		k: positiveInt().default(3),
		n: positiveInt().default(5),
		thresholds: z.object({
			cpu: fraction().default(0.75),
			network: fraction().default(0.75),
			disk: fraction().default(0.75),
			swapMBps: nonNegative().default(1),
		}).strict().prefault({}),
		historyIntervals: positiveInt().default(60),
		tickHistoryLength: positiveInt().default(60),
	}).strict().prefault({}),
	overhead: z.object({
		baseCpuUnits: nonNegative().default(5),
		cpuUnitsPer100Mbps: nonNegative().default(2),
		migrationCpuUnits: nonNegative().default(5),
	}).strict().prefault({}),
	migration: z.object({
		defaultMode: migrationModeSchema.default('precopy'),
		maxRateMiBps: positive().default(112.5),
		stopPages: nonNegative().default(50),
		maxRounds: positiveInt().default(30),
		maxFactor: z.number().min(1, {error: 'expected a factor >= 1'}).default(3),
		shrinkRatio: fraction().default(0.9),
		resumeMs: nonNegative().default(10),
		postcopyResumeMs: nonNegative().default(15),
		prepaging: z.boolean().default(true),
		faultFraction: z.number().min(0).max(1, {error: 'expected a share between 0 and 1'}).default(0.21),
		faultFractionWithoutPrepaging: z.number().min(0).max(1, {error: 'expected a share between 0 and 1'}).default(0.5),
		faultRttMs: nonNegative().default(0.2),
		vmCpuPenalty: z.number().min(0).lt(1, {error: 'expected a share in [0, 1)'}).default(0.1),
		adaptive: z.object({startMbps: positive().default(100), incrementMbps: nonNegative().default(50), maxMbps: positive().default(500)}).strict().nullable().default(null),
		cloudsimParity: z.boolean().default(false),
	}).strict().prefault({}).describe('Live migration: Xen\'s pre-copy constants, post-copy faults, overheads.'),
	swapMBpsPerMiB: nonNegative().default(0.5),
	racks: z.array(z.object({id, subnet}).strict()).min(1).default([{id: 'r1', subnet: '10.1.0.0/24'}]),
	network: z.object({
		natPool: pool.default({subnet: '172.16.0.0/12', prefix: 24}).describe('Each host\'s NAT network is a block of this pool, by host index.'),
		hostOnlyPool: pool.default({subnet: '192.168.0.0/16', prefix: 24}).describe('Each host\'s host-only network is a block of this pool, by host index.'),
		networks: z.array(z.object({
			id,
			subnet,
			external: z.boolean().default(false).describe('Joined to the physical network and the outside world.'),
		}).strict()).default([]).describe('Custom virtual networks; they span hosts.'),
		connectionMbps: positive().default(1).describe('Traffic of one open connection (this project\'s assumption): open connections = network use / this.'),
	}).strict().prefault({}).describe('Addressing of NAT and host-only networks, custom networks.'),
	hostDefaults: z.object({
		capacity: capacitySchema.partial().default({}),
		hypervisor: hypervisorSchema.partial().default({}),
		power: powerSchema.partial().default({}),
	}).strict().prefault({}),
	power: z.object({
		bootSeconds: nonNegative().default(60).describe('Power-on to serving (this project\'s assumption).'),
		imageMiBps: positive().default(100).describe('Shared-storage rate for snapshots, clones and restores.'),
		containerStartSeconds: nonNegative().default(2).describe('A container starts in seconds: it has no OS to boot.'),
	}).strict().prefault({}).describe('Power-on, images and container start-up.'),
	manager: z.object({
		profileWindow: positiveInt('a window of at least 1 interval').default(60).describe('Interval samples in a VM profile (W).'),
		timeSeriesWindow: positiveInt('a window of at least 1 interval').default(30).describe('Interval samples the AR(1) forecast is fitted to.'),
		peakPercentile: z.number().gt(0, {error: 'expected a percentile in (0, 100]'}).max(100, {error: 'expected a percentile in (0, 100]'}).default(95),
		saturationLevel: fraction().default(0.98),
		saturationInflate: z.number().min(1, {error: 'expected a factor >= 1'}).default(1.2),
		maxConcurrentMigrations: positiveInt().default(3),
		perHostOut: positiveInt().default(1),
		perHostIn: positiveInt().default(1),
		cooldownSeconds: nonNegative().default(30),
		allowSwaps: z.boolean().default(true),
		memoryPressure: fraction().default(0.95),
		resizeHeadroom: z.number().min(1, {error: 'expected a factor >= 1'}).default(1.2),
		staticCpuThreshold: fraction().default(0.8),
		keepBridgedAddress: z.boolean().default(false).describe('Sandpiper: prefer destinations on the same subnet, so a bridged VM keeps its address.'),
	}).strict().prefault({}).describe('Resource-manager parameters (Sandpiper and the baselines).'),
	hosts: z.array(z.object({
		id: id.optional().describe('Defaults to h01, h02, ... by position.'),
		role: z.enum(['worker', 'scratch'], {error: 'expected role worker or scratch'}).default('worker').describe('A scratch host only stages VMs during swaps.'),
		rack: id.optional().describe('Defaults to the first rack.'),
		capacity: capacitySchema.partial().default({}),
		hypervisor: hypervisorSchema.partial().default({}),
		power: powerSchema.partial().default({}),
		state: z.enum(['up', 'off'], {error: 'expected state up or off'}).default('up').describe('A host may start powered off.'),
	}).strict()).min(1, {error: 'expected at least one host'}),
	vmClasses: z.record(id, z.object({
		memoryMiB: positive(),
		vcpus: positiveInt().default(1),
		wwsMiB: nonNegative().default(16).describe('Writable working set: memory rewritten within any pre-copy round.'),
		coldDirtyMiBps: nonNegative().default(2).describe('Dirtying outside the writable working set.'),
		networkMode: networkModeSchema.default('bridged'),
		kind: z.enum(['vm', 'container'], {error: 'expected kind vm or container'}).default('vm'),
		technique: techniqueSchema.optional().describe('Default: the host\'s.'),
		guest: guestSchema.optional().describe('Default: a modifiable Linux.'),
		workload: workloadSchema,
	}).strict()).default({}),
	vms: z.array(z.object({
		id: id.optional().describe('Defaults to vm01, vm02, ... by position.'),
		class: id.optional(),
		host: id,
		memoryMiB: positive().optional(),
		vcpus: positiveInt().optional(),
		wwsMiB: nonNegative().optional(),
		coldDirtyMiBps: nonNegative().optional(),
		kind: z.enum(['vm', 'container'], {error: 'expected kind vm or container'}).optional(),
		technique: techniqueSchema.optional(),
		guest: guestSchema.optional(),
		cpuLimitUnits: positive().optional().describe('Containers: the cgroup CPU limit (default: no limit below the host).'),
		networkMode: networkModeSchema.optional(),
		customNetwork: id.optional().describe('The primary NIC\'s network when networkMode is custom.'),
		attach: z.array(id).default([]).describe('Custom networks joined by further NICs (a firewall has two).'),
		mac: mac.optional().describe('The primary NIC\'s MAC; generated from the hypervisor\'s prefix when absent.'),
		forwards: z.array(z.object({hostPort: port, vmPort: port}).strict()).default([]).describe('NAT port forwards on the VM\'s host.'),
		function: networkFunctionSchema.optional().describe('A network function the VM runs.'),
		workload: workloadOverrideSchema.optional().describe('Changes to the class\'s workload; without a class, base must be complete.'),
	}).strict()),
	timeline: z.array(z.object({tick: nonNegativeInt(), command: commandSchema}).strict()).default([]),
	demo: z.object({
		endTick: positiveInt().describe('The walkthrough ends (and the program exits 0) at this tick.'),
		speed: positive().default(2).describe('Ticks per second of wall-clock time.'),
		captions: z.array(z.object({
			tick: nonNegativeInt(),
			text: z.string().min(1),
			ticks: positiveInt().default(10).describe('How long it stays in the status line.'),
		}).strict()).default([]),
	}).strict().optional().describe('Makes the scenario a walkthrough for --demo: a fixed pace, captions, an end.'),
}).strict();

/** What --record writes and --replay reads: the commands a user gave, at the ticks they took effect. */
export const sessionSchema = z.object({
	version: z.literal(1, {error: 'expected version 1'}),
	scenario: z.string().min(1),
	seed: nonNegativeInt(),
	timeline: z.array(z.object({tick: nonNegativeInt(), command: commandSchema}).strict()),
}).strict();

export type Session = z.output<typeof sessionSchema>;

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
