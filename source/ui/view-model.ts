/**
What the dashboard shows, derived from a world snapshot and the recent events: plain data, no
React, easy to test.
*/
import {describeEffect} from '../network/effects.js';
import {hypervisorProfiles} from '../sim/hypervisors.js';
import {allocatedMemoryByHost, isOverloaded, usableMemoryMiB} from '../sim/capacity.js';
import {simulatedSeconds} from '../sim/lookup.js';
import {seriesValues} from '../sim/series.js';
import type {
	Migration, MigrationMode, NetworkMode, Resource, SimEvent, World,
} from '../sim/types.js';
import {isPlaced} from '../sim/vm-state.js';
import type {MetricResource} from '../sim/episode-state.js';
import {
	episodeHead, episodeLines, storyNote, storyParts, type EpisodeModel, type OpenEpisode,
} from './episode-lines.js';
import {shortEffect} from './network-model.js';

export type HostMarker = 'down' | 'off' | 'booting' | 'draining' | 'hot' | 'overloaded' | 'scratch' | 'none';

export type HostRowModel = {
	id: string;
	cpu: number;
	memory: number;
	disk: number;
	/** The VMs' own traffic over the NIC's capacity (what the monitor reads), 0..1. */
	network: number;
	/**
	Migration traffic, the larger of out and in, over the capacity of the NIC it uses, 0..1: the VMs' NIC
	(the simulation takes that much off the VMs' bandwidth, so the two add up to at most 1), or a migration
	NIC of its own (`migrationNicMbps`).
	*/
	migrationNetwork: number;
	/** The VMs' traffic, Mbit/s. */
	vmNetworkMbps: number;
	migrationOutMbps: number;
	migrationInMbps: number;
	/** The VMs' NIC, Mbit/s per direction. */
	networkMbps: number;
	/** A NIC of its own for migrations, Mbit/s per direction, or null: they share the VMs'. */
	migrationNicMbps: number | null;
	vmCount: number;
	marker: HostMarker;
	/** K-of-n history, oldest first. */
	overThreshold: boolean[];
	/** Recent CPU utilisation per tick, oldest first. */
	cpuHistory: number[];
	freeMemoryMiB: number;
	hypervisor: string;
	/** `Xen, type 1, para-virtualisation` */
	hypervisorLabel: string;
	powerWatts: number;
};

export type StatusModel = {
	scenario: string;
	seed: number;
	policy: string;
	tick: number;
	seconds: number;
	hotHosts: number;
	migrations: number;
	lostVms: number;
	/** Draw of the workers now (W), their energy so far (kWh). */
	powerWatts: number;
	energyKWh: number;
	/** Running VMs per powered-on worker, and those workers' mean CPU, now. */
	activeHosts: number;
	consolidationRatio: number;
	activeUtilisation: number;
};

export type MigrationRowModel = {
	id: string;
	vmId: string;
	from: string;
	to: string;
	mode: MigrationMode;
	/** `precopy round 3`, `stop-and-copy`, `postcopy push`. */
	phase: string;
	/** 0..1 of the data of the current estimate (memory for the first pass). */
	progress: number;
	sentMiB: number;
	memoryMiB: number;
	elapsedSeconds: number;
	/** Seconds left at the current rate for what is known to remain. */
	etaSeconds: number | null;
	downtimeSeconds: number;
	dirtyRateMiBps: number;
	resentMiB: number;
	/** Post-copy after the switch: a failure of either host now loses the VM. */
	atRisk: boolean;
	/** What the move does to the VM's network: `keeps IP`, `new IP, 40 conn drop`, ... */
	network: string;
};

export type VmRowModel = {
	id: string;
	vmClass: string;
	state: string;
	memoryMiB: number;
	workingSetMiB: number;
	cpuUnits: number;
	networkMbps: number;
	diskMBps: number;
	networkMode: NetworkMode;
	/** PV, HVM, BT, or ctr for a container. */
	technique: string;
	migration: string | null;
	injected: number;
};

/** Short names: binary translation (full), hardware-assisted (HVM), para-virtualised (PV). */
const techniqueShort = {full: 'BT', 'hardware-assisted': 'HVM', paravirtualisation: 'PV'} as const;

export type AlertModel = {tick: number; seconds: number; text: string; severity: 'hot' | 'warn' | 'info'};

export type DashboardModel = {
	status: StatusModel;
	hosts: HostRowModel[];
	migrations: MigrationRowModel[];
	thresholds: {cpu: number; memory: number; disk: number; network: number};
	k: number;
	n: number;
	networkCounts: Record<NetworkMode, number>;
	/** Mean CPU utilisation of the up workers per tick, oldest first. */
	clusterCpu: number[];
};

function markerOf(host: World['hosts'][number]): HostMarker {
	if (host.state === 'failed') {
		return 'down';
	}

	if (host.state === 'off' || host.state === 'booting') {
		return host.state;
	}

	if (host.draining) {
		return 'draining';
	}

	if (host.role === 'scratch') {
		return 'scratch';
	}

	if (host.sustainedOverload) {
		return 'hot';
	}

	return isOverloaded(host.usage) ? 'overloaded' : 'none';
}

function ratio(value: number, of: number): number {
	return of > 0 ? Math.min(1, value / of) : 0;
}

export function phaseLabel(migration: Migration): string {
	switch (migration.phase) {
		case 'precopy': {
			return `precopy round ${migration.round}`;
		}

		case 'postcopy': {
			return 'postcopy push';
		}

		case 'stop-and-copy':
		case 'done': {
			return migration.phase;
		}
	}
}

export function migrationRow(migration: Migration, network = ''): MigrationRowModel {
	const remaining = migration.roundMiB - migration.roundSentMiB;
	const firstPass = migration.mode === 'precopy' && migration.round === 0;
	const total = firstPass || migration.mode !== 'precopy' ? migration.memoryMiB : migration.sentMiB + remaining;
	return {
		id: migration.id,
		vmId: migration.vmId,
		from: migration.sourceHostId,
		to: migration.destinationHostId,
		mode: migration.mode,
		phase: phaseLabel(migration),
		progress: total > 0 ? Math.min(1, migration.sentMiB / total) : 0,
		sentMiB: migration.sentMiB,
		memoryMiB: migration.memoryMiB,
		elapsedSeconds: migration.elapsedSeconds,
		etaSeconds: migration.rateMiBps > 0 ? remaining / migration.rateMiBps : null,
		downtimeSeconds: migration.downtimeSeconds,
		dirtyRateMiBps: migration.dirtyRateMiBps,
		resentMiB: Math.max(0, migration.sentMiB - migration.memoryMiB),
		atRisk: migration.switched,
		network,
	};
}

export function dashboardModel(world: World): DashboardModel {
	const counts = new Map<string, number>();
	const networkCounts: Record<NetworkMode, number> = {
		bridged: 0, nat: 0, 'host-only': 0, custom: 0,
	};
	for (const vm of world.vms) {
		if (isPlaced(vm)) {
			counts.set(vm.hostId, (counts.get(vm.hostId) ?? 0) + 1);
			networkCounts[vm.nics[0]!.mode]++;
		}
	}

	const allocated = allocatedMemoryByHost(world);
	const hosts = world.hosts.map((host): HostRowModel => ({
		id: host.id,
		cpu: host.usage.utilisation.cpu,
		memory: host.usage.utilisation.memory,
		disk: host.usage.utilisation.disk,
		network: host.usage.utilisation.network,
		migrationNetwork: ratio(Math.max(host.usage.migrationOutMbps, host.usage.migrationInMbps), host.capacity.migrationNetworkMbps ?? host.capacity.networkMbps),
		vmNetworkMbps: host.usage.granted.network,
		migrationOutMbps: host.usage.migrationOutMbps,
		migrationInMbps: host.usage.migrationInMbps,
		networkMbps: host.capacity.networkMbps,
		migrationNicMbps: host.capacity.migrationNetworkMbps,
		vmCount: counts.get(host.id) ?? 0,
		marker: markerOf(host),
		overThreshold: host.history.overThreshold,
		cpuHistory: seriesValues(host.history.cpuTicks),
		freeMemoryMiB: usableMemoryMiB(host) - (allocated.get(host.id) ?? 0),
		hypervisor: host.hypervisor.family,
		hypervisorLabel: `${hypervisorProfiles[host.hypervisor.family].label}, type ${host.hypervisor.type}, ${host.hypervisor.technique}`,
		powerWatts: host.powerWatts,
	}));
	const workerHosts = world.hosts.filter(host => host.role === 'worker');
	const workers = workerHosts.filter(host => host.state === 'up');
	const length = Math.max(0, ...workers.map(host => host.history.cpuTicks.values.length));
	const histories = workers.map(host => seriesValues(host.history.cpuTicks));
	const clusterCpu = Array.from({length}, (_, index) => {
		const values = histories.map(values => values[values.length - length + index]).filter(value => value !== undefined);
		return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
	});
	const {thresholds, k, n} = world.config.monitoring;
	return {
		status: {
			scenario: world.scenarioName,
			seed: world.seed,
			policy: world.policy,
			tick: world.tick,
			seconds: simulatedSeconds(world),
			hotHosts: hosts.filter(host => host.marker === 'hot').length,
			migrations: world.migrations.length,
			lostVms: world.vms.filter(vm => vm.state === 'lost').length,
			powerWatts: workerHosts.reduce((sum, host) => sum + host.powerWatts, 0),
			energyKWh: world.counters.energyKWh,
			activeHosts: workers.length,
			consolidationRatio: workers.length === 0 ? 0 : world.vms.filter(vm => vm.state === 'running' || vm.state === 'paused').length / workers.length,
			activeUtilisation: workers.length === 0 ? 0 : workers.reduce((sum, host) => sum + host.usage.utilisation.cpu, 0) / workers.length,
		},
		hosts,
		migrations: world.migrations.map(migration => migrationRow(migration, shortEffect(world, migration))),
		// Memory is allocation-based and cannot exceed the host; colour it red only when full.
		thresholds: {
			cpu: thresholds.cpu, memory: 0.95, disk: thresholds.disk, network: thresholds.network,
		},
		k,
		n,
		networkCounts,
		clusterCpu,
	};
}

/**
The host's network in one line, for its VMs view: the VMs' traffic and the migrations' per direction,
and which NIC the migrations use (what the NET bar's `▒` stands for on this host).
*/
export function networkSummary(host: HostRowModel): string {
	const mbps = (value: number) => String(Math.round(value));
	const vms = `NIC ${mbps(host.networkMbps)} Mbit/s: VMs ${mbps(host.vmNetworkMbps)}`;
	const migrations = `migrations ▒ out ${mbps(host.migrationOutMbps)} in ${mbps(host.migrationInMbps)}`;
	// Short enough for 80 columns: the README and the help say the rest.
	return host.migrationNicMbps === null
		? `${vms}, ${migrations} (shared NIC, taken first)`
		: `${vms}, ${migrations} on own NIC ${mbps(host.migrationNicMbps)} Mbit/s`;
}

export function vmRows(world: World, hostId: string): VmRowModel[] {
	const migrations = new Map(world.migrations.map(migration => [migration.id, migration]));
	return world.vms.filter(vm => vm.hostId === hostId && isPlaced(vm)).map(vm => {
		const migration = vm.migrationId === null ? undefined : migrations.get(vm.migrationId);
		return {
			id: vm.id,
			vmClass: vm.kind === 'container' ? `${vm.vmClass}[ctr]` : vm.vmClass,
			state: vm.state,
			memoryMiB: vm.memoryMiB,
			workingSetMiB: vm.usage.demand.memory,
			cpuUnits: vm.usage.granted.cpu,
			networkMbps: vm.usage.granted.network,
			diskMBps: vm.usage.granted.disk,
			networkMode: vm.nics[0]!.mode,
			technique: vm.technique === null ? 'ctr' : techniqueShort[vm.technique],
			migration: migration ? `${migration.mode} -> ${migration.destinationHostId} (${phaseLabel(migration)})` : null,
			injected: vm.injected.length,
		};
	});
}

const resourceNames: Record<Resource, string> = {
	cpu: 'CPU', memory: 'memory', disk: 'disk', network: 'network',
};

const metricResourceNames: Record<MetricResource, string> = {
	...resourceNames, swap: 'swap (paging)',
};

function seconds(value: number): string {
	return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(1)} s`;
}

/** A one-line account of an event for the log and the alerts, or undefined for events not worth a line. */
export function describeEvent(event: SimEvent): Omit<AlertModel, 'tick' | 'seconds'> | undefined {
	switch (event.type) {
		case 'hotspotDetected': {
			return {severity: 'hot', text: `${event.hostId} hot on ${resourceNames[event.resource]} (forecast ${Math.round(event.forecast * 100)}%)`};
		}

		case 'hotspotResolved': {
			return {severity: 'info', text: `${event.hostId} ${resourceNames[event.resource]} hotspot resolved after ${event.durationSeconds} s`};
		}

		case 'planRejected': {
			return {severity: 'warn', text: `${event.hostId}: ${event.reason}`};
		}

		case 'migrationPlanned': {
			return {severity: 'info', text: `plan ${event.vmId} ${event.from} -> ${event.to} (VSR ${event.vsr.toFixed(4)})`};
		}

		case 'swapPlanned': {
			return {severity: 'info', text: `swap ${event.vmId} (${event.from}) with ${event.swappedVmIds.join(', ')} (${event.to}) via ${event.via}`};
		}

		case 'migrationStarted': {
			return {severity: 'info', text: `${event.mode} ${event.vmId} ${event.from} -> ${event.to} started`};
		}

		case 'migrationCompleted': {
			return {severity: 'info', text: `${event.vmId} now on ${event.to}: ${seconds(event.durationSeconds)}, down ${seconds(event.downtimeSeconds)}, ${Math.round(event.movedMiB)} MiB`};
		}

		case 'vmResized': {
			return {severity: 'info', text: `${event.vmId} resized in place on ${event.hostId}: ${Math.round(event.fromMiB)} -> ${Math.round(event.toMiB)} MiB`};
		}

		case 'migrationRefused': {
			return {severity: 'warn', text: `${event.vmId} -> ${event.to} refused: ${event.reason}`};
		}

		case 'migrationAborted':
		case 'migrationFailed': {
			return {severity: 'warn', text: `${event.vmId} ${event.type === 'migrationAborted' ? 'aborted' : 'failed'}: ${event.reason}`};
		}

		case 'vmLost': {
			return {severity: 'hot', text: `${event.vmId} LOST: ${event.reason}`};
		}

		case 'hostFailed': {
			return {severity: 'hot', text: `${event.hostId} FAILED, ${event.stoppedVmIds.length} VMs stopped`};
		}

		case 'hostRecovered': {
			return {severity: 'info', text: `${event.hostId} recovered`};
		}

		case 'loadInjected': {
			return {severity: 'info', text: `+${event.amount} ${event.resource} on ${event.target.kind === 'vm' ? event.target.vmId : event.target.hostId}`};
		}

		case 'loadCleared': {
			return {severity: 'info', text: `load cleared on ${event.target.kind === 'vm' ? event.target.vmId : event.target.hostId}`};
		}

		case 'policyChanged': {
			return {severity: 'info', text: `policy ${event.from} -> ${event.to}`};
		}

		case 'networkModeChanged': {
			return {severity: 'info', text: `${event.vmId} network ${event.from} -> ${event.to}: ${event.fromIp} -> ${event.toIp}${event.connectionsDropped > 0 ? `, ${event.connectionsDropped} connections dropped` : ''}`};
		}

		case 'vmNetworkMoved': {
			return {severity: event.effect.kind === 'arp' || event.effect.kind === 'overlay' ? 'info' : 'warn', text: `${event.vmId} network: ${describeEffect(event.effect)}`};
		}

		case 'hostPoweredOn': {
			return {severity: 'info', text: `${event.hostId} powered on, serving in ${event.bootSeconds} s`};
		}

		case 'hostBooted': {
			return {severity: 'info', text: `${event.hostId} booted`};
		}

		case 'hostPoweredOff': {
			return {severity: 'info', text: `${event.hostId} powered off`};
		}

		case 'drainStarted': {
			return {severity: 'info', text: `draining ${event.hostId}: ${event.vmIds.length} VMs to move`};
		}

		case 'hostDrained': {
			return {severity: 'info', text: `${event.hostId} drained`};
		}

		case 'snapshotStarted': {
			return {severity: 'info', text: `snapshot ${event.snapshotId} of ${event.vmId}: ${seconds(event.seconds)}`};
		}

		case 'snapshotTaken': {
			return {severity: 'info', text: `snapshot ${event.snapshotId} of ${event.vmId} saved, ${Math.round(event.storageMiB)} MiB`};
		}

		case 'cloneStarted': {
			return {severity: 'info', text: `cloning ${event.vmId} to ${event.hostId} as ${event.cloneId}: ${seconds(event.seconds)}`};
		}

		case 'cloneCreated': {
			return {severity: 'info', text: `${event.cloneId} runs on ${event.hostId}`};
		}

		case 'restoreStarted': {
			return {severity: 'info', text: `restoring ${event.vmId} from ${event.snapshotId}: ${seconds(event.seconds)}`};
		}

		case 'vmRestored': {
			return {severity: 'warn', text: `${event.vmId} restored from ${event.snapshotId}, ${seconds(event.lostSeconds)} of work lost`};
		}

		case 'vmRestartedFromSnapshot': {
			return {severity: 'warn', text: `${event.vmId} restarted on ${event.to} from ${event.snapshotId}, ${seconds(event.lostSeconds)} of work lost`};
		}

		case 'portForwardAdded': {
			return {severity: 'info', text: `${event.hostId}:${event.hostPort} now forwards to ${event.vmId}:${event.vmPort}`};
		}

		case 'portForwardRemoved': {
			return {severity: 'info', text: `${event.hostId}:${event.hostPort} -> ${event.vmId}:${event.vmPort} removed (${event.reason})`};
		}

		case 'networkAttached': {
			return {severity: 'info', text: `${event.vmId} joined ${event.network} as ${event.ip}`};
		}

		case 'networkDetached': {
			return {severity: 'info', text: `${event.vmId} left ${event.network} (${event.ip})`};
		}

		case 'commandRejected': {
			return {severity: 'warn', text: `${event.command} refused: ${event.reason}`};
		}

		case 'linkBandwidthChanged': {
			return {severity: 'info', text: `${event.hostId} link ${event.from} -> ${event.to} Mbit/s`};
		}

		case 'migrationPhaseChanged': {
			return {severity: 'info', text: `${event.vmId} ${event.phase} after ${seconds(event.elapsedSeconds)}`};
		}

		case 'migrationRound': {
			return {severity: 'info', text: `${event.vmId} round ${event.round}: ${Math.round(event.dataMiB)} MiB in ${seconds(event.seconds)}, ${Math.round(event.dirtiedMiB)} MiB dirtied`};
		}

		case 'vmFinished': {
			return {severity: 'info', text: `${event.vmId} finished (asks no CPU): it leaves ${event.hostId}`};
		}

		case 'hotspotEpisodeStarted': {
			return {severity: 'hot', text: `${event.hostId} ${metricResourceNames[event.resource]} hotspot episode begins`};
		}

		case 'hotspotEpisodeCured': {
			const detections = `${event.detections} detection${event.detections === 1 ? '' : 's'}`;
			return {severity: 'info', text: `${event.hostId} ${metricResourceNames[event.resource]} hotspot episode cured in ${event.cureSeconds} s (${detections})`};
		}

		case 'hotspotEpisodeCameBack': {
			return {severity: 'hot', text: `${event.hostId} ${metricResourceNames[event.resource]} hotspot came back ${event.afterSeconds} s after its cure`};
		}

		case 'hostOverloaded':
		case 'hostOverloadEnded':
		case 'loadExpired': {
			return undefined;
		}
	}
}

/** Events worth an alert: hotspots, refusals, failures and losses. */
export function isAlert(event: SimEvent): boolean {
	return ['hotspotDetected', 'hotspotResolved', 'planRejected', 'vmLost', 'hostFailed', 'migrationFailed', 'migrationAborted', 'vmRestartedFromSnapshot'].includes(event.type);
}

export function describeEvents(events: readonly SimEvent[], tickSeconds: number, filter: (event: SimEvent) => boolean = () => true): AlertModel[] {
	return events.filter(event => filter(event)).flatMap(event => {
		const line = describeEvent(event);
		return line ? [{...line, tick: event.tick, seconds: event.tick * tickSeconds}] : [];
	});
}

/** A line of the alerts panel: an episode's story, or an alert no episode tells (a failure, a loss, a refusal elsewhere). */
export type HotspotLineModel = {
	/** When the story began, or when the alert happened. */
	seconds: number;
	severity: AlertModel['severity'];
	/** `!` hot, `>` curing, `~` cooling or a warning, ` ` cured or information. */
	mark: '!' | '>' | '~' | ' ';
	/** `h09 CPU curing: 1 move under way`, or the alert's text. */
	head: string;
	/** What happened, oldest first (`moved vm20>h15`, `cured in 15 s`, `back after 60 s`); none for an alert. */
	story: readonly string[];
	/** Said after the story when there is room (the policy's reason for not moving anything); null for none. */
	note: string | null;
	/** An episode still open. */
	isOpen: boolean;
};

const episodeSeverity: Record<EpisodeModel['state'], HotspotLineModel['severity']> = {
	hot: 'hot', back: 'hot', curing: 'warn', cooling: 'warn', cured: 'info', resolved: 'info',
};

const episodeMark: Record<EpisodeModel['state'], HotspotLineModel['mark']> = {
	hot: '!', back: '!', curing: '>', cooling: '~', cured: ' ', resolved: ' ',
};

const alertMark: Record<AlertModel['severity'], HotspotLineModel['mark']> = {hot: '!', warn: '~', info: ' '};

/** What the episode lines tell already: the policy's detections and resolutions, and refusals on a host with an episode open. */
const toldByEpisodes = new Set<SimEvent['type']>(['hotspotDetected', 'hotspotResolved', 'planRejected']);

/**
The alerts panel: one line per hotspot episode, updated in place (open ones first, the newest first),
then cured episodes and the other alerts, the latest first.
*/
export function hotspotLines(events: readonly SimEvent[], tickSeconds: number, open: readonly OpenEpisode[] = []): HotspotLineModel[] {
	const {episodes, untold} = episodeLines(events, tickSeconds, open);
	const stories = episodes.map(episode => ({
		tick: episode.endTick ?? episode.startTick,
		line: {
			seconds: episode.startTick * tickSeconds,
			severity: episodeSeverity[episode.state],
			mark: episodeMark[episode.state],
			head: episodeHead(episode),
			story: storyParts(episode),
			note: storyNote(episode),
			isOpen: episode.endTick === null,
		} satisfies HotspotLineModel,
	}));
	const others = [...events.filter(event => isAlert(event) && !toldByEpisodes.has(event.type)), ...untold].flatMap(event => {
		const described = describeEvent(event);
		return described
			? [{
				tick: event.tick,
				line: {
					seconds: event.tick * tickSeconds, severity: described.severity, mark: alertMark[described.severity], head: described.text, story: [], note: null, isOpen: false,
				} satisfies HotspotLineModel,
			}]
			: [];
	});
	const openStories = stories.filter(story => story.line.isOpen);
	const rest = [...stories.filter(story => !story.line.isOpen), ...others].toSorted((a, b) => b.tick - a.tick);
	return [...openStories, ...rest].map(story => story.line);
}
