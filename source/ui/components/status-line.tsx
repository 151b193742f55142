import {Text} from 'ink';
import {formatClock, formatPower, formatSpeed} from '../format.js';
import type {StatusModel} from '../view-model.js';

type Props = {
	readonly status: StatusModel;
	readonly isPaused: boolean;
	readonly speed: number;
	readonly note?: string;
};

/** Simulated clock, tick, speed, a PAUSED badge, policy, seed, scenario, hot hosts and migrations. */
export function StatusLine({status, isPaused, speed, note}: Props) {
	return (
		<Text wrap='truncate'>
			<Text>{formatClock(status.seconds)}</Text>
			<Text dimColor> tick {status.tick}</Text>
			{'  '}
			{isPaused ? <Text inverse bold> PAUSED </Text> : <Text>{formatSpeed(speed)}</Text>}
			{'  '}
			{note ? <Text color='yellow'>{note}{'  '}</Text> : null}
			<Text bold={status.hotHosts > 0} color={status.hotHosts > 0 ? 'red' : undefined}>hot {status.hotHosts}</Text>
			{'  '}
			<Text>migrating {status.migrations}</Text>
			{'  '}
			<Text>policy {status.policy}</Text>
			{'  '}
			<Text color='green'>{formatPower(status.powerWatts)} {status.energyKWh.toFixed(2)} kWh</Text>
			{'  '}
			<Text>{status.consolidationRatio.toFixed(1)}:1 on {status.activeHosts} @{Math.round(status.activeUtilisation * 100)}%</Text>
			<Text dimColor>  seed {status.seed}</Text>
			{'  '}
			<Text bold>{status.scenario}</Text>
		</Text>
	);
}
