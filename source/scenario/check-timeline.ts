/**
The checks timed commands get against the built world, a scenario's timeline and a replayed session's
alike: the VMs, hosts and networks they name exist, and a policy they switch to is known. Clones made
by earlier commands get ids like `vm01-c7`, so those are taken on trust for a VM cloned before.
*/
import type {Command, World} from '../sim/types.js';
import type {KnownPolicies} from '../policy/registry.js';
import type {ScenarioIssue} from './build-world.js';

/** The VM and host a command names, for checking that they exist. */
function commandReferences(command: Command): {vmId?: string; hostId?: string} {
	switch (command.type) {
		case 'injectLoad':
		case 'clearLoad': {
			return command.target.kind === 'vm' ? {vmId: command.target.vmId} : {hostId: command.target.hostId};
		}

		case 'requestMigration': {
			return {vmId: command.vmId, hostId: command.destinationHostId};
		}

		case 'resizeVm':
		case 'setNetworkMode':
		case 'addPortForward':
		case 'attachNetwork':
		case 'detachNetwork': {
			return {vmId: command.vmId};
		}

		case 'snapshot':
		case 'restore': {
			return {vmId: command.vmId};
		}

		case 'clone': {
			return {vmId: command.vmId, hostId: command.destinationHostId};
		}

		case 'removePortForward':
		case 'powerOn':
		case 'powerOff':
		case 'drainHost':
		case 'failHost':
		case 'recoverHost':
		case 'setLinkBandwidth': {
			return {hostId: command.hostId};
		}

		case 'setPolicy': {
			return {};
		}
	}
}

/** Whether `vmId` is a clone (`vm01-c7`, `vm01-c7-c9`) of a VM some earlier command cloned. */
function isCloneOf(vmId: string, cloned: ReadonlySet<string>): boolean {
	const match = /^(.+)-c\d+$/v.exec(vmId);
	return match !== null && cloned.has(match[1]!);
}

/**
Issues with `timeline`'s commands in `world` as built (before any tick), each at `label[i].command`.
Commands are taken in tick order (a scenario's timeline may list them in any), as they will run.
*/
export function checkTimedCommands(world: World, timeline: ReadonlyArray<{tick: number; command: Command}>, knownPolicies: KnownPolicies, label: string): ScenarioIssue[] {
	// Per command, so that the issues come out in the timeline's own order.
	const issues: ScenarioIssue[][] = timeline.map(() => []);
	const hostIds = new Set(world.hosts.map(host => host.id));
	const vmIds = new Set(world.vms.map(vm => vm.id));
	const networks = world.config.network.customNetworks.map(network => network.id);
	const networkIds = new Set(networks);
	const cloned = new Set<string>();
	const inOrder = timeline.map((entry, index) => ({entry, index})).toSorted((a, b) => (a.entry.tick - b.entry.tick) || (a.index - b.index));
	for (const {entry: {command}, index} of inOrder) {
		const path = `${label}[${index}].command`;
		const found = issues[index]!;
		const {vmId, hostId} = commandReferences(command);
		const vmKnown = vmId !== undefined && (vmIds.has(vmId) || isCloneOf(vmId, cloned));
		if (vmId !== undefined && !vmKnown) {
			found.push({path, message: `no VM ${vmId}`});
		}

		if (hostId !== undefined && !hostIds.has(hostId)) {
			found.push({path, message: `no host ${hostId}`});
		}

		if (command.type === 'clone' && vmKnown) {
			cloned.add(command.vmId);
		}

		const network = 'network' in command ? command.network : undefined;
		if (network !== undefined && !networkIds.has(network)) {
			found.push({path: `${path}.network`, message: `no network "${network}" is declared (declared: ${networks.join(', ') || 'none'})`});
		}

		if (command.type === 'setPolicy' && !knownPolicies.has(command.policy)) {
			found.push({path: `${path}.policy`, message: knownPolicies.describe(command.policy)});
		}
	}

	return issues.flat();
}
