/** Events in words, one line each, for the log and the alerts. */
import {describeEffect} from '../network/effects.js';
import type {Resource, SimEvent} from '../sim/types.js';
import type {MetricResource} from '../sim/episode-state.js';

export type AlertModel = {tick: number; seconds: number; text: string; severity: 'hot' | 'warn' | 'info'};

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
