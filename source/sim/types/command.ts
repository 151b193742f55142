import type {LoadTarget} from './load.js';
import type {MigrationMode} from './migration.js';
import type {NetworkMode} from './network.js';
import type {Resource} from './resources.js';

/** The one vocabulary of the keyboard, scenario timelines and policy plans. */
export type Command
	= | {type: 'injectLoad'; target: LoadTarget; resource: Resource; amount: number; durationTicks: number | null}
		| {type: 'clearLoad'; target: LoadTarget}
		| {
			type: 'requestMigration';
			vmId: string;
			destinationHostId: string;
			mode: MigrationMode | null;
			/** A new allocation at the destination (a resize on arrival, SP09); null keeps the current one. */
			allocationMiB?: number | null;
			requestedBy?: string;
		}
		/** Grows or shrinks a VM's allocation on its host (ballooning), when the host has the memory. */
		| {type: 'resizeVm'; vmId: string; memoryMiB: number; requestedBy?: string}
		| {type: 'setPolicy'; policy: string}
		| {type: 'setNetworkMode'; vmId: string; mode: NetworkMode; /** For custom: the network (default the VM's first custom one). */ network?: string}
		| {type: 'addPortForward'; vmId: string; hostPort: number; vmPort: number}
		| {type: 'removePortForward'; hostId: string; hostPort: number}
		| {type: 'attachNetwork'; vmId: string; network: string}
		| {type: 'detachNetwork'; vmId: string; network: string}
		| {type: 'failHost'; hostId: string}
		| {type: 'recoverHost'; hostId: string}
		| {type: 'setLinkBandwidth'; hostId: string; networkMbps: number}
		| {type: 'powerOn'; hostId: string}
		| {type: 'powerOff'; hostId: string}
		| {type: 'drainHost'; hostId: string}
		| {type: 'snapshot'; vmId: string}
		| {type: 'clone'; vmId: string; destinationHostId: string}
		| {type: 'restore'; vmId: string; snapshotId: string};

export type CommandType = Command['type'];
