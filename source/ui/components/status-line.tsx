import {Text} from 'ink';
import {memo} from 'react';
import {formatSpeed} from '../format.js';
import type {StatusModel} from '../view-model.js';

type Props = {
	readonly status: StatusModel;
	readonly isPaused: boolean;
	readonly speed: number;
	readonly note?: string;
};

/** Simulated clock, tick, speed, a PAUSED badge, policy, seed, scenario, hot hosts and migrations (figures formatted in the model). */
function Status({status, isPaused, speed, note}: Props) {
	return (
		<Text wrap='truncate'>
			<Text>{status.labels.clock}</Text>
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
			<Text color='green'>{status.labels.energy}</Text>
			{'  '}
			<Text>{status.labels.consolidation}</Text>
			<Text dimColor>  seed {status.seed}</Text>
			{'  '}
			<Text bold>{status.scenario}</Text>
		</Text>
	);
}

/** Memoised: a key that changes nothing it shows (a selection) does not render it again. */
export const StatusLine = memo(Status);
