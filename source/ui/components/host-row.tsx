import {Text} from 'ink';
import {memo} from 'react';
import {fit, sparkline} from '../format.js';
import type {HostMarker, HostRowModel} from '../host-rows.js';
import {Meter} from './meter.js';

type Props = {
	readonly host: HostRowModel;
	readonly idWidth: number;
	readonly barWidth: number;
	readonly thresholds: {cpu: number; memory: number; disk: number; network: number};
	readonly isSelected: boolean;
	/** Cells of CPU sparkline after the row (0: none). */
	readonly sparkWidth: number;
	/** Show the host's draw in watts (wide layout). */
	readonly hasPower?: boolean;
};

const markers: Readonly<Record<HostMarker, {text: string; color?: 'red' | 'yellow' | 'gray' | 'cyan'; inverse?: boolean}>> = {
	down: {text: 'DOWN', color: 'gray', inverse: true},
	off: {text: 'off ', color: 'gray'},
	booting: {text: 'boot', color: 'cyan'},
	draining: {text: 'drn ', color: 'yellow'},
	hot: {text: 'HOT ', color: 'red', inverse: true},
	overloaded: {text: 'ovl ', color: 'yellow'},
	scratch: {text: 'scr ', color: 'cyan'},
	none: {text: '    '},
};

/**
One host on one line: id, marker, CPU / memory / disk / network bars (named by the column header), VM
count, the k-of-n history and a sparkline. The network bar is the VMs' own traffic, then in `▒` the
migration traffic (../host-rows.ts `migrationNetwork`), which the percentage leaves out. Memoised: a
frame keeps a row's object while its data is unchanged (../keep-unchanged.ts), so such a row is skipped.
*/
function HostLine({host, idWidth, barWidth, thresholds, isSelected, sparkWidth, hasPower = false}: Props) {
	const marker = markers[host.marker];
	return (
		<Text wrap='truncate'>
			<Text bold inverse={isSelected}>{fit(host.id, idWidth)}</Text>
			{' '}
			<Text bold color={marker.color} inverse={marker.inverse}>{marker.text}</Text>
			{' '}
			<Meter fraction={host.cpu} percent={host.labels.cpu} width={barWidth} threshold={thresholds.cpu}/>
			{' '}
			<Meter fraction={host.memory} percent={host.labels.memory} width={barWidth} threshold={thresholds.memory}/>
			{' '}
			<Meter fraction={host.disk} percent={host.labels.disk} width={barWidth} threshold={thresholds.disk}/>
			{' '}
			<Meter fraction={host.network} extra={host.migrationNetwork} percent={host.labels.network} width={barWidth} threshold={thresholds.network}/>
			{' '}
			<Text>{host.labels.vms}</Text>
			{' '}
			{hasPower ? <Text color='green'>{host.labels.watts}</Text> : null}
			<Text color={host.marker === 'hot' ? 'red' : undefined}>{host.labels.history}</Text>
			{sparkWidth > 0 ? <Text color='cyan'>{` ${sparkline(host.cpuHistory, sparkWidth)}`}</Text> : null}
		</Text>
	);
}

export const HostRow = memo(HostLine);
