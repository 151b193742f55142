/**
Templates: a rack, host or VM entry with `count` stands for that many copies. A copy's id is the
entry's `idPrefix` and its number within the entry (`web-01`), or, without a prefix, its position in
the expanded list (`h001`, `vm0042`, `r01`); a rack copy takes the block after the one before it; a VM
copy goes `hostStride` places further down the hosts list than the one before. Problems found later
in the expanded lists are told at the entry in the file, with the copy they concern.
*/
import {cidrProblem, formatCidr, parseCidr} from '../network/ipv4.js';
import type {ScenarioIssue} from './build-world.js';
import {numberedId} from './defaults.js';
import {maxCopies} from './scenario-limits.js';
import type {Scenario} from './schema.js';

type Rack = {id: string; subnet: string};

/** A scenario with its templates expanded: every rack named, no `count`, `idPrefix` or `hostStride` left. */
export type ExpandedScenario = Omit<Scenario, 'racks'> & {racks: Rack[]};

type ListName = keyof typeof maxCopies;

/** Where an expanded entry came from: the entry's index in the file, and which copy of how many. */
type Origin = {entry: number; copy: number; count: number};

export type Expansion = {
	scenario: ExpandedScenario;
	/** Problems with the templates themselves: the scenario is not built when there are any. */
	issues: ScenarioIssue[];
	/** Issues found in the expanded lists, told at the file's entries. */
	relocate(issues: readonly ScenarioIssue[]): ScenarioIssue[];
};

type Entry = {count?: number; idPrefix?: string; id?: string};

function origins(entries: readonly Entry[]): Origin[] {
	return entries.flatMap((entry, index) => Array.from({length: entry.count ?? 1}, (_, copy) => ({entry: index, copy, count: entry.count ?? 1})));
}

/** The total a list expands to, checked against its limit when it has templates; undefined when over. */
function checkedTotal(name: ListName, entries: readonly Entry[], issues: ScenarioIssue[]): number | undefined {
	let total = 0;
	for (const [index, entry] of entries.entries()) {
		if (entry.count === undefined) {
			if (entry.idPrefix !== undefined) {
				issues.push({path: `${name}[${index}].idPrefix`, message: 'an id prefix names the copies of a template: give count too (or an id)'});
			}
		} else if (entry.id !== undefined && entry.count > 1) {
			issues.push({path: `${name}[${index}].id`, message: `the ${entry.count} copies of a template need ids of their own: give idPrefix, or nothing to number them by position`});
		}

		total += entry.count ?? 1;
	}

	const limit = maxCopies[name];
	if (entries.some(entry => entry.count !== undefined) && total > limit) {
		issues.push({path: name, message: `the templates make ${total} ${name}; at most ${limit}`});
		return undefined;
	}

	return total;
}

function copyId(entry: Entry, copy: number): string | undefined {
	return entry.idPrefix === undefined ? entry.id : `${entry.idPrefix}${numberedId('', copy, entry.count ?? 1)}`;
}

function expandRacks(racks: Scenario['racks'], total: number, issues: ScenarioIssue[]): Rack[] {
	const expanded: Rack[] = [];
	for (const [index, rack] of racks.entries()) {
		const count = rack.count ?? 1;
		const cidr = parseCidr(rack.subnet);
		// A malformed subnet is told by the network's checks; the copies keep it.
		const size = cidr && cidrProblem(rack.subnet) === undefined ? 2 ** (32 - cidr.prefix) : 0;
		if (cidr && cidr.base + (count * size) > 2 ** 32) {
			issues.push({path: `racks[${index}].count`, message: `${count} blocks of /${cidr.prefix} from ${rack.subnet} go past 255.255.255.255`});
			continue;
		}

		for (let copy = 0; copy < count; copy++) {
			expanded.push({
				id: copyId(rack, copy) ?? numberedId('r', expanded.length, total),
				subnet: cidr && copy > 0 ? formatCidr({base: cidr.base + (copy * size), prefix: cidr.prefix}) : rack.subnet,
			});
		}
	}

	return expanded;
}

function withoutTemplate<T extends Entry & {hostStride?: number}>(entry: T): Omit<T, 'count' | 'idPrefix' | 'hostStride'> {
	const {count, idPrefix, hostStride, ...rest} = entry;
	return rest;
}

function isTemplate(entry: Entry & {hostStride?: number}): boolean {
	return entry.count !== undefined || entry.idPrefix !== undefined || entry.hostStride !== undefined;
}

function expandHosts(hosts: Scenario['hosts']): Scenario['hosts'] {
	// Generated datacenters list hundreds of thousands of hosts one by one: those are not copied.
	if (!hosts.some(host => isTemplate(host))) {
		return hosts;
	}

	return hosts.flatMap(host => Array.from({length: host.count ?? 1}, (_, copy) => {
		const id = copyId(host, copy);
		return id === undefined ? withoutTemplate(host) : {...withoutTemplate(host), id};
	}));
}

function expandVms(vms: Scenario['vms'], hosts: Scenario['hosts'], issues: ScenarioIssue[]): Scenario['vms'] {
	if (!vms.some(vm => isTemplate(vm))) {
		return vms;
	}

	// The ids buildWorld gives the hosts: their own, or numbered by position.
	const hostIds = hosts.map((host, position) => host.id ?? numberedId('h', position, hosts.length));
	const positions = new Map(hostIds.map((id, position) => [id, position]));
	return vms.flatMap((vm, index) => {
		const count = vm.count ?? 1;
		if (vm.hostStride !== undefined && vm.count === undefined) {
			issues.push({path: `vms[${index}].hostStride`, message: 'a stride spreads the copies of a template: give count too'});
		}

		if (count > 1 && vm.mac !== undefined) {
			issues.push({path: `vms[${index}].mac`, message: `the ${count} copies of a template cannot share one MAC: leave it out to generate one each`});
		}

		const first = positions.get(vm.host);
		const stride = vm.hostStride ?? 0;
		const last = first === undefined ? undefined : first + ((count - 1) * stride);
		if (last !== undefined && last >= hostIds.length) {
			issues.push({path: `vms[${index}].hostStride`, message: `copy ${count} would be on host ${last + 1} of ${hostIds.length} (from ${vm.host}, ${stride} further each copy)`});
			return [];
		}

		return Array.from({length: count}, (_, copy) => {
			// An unknown host stays as written, for the build to report.
			const host = first === undefined ? vm.host : hostIds[first + (copy * stride)]!;
			const id = copyId(vm, copy);
			return id === undefined ? {...withoutTemplate(vm), host} : {...withoutTemplate(vm), host, id};
		});
	});
}

const listPath = /^(racks|hosts|vms)\[(\d+)\]/v;

/** Expands the scenario's templates. A scenario without any comes back as it is, so its issues read as before. */
export function expandTemplates(scenario: Scenario): Expansion {
	const issues: ScenarioIssue[] = [];
	const totals = {
		racks: checkedTotal('racks', scenario.racks, issues),
		hosts: checkedTotal('hosts', scenario.hosts, issues),
		vms: checkedTotal('vms', scenario.vms, issues),
	};
	if (totals.racks === undefined || totals.hosts === undefined || totals.vms === undefined || issues.length > 0) {
		return {scenario: {...scenario, racks: []}, issues, relocate: found => [...found]};
	}

	const hosts = expandHosts(scenario.hosts);
	const expanded: ExpandedScenario = {
		...scenario,
		racks: expandRacks(scenario.racks, totals.racks, issues),
		hosts,
		vms: expandVms(scenario.vms, hosts, issues),
	};
	// Only lists with templates: the others' paths are the file's already.
	const from = new Map<string, Origin[]>();
	for (const [name, entries] of [['racks', scenario.racks], ['hosts', scenario.hosts], ['vms', scenario.vms]] as const) {
		if (entries.some(entry => entry.count !== undefined)) {
			from.set(name, origins(entries));
		}
	}

	return {
		scenario: expanded,
		issues,
		relocate: found => found.map(issue => {
			const match = listPath.exec(issue.path);
			const origin = match ? from.get(match[1]!)?.[Number(match[2])] : undefined;
			if (!match || !origin) {
				return issue;
			}

			const path = `${match[1]}[${origin.entry}]${issue.path.slice(match[0].length)}`;
			return origin.count > 1 ? {path, message: `${issue.message} (copy ${origin.copy + 1} of ${origin.count})`} : {path, message: issue.message};
		}),
	};
}
