import {Box, Text} from 'ink';
import {fit} from '../format.js';
import {hintLine} from '../keymap.js';
import {
	barWidth, isTooSmall, minimumSize, visibleHostRows, type Size,
} from '../layout.js';
import type {DashboardModel} from '../view-model.js';
import {HostRow} from './host-row.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly model: DashboardModel;
	readonly size: Size;
	readonly isPaused: boolean;
	readonly speed: number;
	/** Shown in the status line: why a key did nothing, or that input is off. */
	readonly note?: string;
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

/** The live view: a status line, one line per host, and the key hints. */
export function Dashboard({model, size, isPaused, speed, note}: Props) {
	if (isTooSmall(size)) {
		return <TooSmall size={size}/>;
	}

	const idWidth = Math.max(3, ...model.hosts.map(host => host.id.length));
	const width = barWidth(size.columns, idWidth, model.n);
	const shown = visibleHostRows(size.rows, model.hosts.length);
	const hidden = model.hosts.length - shown;
	const header = `${fit('host', idWidth + 5)} ${fit('', (3 * (width + 9)) + 2)} ${fit('', 5)} ${fit(`${model.k}/${model.n}`, model.n)}`;
	return (
		<Box flexDirection='column'>
			<StatusLine status={model.status} isPaused={isPaused} speed={speed} note={note}/>
			<Text dimColor wrap='truncate'>{header}</Text>
			{model.hosts.slice(0, shown).map(host => (
				<HostRow key={host.id} host={host} idWidth={idWidth} barWidth={width} n={model.n} thresholds={model.thresholds}/>
			))}
			{hidden > 0 ? <Text dimColor wrap='truncate'>… {hidden} more hosts (a taller terminal shows them)</Text> : null}
			<Text dimColor wrap='truncate'>{hintLine()}</Text>
		</Box>
	);
}
