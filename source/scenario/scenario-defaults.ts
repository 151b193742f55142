/**
What a scenario file may leave out, as plain data: the schema (./schema.ts) fills these in when it
checks a file, and the generated datacenters (./cloudsim-datacenter.ts) build whole scenarios from
them without loading zod. Each object lists its fields in the schema's order, so a scenario built by
spreading one has its keys where a checked file has them. Shared values: copy them, never change them.
(./defaults.ts holds what the builder assumes for fields that stay absent, a different thing.)
*/

/** The top level's own fields. */
export const topLevelDefaults = {
	description: '',
	seed: 1,
	tickSeconds: 1,
	policy: 'none',
	semantics: 'native' as const,
	swapMBpsPerMiB: 0.5,
};

/** One rack, holding every host that names none. */
export const defaultRacks = [{id: 'r1', subnet: '10.1.0.0/24'}];

export const monitoringDefaults = {
	intervalTicks: 5,
	k: 3,
	n: 5,
	thresholds: {
		cpu: 0.75,
		network: 0.75,
		disk: 0.75,
		swapMBps: 1,
		memory: 1,
	},
	historyIntervals: 60,
	tickHistoryLength: 60,
};

/** The rest of metrics defaults to monitoring's values, at build time. */
export const metricsDefaults = {
	cameBackSeconds: 120,
};

export const overheadDefaults = {
	baseCpuUnits: 5,
	cpuUnitsPer100Mbps: 2,
	migrationCpuUnits: 5,
};

export {migrationDefaults} from '../migration/migration-defaults.js';

/** An adaptive rate limit's fields, once migration.adaptive is given at all. */
export const adaptiveRateDefaults = {
	startMbps: 100,
	incrementMbps: 50,
	maxMbps: 500,
};

/** A pool's range per host, when the pool names no prefix. */
export const poolPrefixDefault = 24;

export const networkDefaults = {
	natPool: {subnet: '172.16.0.0/12', prefix: poolPrefixDefault},
	hostOnlyPool: {subnet: '192.168.0.0/16', prefix: poolPrefixDefault},
	networks: [],
	connectionMbps: 1,
};

/** A custom network's own default. */
export const customNetworkDefaults = {
	external: false,
};

export const powerDefaults = {
	bootSeconds: 60,
	imageMiBps: 100,
	containerStartSeconds: 2,
};

export const managerDefaults = {
	profileWindow: 60,
	timeSeriesWindow: 30,
	peakPercentile: 95,
	saturationLevel: 0.98,
	saturationInflate: 1.2,
	maxConcurrentMigrations: 3,
	perHostOut: 2,
	perHostIn: 1,
	cooldownSeconds: 30,
	allowSwaps: true,
	memoryPressure: 0.95,
	resizeHeadroom: 1.2,
	staticCpuThreshold: 0.8,
	keepBridgedAddress: false,
};

/** A host entry's own fields; its capacity, hypervisor and power default to hostDefaults' (empty) ones. */
export const hostEntryDefaults = {
	role: 'worker' as const,
	state: 'up' as const,
};

/** A VM entry's lists: no further NICs, no port forwards. */
export const vmEntryDefaults = {
	attach: [],
	forwards: [],
};

/** A VM class's fields besides its memory and workload. */
export const vmClassDefaults = {
	vcpus: 1,
	wwsMiB: 16,
	coldDirtyMiBps: 2,
	networkMode: 'bridged' as const,
	kind: 'vm' as const,
};
