import {Text} from 'ink';
import {bar, formatPercent} from '../format.js';
import {levelColor, levelOf} from '../theme.js';

type Props = {
	readonly label: string;
	readonly fraction: number;
	readonly width: number;
	readonly threshold: number;
};

/** `CPU ██████░░░░  62%`: the bar's colour follows the level; the percentage says it without colour. */
export function Meter({label, fraction, width, threshold}: Props) {
	const level = levelOf(fraction, threshold);
	return (
		<Text>
			<Text dimColor>{label} </Text>
			<Text color={levelColor[level]}>{bar(fraction, width)}</Text>
			<Text bold={level === 'hot'}> {formatPercent(fraction)}</Text>
		</Text>
	);
}
