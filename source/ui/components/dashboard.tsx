import {Box, Text} from 'ink';
import {memo} from 'react';
import {fit} from '../format.js';
import {hintLine} from '../keymap.js';
import {
	barWidth, compactChrome, hostWindow, layoutFor, minimumSize, wideChrome, wideLogRows, widePanelRows, widePanelExtraRows, type Size,
} from '../layout.js';
import type {UiState} from '../ui-state.js';
import type {DashboardModel} from '../view-model.js';
import {networkSummary} from '../host-rows.js';
import type {AlertModel} from '../event-descriptions.js';
import type {HotspotLineModel} from '../hotspot-lines.js';
import type {VmRowModel} from '../vm-rows.js';
import type {NetworkModel} from '../network-model.js';
import {HostRow} from './host-row.js';
import {
	ClusterLine, HotspotLines, MigrationsLine, MigrationsPanel, PanelTitle,
} from './panels.js';
import {NetworkPanel, NetworkView} from './network.js';
import {StatusLine} from './status-line.js';
import {
	HelpView, MigrationsView, PickerView, VmsView, type DestinationRow,
} from './views.js';

/** Everything one frame shows. */
export type Screen = {
	model: DashboardModel;
	ui: UiState;
	/** The alerts panel: hotspot episodes (open ones first) and the other alerts, the latest first. */
	hotspots: readonly HotspotLineModel[];
	/** Every described event, oldest first. */
	log: readonly AlertModel[];
	/** The selected host's VMs. */
	vms: readonly VmRowModel[];
	/** The network panel's and view's data, for the selected VM and host. */
	network: NetworkModel;
	/** Rows of the migration picker, when open. */
	destinations: readonly DestinationRow[];
	/** A standing note (input off) shown when the UI has none. */
	standingNote?: string;
};

type Props = {
	readonly screen: Screen;
	readonly size: Size;
};

export function TooSmall({size}: {readonly size: Size}) {
	return (
		<Box flexDirection='column'>
			<Text wrap='truncate'>Terminal too small: {size.columns}x{size.rows}</Text>
			<Text wrap='truncate'>Needed: {minimumSize.columns}x{minimumSize.rows}</Text>
			<Text dimColor wrap='truncate'>q quits</Text>
		</Box>
	);
}

function HostGrid({screen, size, room, sparkWidth, hasPower = false}: {readonly screen: Screen; readonly size: Size; readonly room: number; readonly sparkWidth: number; readonly hasPower?: boolean}) {
	const {model, ui} = screen;
	const idWidth = Math.max(3, ...model.hosts.map(host => host.id.length));
	const powerWidth = hasPower ? 5 : 0;
	const width = barWidth(size.columns - powerWidth, idWidth, model.n, sparkWidth);
	const window = hostWindow(model.hosts.length, room, ui.hostIndex);
	// The header names the bars; the network one says what its second glyph is.
	const column = width + 5;
	const netLabel = ['NET ▒ migration', 'NET ▒ migr', 'NET'].find(label => label.length <= column)!;
	const before = `${fit('host', idWidth + 5)} ${['CPU', 'MEM', 'DSK'].map(label => fit(label, column)).join(' ')} `;
	const history = sparkWidth > 0 ? ` ${fit('CPU history', sparkWidth)}` : '';
	const after = `${fit(netLabel, column).slice(netLabel.length)} ${fit('', 5)} ${hasPower ? 'watt ' : ''}${fit(`${model.k}/${model.n}`, model.n)}${history}`;
	const header = fit(`${before}${netLabel}${after}`, size.columns - 1);
	const glyphAt = netLabel.includes('▒') ? before.length + 4 : -1;
	return (
		<Box flexDirection='column'>
			{glyphAt < 0 || glyphAt >= header.length
				? <Text dimColor wrap='truncate'>{header}</Text>
				: (
					<Text dimColor wrap='truncate'>
						{header.slice(0, glyphAt)}
						<Text color='cyan'>{header.slice(glyphAt, glyphAt + 1)}</Text>
						{header.slice(glyphAt + 1)}
					</Text>
				)}
			{model.hosts.slice(window.start, window.start + window.count).map((host, offset) => (
				<HostRow
					key={host.id}
					host={host}
					idWidth={idWidth}
					barWidth={width}
					thresholds={model.thresholds}
					isSelected={window.start + offset === ui.hostIndex}
					sparkWidth={sparkWidth}
					hasPower={hasPower}
				/>
			))}
			{window.hidden > 0 ? <Text dimColor wrap='truncate'>{fit(`… ${window.hidden} more hosts (up/down scroll; a taller terminal shows all)`, size.columns - 1)}</Text> : null}
		</Box>
	);
}

function Body({screen, size, rows}: {readonly screen: Screen; readonly size: Size; readonly rows: number}) {
	const {ui, model} = screen;
	const width = size.columns - 1;
	if (ui.help) {
		return <HelpView width={width} rows={rows}/>;
	}

	if (ui.picker) {
		return <PickerView picker={ui.picker} destinations={screen.destinations} width={width} rows={rows}/>;
	}

	if (ui.view === 'network') {
		return <NetworkView network={screen.network} width={width} rows={rows}/>;
	}

	if (ui.view === 'vms') {
		const host = model.hosts[ui.hostIndex];
		return <VmsView hostId={host?.id ?? ''} hypervisor={host?.hypervisorLabel ?? ''} network={host ? networkSummary(host) : ''} vms={screen.vms} selected={ui.vmIndex} width={width} rows={rows}/>;
	}

	return <MigrationsView migrations={model.migrations} selected={ui.migrationIndex} width={width} rows={rows}/>;
}

function Compact({screen, size}: Props) {
	const width = size.columns - 1;
	const usable = size.rows - 1;
	if (screen.ui.view !== 'hosts' || screen.ui.help || screen.ui.picker) {
		return <Body screen={screen} size={size} rows={usable - 2}/>;
	}

	return (
		<Box flexDirection='column'>
			<HostGrid screen={screen} size={size} room={usable - compactChrome} sparkWidth={0}/>
			<HotspotLines lines={screen.hotspots} width={width} rows={2}/>
			<MigrationsLine migrations={screen.model.migrations} width={width}/>
		</Box>
	);
}

function Wide({screen, size}: Props) {
	const width = size.columns - 1;
	const usable = size.rows - 1;
	const hostRoom = usable - wideChrome;
	if (screen.ui.view !== 'hosts' || screen.ui.help || screen.ui.picker) {
		return <Body screen={screen} size={size} rows={usable - 2}/>;
	}

	// Rows the hosts leave (a small datacenter on a tall terminal) go half to the panels (more episodes
	// and migrations), up to a limit, and the rest to the event log.
	const hostLines = Math.min(screen.model.hosts.length, Math.max(1, hostRoom));
	const spare = Math.max(0, hostRoom - hostLines);
	const panelRows = widePanelRows + Math.min(widePanelExtraRows, Math.ceil(spare / 2));
	const logRows = wideLogRows - 1 + spare - (panelRows - widePanelRows);
	const networkWidth = Math.max(30, Math.min(44, Math.floor(width * 0.27)));
	const alertsWidth = Math.max(30, Math.min(60, Math.floor(width * 0.31)));
	const migrationsWidth = width - networkWidth - alertsWidth - 2;
	return (
		<Box flexDirection='column'>
			<HostGrid hasPower screen={screen} size={size} room={hostRoom} sparkWidth={Math.min(24, Math.max(8, width - 105))}/>
			<Box flexDirection='row' height={panelRows}>
				<Box flexDirection='column' width={alertsWidth} flexShrink={0}>
					<PanelTitle title='Hotspot alerts' width={alertsWidth}/>
					<HotspotLines lines={screen.hotspots} width={alertsWidth} rows={panelRows - 1}/>
				</Box>
				<Text> </Text>
				<Box flexDirection='column' width={migrationsWidth} flexShrink={0}>
					<PanelTitle title={`Migrations (${screen.model.migrations.length})`} width={migrationsWidth}/>
					<MigrationsPanel migrations={screen.model.migrations} width={migrationsWidth} rows={panelRows - 1}/>
				</Box>
				<Text> </Text>
				<Box flexDirection='column' width={networkWidth} flexShrink={0}>
					<PanelTitle title='Network (N for more)' width={networkWidth}/>
					<NetworkPanel network={screen.network} width={networkWidth}/>
				</Box>
			</Box>
			<ClusterLine values={screen.model.clusterCpu} width={width} label='cluster CPU'/>
			<PanelTitle title='Events' width={width}/>
			{Array.from({length: logRows}, (_, index) => {
				const entry = screen.log.at(-logRows + index);
				return <LogLine key={index} text={entry ? fit(`${String(entry.tick).padStart(6)}  ${entry.text}`, width) : ' '} isDim={entry?.severity === 'info'}/>;
			})}
		</Box>
	);
}

/** A line of the event log: plain text props, so a line that reads the same is not rendered again. */
const LogLine = memo(({text, isDim}: {readonly text: string; readonly isDim: boolean}) => <Text wrap='truncate' dimColor={isDim}>{text}</Text>);

/** The whole frame: status line, the layout for this size, the key hints. */
export function Dashboard({screen, size}: Props) {
	const kind = layoutFor(size);
	if (kind === 'too-small') {
		return <TooSmall size={size}/>;
	}

	return (
		<Box flexDirection='column'>
			<StatusLine status={screen.model.status} isPaused={screen.ui.paused} speed={screen.ui.speed} note={screen.ui.note ?? screen.standingNote}/>
			{kind === 'wide' ? <Wide screen={screen} size={size}/> : <Compact screen={screen} size={size}/>}
			<Text dimColor wrap='truncate'>{fit(hintLine(size.columns - 1), size.columns - 1)}</Text>
		</Box>
	);
}
