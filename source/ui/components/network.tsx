/**
The network panel (wide layout) and the full-screen network view (`N`, both layouts).
*/
import {Box, Text} from 'ink';
import type {NetworkMode} from '../../sim/types.js';
import {fit} from '../format.js';
import type {NetworkModel, SelectedVmNetwork} from '../network-model.js';

const modeOrder: readonly NetworkMode[] = ['bridged', 'nat', 'host-only', 'custom'];
const shortMode: Readonly<Record<NetworkMode, string>> = {
	bridged: 'br', nat: 'nat', 'host-only': 'ho', custom: 'cu',
};

export function countsLine(counts: Readonly<Record<NetworkMode, number>>, short: boolean): string {
	return modeOrder.map(mode => `${short ? shortMode[mode] : mode} ${counts[mode]}`).join(short ? ' ' : '  ');
}

function ratio(value: {count: number; of: number}): string {
	return `${value.count}/${value.of}`;
}

/** `in: ext yes, hosts 17/17, VMs 20/34`. */
function reachedBy(vm: SelectedVmNetwork): string {
	return `in: ext ${vm.fromExternal.reachable ? 'y' : 'n'} hosts ${ratio(vm.reachedByHosts)} VMs ${ratio(vm.reachedByVms)}`;
}

/** Seven lines under the panel's title: counts, the selected VM, its reach, the host's forwards, a migration's effect. */
export function NetworkPanel({network, width}: {readonly network: NetworkModel; readonly width: number}) {
	const {vm} = network;
	const lines: Array<{text: string; color?: string; dim?: boolean}> = [{text: countsLine(network.counts, true)}];
	if (vm) {
		lines.push(
			{text: `${vm.id} ${vm.modeLabel} ${vm.ip}`, color: 'blue'},
			{text: `mac ${vm.mac}`, dim: true},
			{text: `ext ${vm.externalAddress ?? 'none'}${vm.otherNics.length > 0 ? ` +${vm.otherNics.length} NIC` : ''}`},
			{text: reachedBy(vm)},
		);
	} else {
		lines.push({text: 'no VM selected', dim: true});
	}

	lines.push({text: `${network.hostId ?? ''} fwd ${network.forwards.length === 0 ? 'none' : network.forwards.join(', ')}`, dim: network.forwards.length === 0});
	const migration = vm?.migrationBrief ?? network.migrations[0]?.brief;
	lines.push(migration === undefined ? {text: 'N: network view', dim: true} : {text: `mig: ${migration}`, color: 'yellow'});
	return (
		<Box flexDirection='column' width={width}>
			{lines.slice(0, 7).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- fixed rows of a panel
				<Text key={index} wrap='truncate' color={line.color} dimColor={line.dim}>{fit(line.text, width)}</Text>
			))}
		</Box>
	);
}

/** The full view: everything about the selected VM's network, then forwards and migrations. */
export function NetworkView({network, width, rows}: {readonly network: NetworkModel; readonly width: number; readonly rows: number}) {
	const {vm} = network;
	const lines: Array<{text: string; color?: string; bold?: boolean; dim?: boolean}> = [
		{text: `Network · ${countsLine(network.counts, false)}`, bold: true},
	];
	if (network.customNetworks.length > 0) {
		lines.push({text: `custom networks: ${network.customNetworks.join(', ')}`, dim: true});
	}

	if (vm) {
		lines.push({text: `${vm.id} on ${vm.hostId}: ${vm.modeLabel}, MAC ${vm.mac}, address ${vm.ip}, external ${vm.externalAddress ?? 'none'}${vm.networkFunction ? `, runs a ${vm.networkFunction}` : ''}`, color: 'blue'});
		if (vm.otherNics.length > 0) {
			lines.push({text: `  other NICs: ${vm.otherNics.join(', ')}`});
		}

		lines.push(
			{text: `  reached by: ${vm.fromExternal.reachable ? 'the outside' : 'not the outside'}, ${ratio(vm.reachedByHosts)} hosts, ${ratio(vm.reachedByVms)} VMs · reaches ${ratio(vm.reachesHosts)} hosts, ${ratio(vm.reachesVms)} VMs`},
			{text: `  from outside: ${vm.fromExternal.text}`, color: vm.fromExternal.reachable ? 'green' : 'red'},
		);
		if (vm.migration) {
			lines.push({text: `  migrating: ${vm.migration}`, color: 'yellow'});
		}
	} else {
		lines.push({text: 'no VM selected', dim: true});
	}

	lines.push({text: `NAT forwards on ${network.hostId ?? '-'}: ${network.forwards.length === 0 ? 'none' : network.forwards.join(', ')}`}, {text: `Migrations (${network.migrations.length}):${network.migrations.length === 0 ? ' none running' : ''}`, bold: true});
	for (const migration of network.migrations) {
		lines.push({text: `  ${migration.vmId} ${migration.from} -> ${migration.to}: ${migration.text}`, color: migration.breaks ? 'yellow' : undefined});
	}

	if (vm && vm.details.length > 0) {
		lines.push({text: `Who reaches ${vm.id}:`, bold: true});
		const room = Math.max(0, rows - lines.length - 2);
		// Unreachable sources first, those with the same reason on one line: they are the interesting ones.
		const refusals = new Map<string, string[]>();
		for (const line of vm.details.filter(detail => !detail.reachable)) {
			refusals.set(line.text, [...(refusals.get(line.text) ?? []), line.label]);
		}

		const details = [
			...[...refusals].map(([reason, labels]) => ({text: `  no  ${labels.length > 3 ? `${labels.slice(0, 3).join(' ')} +${labels.length - 3}` : labels.join(' ')}: ${reason}`, dim: false})),
			...vm.details.filter(line => line.reachable).map(line => ({text: `  yes ${line.text}`, dim: true})),
		];
		for (const line of details.slice(0, room)) {
			lines.push(line);
		}

		if (details.length > room) {
			lines.push({text: `  … ${details.length - room} more (a taller terminal shows them)`, dim: true});
		}
	}

	lines.push({text: 'up/down: another VM · n: cycle its mode · N or Esc: back', dim: true});
	return (
		<Box flexDirection='column'>
			{lines.slice(0, rows).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines of a report
				<Text key={index} wrap='truncate' bold={line.bold} color={line.color} dimColor={line.dim}>{fit(line.text, width)}</Text>
			))}
		</Box>
	);
}
