import type {MetricResource} from '../episode-state.js';
import type {CommandType} from './command.js';
import type {LoadTarget} from './load.js';
import type {MigrationMode, MigrationPhase} from './migration.js';
import type {NetworkEffect, NetworkMode} from './network.js';
import type {Resource} from './resources.js';

type At = {tick: number};

/** What happened, in the past tense. `tick` is the tick during which it happened. */
export type SimEvent = At & (
	| {type: 'loadInjected'; target: LoadTarget; resource: Resource; amount: number; durationTicks: number | null}
	| {type: 'loadCleared'; target: LoadTarget; count: number}
	| {type: 'loadExpired'; target: LoadTarget; resource: Resource; amount: number}
	| {type: 'migrationStarted'; migrationId: string; vmId: string; from: string; to: string; mode: MigrationMode; requestedBy: string}
	| {type: 'migrationCompleted'; migrationId: string; vmId: string; from: string; to: string; mode: MigrationMode; durationSeconds: number; downtimeSeconds: number; movedMiB: number}
	| {type: 'migrationAborted'; migrationId: string; vmId: string; from: string; to: string; reason: string}
	| {type: 'migrationRound'; migrationId: string; vmId: string; round: number; dataMiB: number; seconds: number; dirtiedMiB: number}
	| {type: 'migrationPhaseChanged'; migrationId: string; vmId: string; phase: MigrationPhase; sentMiB: number; elapsedSeconds: number}
	| {type: 'migrationFailed'; migrationId: string; vmId: string; from: string; to: string; reason: string}
	| {type: 'vmLost'; vmId: string; reason: string}
	/** Its workload asks nothing: CloudSim's datacenter takes such a VM as done and removes it for good. */
	| {type: 'vmFinished'; vmId: string; hostId: string}
	| {type: 'linkBandwidthChanged'; hostId: string; from: number; to: number}
	| {type: 'vmResized'; vmId: string; hostId: string; fromMiB: number; toMiB: number; requestedBy: string}
	| {type: 'migrationRefused'; vmId: string; to: string; reason: string}
	| {type: 'hostOverloaded'; hostId: string; resources: Resource[]}
	| {type: 'hostOverloadEnded'; hostId: string; durationTicks: number}
	| {type: 'hostFailed'; hostId: string; stoppedVmIds: string[]}
	| {type: 'hostRecovered'; hostId: string; restartedVmIds: string[]}
	| {type: 'policyChanged'; from: string; to: string}
	| {type: 'networkModeChanged'; vmId: string; from: NetworkMode; to: NetworkMode; fromIp: string; toIp: string; connectionsDropped: number}
	| {type: 'portForwardAdded'; hostId: string; hostPort: number; vmId: string; vmPort: number}
	| {type: 'portForwardRemoved'; hostId: string; hostPort: number; vmId: string; vmPort: number; reason: string}
	| {type: 'networkAttached'; vmId: string; network: string; ip: string}
	| {type: 'networkDetached'; vmId: string; network: string; ip: string}
	| {type: 'hostPoweredOn'; hostId: string; bootSeconds: number}
	| {type: 'hostBooted'; hostId: string}
	| {type: 'hostPoweredOff'; hostId: string}
	| {type: 'drainStarted'; hostId: string; vmIds: string[]}
	| {type: 'hostDrained'; hostId: string}
	| {type: 'snapshotStarted'; vmId: string; snapshotId: string; seconds: number}
	| {type: 'snapshotTaken'; vmId: string; snapshotId: string; memoryMiB: number; storageMiB: number}
	| {type: 'cloneStarted'; vmId: string; cloneId: string; hostId: string; seconds: number}
	| {type: 'cloneCreated'; vmId: string; cloneId: string; hostId: string}
	| {type: 'restoreStarted'; vmId: string; snapshotId: string; seconds: number}
	| {type: 'vmRestored'; vmId: string; snapshotId: string; lostSeconds: number}
	| {type: 'vmRestartedFromSnapshot'; vmId: string; from: string; to: string; snapshotId: string; lostSeconds: number}
	| {type: 'vmNetworkMoved'; migrationId: string | null; vmId: string; from: string; to: string; effect: NetworkEffect}
	| {type: 'commandRejected'; command: CommandType; reason: string}
	| {type: 'hotspotDetected'; hostId: string; resource: Resource; samples: number[]; forecast: number}
	| {type: 'hotspotResolved'; hostId: string; resource: Resource; durationSeconds: number}
	/** The yardstick's episodes (./episodes.ts), whatever the policy: first detection, cure (after the hold), and a detection soon after a cure. */
	| {type: 'hotspotEpisodeStarted'; hostId: string; resource: MetricResource}
	| {type: 'hotspotEpisodeCured'; hostId: string; resource: MetricResource; cureSeconds: number; detections: number}
	| {type: 'hotspotEpisodeCameBack'; hostId: string; resource: MetricResource; afterSeconds: number}
	| {type: 'migrationPlanned'; vmId: string; from: string; to: string; vsr: number; reason: string}
	| {type: 'swapPlanned'; vmId: string; from: string; to: string; swappedVmIds: string[]; via: string}
	| {type: 'planRejected'; hostId: string; reason: string}
);

export type SimEventType = SimEvent['type'];
