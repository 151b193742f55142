/**
`sandpiper network` as text: the addressing plan, the NAT forwards, how the outside reaches each VM,
and the reachability matrix (one character per pair, ids written down the column heads).
*/
import {safeJson, safeText} from '../terminal/safe-text.js';
import type {NetworkPlan} from './network-plan.js';

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column]!.length)));
	const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
	return [line(header), line(widths.map(width => '-'.repeat(width))), ...rows.map(row => line(row))];
}

function matrix(plan: NetworkPlan): string[] {
	const ids = ['external', ...plan.hosts.map(host => host.id), ...plan.vms.filter(vm => plan.reach.some(pair => pair.from === vm.id)).map(vm => vm.id)];
	const reachable = new Set(plan.reach.filter(pair => pair.reachable).map(pair => `${pair.from}>${pair.to}`));
	const labelWidth = Math.max(...ids.map(id => id.length));
	const headRows = Math.max(...ids.map(id => id.length));
	const lines = Array.from({length: headRows}, (_, row) => `${' '.repeat(labelWidth)} ${ids.map(id => id[row] ?? ' ').join('')}`.trimEnd());
	for (const from of ids) {
		lines.push(`${from.padEnd(labelWidth)} ${ids.map(to => (from === to ? '\\' : (reachable.has(`${from}>${to}`) ? '#' : '.'))).join('')}`);
	}

	return lines;
}

export function formatNetworkTable(plan: NetworkPlan): string {
	const lines = [
		`${plan.scenario} · addressing plan`,
		'',
		...table(['host', 'rack', 'address', 'NAT network', 'host-only network', 'state'], plan.hosts.map(host => [host.id, host.rack, host.ip, host.natSubnet, host.hostOnlySubnet, host.state])),
		'',
		...table(['vm', 'host', 'mode', 'MAC', 'address', 'external', 'more NICs', 'function'], plan.vms.map(vm => [
			vm.id,
			vm.host,
			vm.nics[0]!.network === null ? vm.mode : `${vm.mode}:${vm.nics[0]!.network}`,
			vm.mac,
			vm.ip,
			vm.externalAddress ?? '-',
			vm.nics.slice(1).map(nic => `${nic.network ?? nic.mode} ${nic.ip}`).join(', ') || '-',
			vm.networkFunction ?? '-',
		])),
	];
	if (plan.networks.length > 0) {
		lines.push('', ...table(['custom network', 'subnet', 'external'], plan.networks.map(network => [network.id, network.subnet, network.external ? 'yes' : 'no'])));
	}

	lines.push('', `NAT port forwards (${plan.forwards.length})`, ...(plan.forwards.length === 0 ? ['  none'] : plan.forwards.map(f => `  ${f.hostId}:${f.hostPort} -> ${f.vmId}:${f.vmPort}`)), '', 'From the outside');
	for (const pair of plan.reach.filter(pair => pair.from === 'external' && plan.vms.some(vm => vm.id === pair.to))) {
		lines.push(`  ${pair.to.padEnd(8)} ${pair.reachable ? pair.path : `no: ${pair.reason}`}`);
	}

	lines.push('', 'Reachability (rows reach columns: # yes, . no)', ...matrix(plan), '');
	// Names, rules and reasons come from the scenario file; the text has no styling of its own, so every line is made safe.
	return lines.map(line => safeText(line)).join('\n');
}

export function formatNetworkJson(plan: NetworkPlan): string {
	return `${safeJson(JSON.stringify(plan, null, 2))}\n`;
}
