/**
The full-screen views: a host's VMs, all migrations, the help, and the pickers.
*/
import {Box, Text} from 'ink';
import {loadAmounts, loadResources, loadUnits} from '../picker-keys.js';
import type {Picker} from '../ui-state.js';
import {fit, formatPercent} from '../format.js';
import {keymap, type KeyContext} from '../keymap.js';
import type {MigrationRowModel} from '../migration-rows.js';
import type {VmRowModel} from '../vm-rows.js';
import {MigrationBlock} from './panels.js';

type VmsViewProps = {
	readonly hostId: string;
	readonly hypervisor: string;
	/** The host's network: the VMs' and the migrations' traffic, and which NIC the migrations use. */
	readonly network: string;
	readonly vms: readonly VmRowModel[];
	readonly selected: number;
	readonly width: number;
	readonly rows: number;
};

export function VmsView({
	hostId, hypervisor, network, vms, selected, width, rows,
}: VmsViewProps) {
	const header = `${fit('VM', 6)} ${fit('class', 12)} ${fit('state', 8)} ${fit('CPU', 6)} ${fit('WS/alloc MiB', 13)} ${fit('net Mb/s', 8)} ${fit('network', 9)} ${fit('virt', 4)} migration`;
	const room = rows - 3;
	const start = Math.max(0, Math.min(selected - room + 1, vms.length - room));
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate'>{fit(`VMs on ${hostId}, ${hypervisor} (Enter/Esc back, m migrate, S snapshot, c clone, n network)`, width)}</Text>
			<Text wrap='truncate'>{fit(network, width)}</Text>
			<Text dimColor wrap='truncate'>{fit(header, width)}</Text>
			{vms.length === 0 ? <Text dimColor>no VMs</Text> : null}
			{vms.slice(start, start + room).map((vm, offset) => {
				const line = `${fit(vm.id, 6)} ${fit(vm.vmClass, 12)} ${fit(vm.state, 8)} ${vm.cpuUnits.toFixed(1).padStart(6)} ${fit(`${Math.round(vm.workingSetMiB)}/${vm.memoryMiB}`, 13)} ${String(Math.round(vm.networkMbps)).padStart(8)} ${fit(vm.networkMode, 9)} ${fit(vm.technique, 4)} ${vm.migration ?? (vm.injected > 0 ? `+${vm.injected} load` : '')}`;
				return <Text key={vm.id} wrap='truncate' inverse={start + offset === selected}>{fit(line, width)}</Text>;
			})}
		</Box>
	);
}

export function MigrationsView({migrations, selected, width, rows}: {readonly migrations: readonly MigrationRowModel[]; readonly selected: number; readonly width: number; readonly rows: number}) {
	const fitting = Math.max(1, Math.floor((rows - 1) / 2));
	const start = Math.max(0, Math.min(selected - fitting + 1, migrations.length - fitting));
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate'>{fit(`Migrations: ${migrations.length} running (Tab or Esc back)`, width)}</Text>
			{migrations.length === 0 ? <Text dimColor>none running; select a host, Enter, a VM, then m</Text> : null}
			{migrations.slice(start, start + fitting).map((migration, offset) => (
				<MigrationBlock key={migration.id} migration={migration} width={width} isSelected={start + offset === selected}/>
			))}
		</Box>
	);
}

function keysFor(context: KeyContext) {
	return keymap.filter(binding => binding.contexts.includes(context) && (context === 'main' || !binding.contexts.includes('main')));
}

/** What the glyphs mean, after the keys (lines short enough for a column of the two-column help). */
export const legend: readonly string[] = [
	'Legend:',
	'bars: █ used, ░ free; red at the hotspot threshold',
	'NET: █ the VMs\' own traffic (the %), ▒ migrations',
	'  (larger of out and in; Enter: which NIC they use)',
	'alerts: a line per hotspot episode, updated in place:',
	'  ! HOT or came back, > curing: moves under way,',
	'  ~ cooling n/hold, cured in N s; then its story',
];

export function HelpView({width, rows}: {readonly width: number; readonly rows: number}) {
	const lines = [
		...keysFor('main').map(binding => `${fit(binding.label, 7)} ${binding.help}`),
		'',
		'In a picker:',
		...keysFor('picker').map(binding => `${fit(binding.label, 7)} ${binding.help}`),
		'',
		...legend,
	];
	const twoColumns = lines.length > rows - 2 && width >= 100;
	const half = Math.ceil(lines.length / 2);
	const columnWidth = twoColumns ? Math.floor((width - 1) / 2) : width;
	const shown = twoColumns
		? lines.slice(0, half).map((line, index) => `${fit(line, columnWidth)} ${fit(lines[half + index] ?? '', columnWidth)}`)
		: lines.slice(0, rows - 2);
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate'>{fit('Keys (Esc or ? closes)', width)}</Text>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines of a fixed text; two are blank
				<Text key={index} wrap='truncate'>{fit(line, width)}</Text>
			))}
			{!twoColumns && lines.length > rows - 2 ? <Text dimColor>{fit('… a taller or wider terminal shows all keys', width)}</Text> : null}
		</Box>
	);
}

export type DestinationRow = {hostId: string; cpu: number; freeMiB: number; refusal: string | undefined};

export function PickerView({picker, destinations, width, rows}: {readonly picker: Picker; readonly destinations: readonly DestinationRow[]; readonly width: number; readonly rows: number}) {
	if (picker.kind === 'load') {
		return (
			<Box flexDirection='column'>
				<Text bold wrap='truncate'>{fit(`Inject load on ${picker.label}: up/down resource, left/right amount, Enter go, Esc cancel`, width)}</Text>
				{loadResources.map((resource, index) => {
					const amounts = loadAmounts[resource].map((amount, amountIndex) => (index === picker.resourceIndex && amountIndex === picker.amountIndex ? `[${amount}]` : ` ${amount} `)).join(' ');
					return <Text key={resource} wrap='truncate' inverse={index === picker.resourceIndex}>{fit(`${fit(resource, 8)} ${amounts} ${loadUnits[resource]}`, width)}</Text>;
				})}
			</Box>
		);
	}

	const modes = [['p', 'precopy', 'pre-copy'], ['o', 'postcopy', 'post-copy'], ['s', 'stop-and-copy', 'stop-and-copy']] as const;
	const start = Math.max(0, Math.min(picker.destinationIndex - (rows - 4) + 1, destinations.length - (rows - 3)));
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate'>{fit(`Migrate ${picker.vmId} from ${picker.from}: up/down destination, p/o/s mode, Enter go, Esc cancel`, width)}</Text>
			<Text wrap='truncate'>
				{'mode: '}
				{modes.map(([key, mode, name]) => <Text key={mode} inverse={picker.mode === mode}>{` ${key} ${name} `}</Text>)}
			</Text>
			{destinations.slice(start, start + rows - 3).map((row, offset) => {
				const line = `${fit(row.hostId, 8)} CPU ${formatPercent(row.cpu)}  free ${String(Math.round(row.freeMiB)).padStart(5)} MiB  ${row.refusal === undefined ? 'ok' : `no: ${row.refusal}`}`;
				return <Text key={row.hostId} wrap='truncate' inverse={start + offset === picker.destinationIndex} dimColor={row.refusal !== undefined}>{fit(line, width)}</Text>;
			})}
		</Box>
	);
}
