/**
The network part of building a world: subnets that must not overlap, host addresses and private
ranges, each VM's NICs (MACs and addresses), NAT forwards and network functions. Every problem is an
issue with its JSON path, like the rest of the scenario's checks.
*/
import {
	AddressBook, nextMac, privateRanges, subnetOn,
} from '../network/addressing.js';
import {cidrProblem, parseCidr, overlaps} from '../network/ipv4.js';
import type {
	Host, NetworkConfig, NetworkFunction, Nic, PortForward, Vm,
} from '../sim/types.js';
import {planPools, type NamedSubnet} from './address-pools.js';
import type {ScenarioIssue} from './build-world.js';
import {vmClassOf} from './build-vm.js';
import type {Scenario} from './schema.js';
import type {ExpandedScenario} from './templates.js';

type ScenarioVm = Scenario['vms'][number];

export type BuiltNetwork = {
	config: NetworkConfig;
	forwards: PortForward[];
	nextMacSerial: number;
};

function checkSubnets(scenario: ExpandedScenario, growth: readonly NamedSubnet[], issues: ScenarioIssue[]): boolean {
	const named: NamedSubnet[] = [
		...scenario.racks.map((rack, index) => ({path: `racks[${index}].subnet`, label: `rack ${rack.id}'s`, subnet: rack.subnet})),
		...scenario.network.networks.map((network, index) => ({path: `network.networks[${index}].subnet`, label: `network ${network.id}'s`, subnet: network.subnet})),
		{path: 'network.natPool.subnet', label: 'the NAT pool', subnet: scenario.network.natPool.subnet},
		{path: 'network.hostOnlyPool.subnet', label: 'the host-only pool', subnet: scenario.network.hostOnlyPool.subnet},
		...growth,
	];
	let valid = true;
	for (const [index, entry] of named.entries()) {
		const problem = cidrProblem(entry.subnet);
		if (problem) {
			issues.push({path: entry.path, message: problem});
			valid = false;
			continue;
		}

		const cidr = parseCidr(entry.subnet)!;
		const clash = named.slice(0, index).find(other => {
			const otherCidr = parseCidr(other.subnet);
			return otherCidr !== undefined && overlaps(cidr, otherCidr);
		});
		if (clash) {
			issues.push({path: entry.path, message: `${entry.subnet} overlaps ${clash.label} ${clash.subnet}`});
			valid = false;
		}
	}

	for (const [name, pool] of [['natPool', scenario.network.natPool], ['hostOnlyPool', scenario.network.hostOnlyPool]] as const) {
		const cidr = parseCidr(pool.subnet);
		if (cidr && pool.prefix < cidr.prefix) {
			issues.push({path: `network.${name}.prefix`, message: `expected a prefix of at least ${cidr.prefix} (the pool's own), got ${pool.prefix}`});
			valid = false;
		}
	}

	const seen = new Set<string>();
	for (const [index, network] of scenario.network.networks.entries()) {
		if (seen.has(network.id)) {
			issues.push({path: `network.networks[${index}].id`, message: `duplicate network ${network.id}`});
		}

		seen.add(network.id);
	}

	return valid;
}

function checkFunction(fn: NetworkFunction, path: string, names: {vms: Set<string>; hosts: Set<string>; networks: Set<string>}, issues: ScenarioIssue[]): void {
	if (fn.kind === 'firewall') {
		for (const [index, rule] of fn.rules.entries()) {
			if (!['any', 'external'].includes(rule.from) && !names.vms.has(rule.from) && !names.hosts.has(rule.from) && !names.networks.has(rule.from)) {
				issues.push({path: `${path}.rules[${index}].from`, message: `expected any, external, a host, a VM or a custom network, got ${rule.from}`});
			}

			if (!['self', 'external'].includes(rule.to) && !names.vms.has(rule.to) && !names.hosts.has(rule.to)) {
				issues.push({path: `${path}.rules[${index}].to`, message: `expected self, external, a host or a VM, got ${rule.to}`});
			}
		}
	}

	if (fn.kind === 'load-balancer') {
		for (const [index, backend] of fn.backends.entries()) {
			if (!names.vms.has(backend)) {
				issues.push({path: `${path}.backends[${index}]`, message: `no VM ${backend}`});
			}
		}
	}
}

/** Fills each host's addresses and each VM's NICs and function; returns the network config and forwards. */
export function buildNetwork(scenario: ExpandedScenario, hosts: Host[], vms: ReadonlyArray<{vm: Vm; index: number; input: ScenarioVm}>, issues: ScenarioIssue[]): BuiltNetwork {
	const plan = planPools(scenario.network, hosts.length, issues);
	const config: NetworkConfig = {
		racks: scenario.racks.map(rack => ({...rack})),
		customNetworks: scenario.network.networks.map(network => ({...network})),
		natPool: plan.pools.natPool,
		hostOnlyPool: plan.pools.hostOnlyPool,
		connectionMbps: scenario.network.connectionMbps,
	};
	const built: BuiltNetwork = {config, forwards: [], nextMacSerial: 1};
	if (!checkSubnets(scenario, plan.growth, issues) || !plan.fits) {
		return built;
	}

	const book = new AddressBook();
	const rackSubnets = new Map(scenario.racks.map(rack => [rack.id, rack.subnet]));
	for (const [index, host] of hosts.entries()) {
		// The plan holds a range for every host.
		const ranges = privateRanges(config, index)!;
		const subnet = rackSubnets.get(host.rack);
		const ip = subnet === undefined ? undefined : book.take(subnet);
		if (subnet !== undefined && ip === undefined) {
			issues.push({path: `hosts[${index}].rack`, message: `rack ${host.rack}'s subnet ${subnet} has no free address left for ${host.id}: give it a larger subnet or add racks`});
		}

		host.addresses = {ip: ip ?? '0.0.0.0', ...ranges};
	}

	const networks = new Set(config.customNetworks.map(network => network.id));
	const names = {vms: new Set(vms.map(({vm}) => vm.id)), hosts: new Set(hosts.map(host => host.id)), networks};
	const declared = [...networks].join(', ') || 'none';
	const hostsById = new Map(hosts.map(host => [host.id, host]));

	// MACs a scenario names are taken first; generated ones go round them.
	const macOwners = new Map<string, string>();
	for (const {vm, index, input} of vms) {
		if (input.mac === undefined) {
			continue;
		}

		const owner = macOwners.get(input.mac);
		if (owner === undefined) {
			macOwners.set(input.mac, vm.id);
		} else {
			issues.push({path: `vms[${index}].mac`, message: `${input.mac} is already ${owner}'s MAC`});
		}
	}

	const usedMacs = new Set(macOwners.keys());
	for (const {vm, index, input} of vms) {
		const host = hostsById.get(vm.hostId);
		if (!host) {
			continue;
		}

		const mode = input.networkMode ?? vmClassOf(scenario, input.class)?.networkMode ?? 'bridged';
		if (mode === 'custom' && input.customNetwork === undefined) {
			issues.push({path: `vms[${index}].customNetwork`, message: `networkMode custom needs a customNetwork (declared: ${declared})`});
			continue;
		}

		if (input.customNetwork !== undefined && mode !== 'custom') {
			issues.push({path: `vms[${index}].customNetwork`, message: `a custom network needs networkMode "custom", got "${mode}"`});
			continue;
		}

		const wanted: Array<{mode: Nic['mode']; network: string | null; path: string}> = [
			{mode, network: input.customNetwork ?? null, path: `vms[${index}].customNetwork`},
			...input.attach.map((network, attachIndex) => ({mode: 'custom' as const, network, path: `vms[${index}].attach[${attachIndex}]`})),
		];
		const nics: Nic[] = [];
		for (const [nicIndex, nic] of wanted.entries()) {
			if (nic.network !== null && !networks.has(nic.network)) {
				issues.push({path: nic.path, message: `no network "${nic.network}" is declared (declared: ${declared})`});
				continue;
			}

			if (nics.some(other => other.network !== null && other.network === nic.network)) {
				issues.push({path: nic.path, message: `${vm.id} is already on ${nic.network}`});
				continue;
			}

			const subnet = subnetOn(config, host, nic.mode, nic.network);
			const ip = subnet === undefined ? undefined : book.take(subnet);
			if (ip === undefined) {
				issues.push({path: nic.path === `vms[${index}].customNetwork` ? `vms[${index}].networkMode` : nic.path, message: `${subnet ?? 'the subnet'} has no free address left for ${vm.id}`});
				continue;
			}

			let mac = nicIndex === 0 ? input.mac : undefined;
			if (mac === undefined) {
				const next = nextMac(host.hypervisor.family, built.nextMacSerial, usedMacs);
				mac = next.mac;
				built.nextMacSerial = next.nextSerial;
				usedMacs.add(mac);
			}

			nics.push({
				mac, mode: nic.mode, network: nic.network, ip,
			});
		}

		vm.nics = nics;
		vm.networkFunction = input.function ?? null;
		if (input.function) {
			checkFunction(input.function, `vms[${index}].function`, names, issues);
		}

		for (const [forwardIndex, forward] of input.forwards.entries()) {
			const path = `vms[${index}].forwards[${forwardIndex}]`;
			if (mode !== 'nat') {
				issues.push({path, message: `${vm.id} is ${mode}: port forwards need networkMode nat`});
				continue;
			}

			const taken = built.forwards.find(f => f.hostId === host.id && f.hostPort === forward.hostPort);
			if (taken) {
				issues.push({path: `${path}.hostPort`, message: `${host.id}:${forward.hostPort} is already forwarded to ${taken.vmId}:${taken.vmPort}`});
				continue;
			}

			built.forwards.push({
				hostId: host.id, hostPort: forward.hostPort, vmId: vm.id, vmPort: forward.vmPort,
			});
		}
	}

	return built;
}
