import {Text} from 'ink';
import {barCells, extraGlyph, formatPercent} from '../format.js';
import {levelColor, levelOf} from '../theme.js';

type Props = {
	/** Shown before the bar; omitted where a column header names the meter. */
	readonly label?: string;
	readonly fraction: number;
	readonly width: number;
	readonly threshold: number;
	/**
	A second share after the first, in its own glyph (`▒`) and colour, outside the percentage and the
	level: on the network meter, migration traffic beside the VMs' own.
	*/
	readonly extra?: number;
	/** The percentage as shown, when the model has formatted it already. */
	readonly percent?: string;
};

/** `CPU ██████░░░░  62%`: the bar's colour follows the level; the percentage says it without colour. */
export function Meter({label, fraction, width, threshold, extra = 0, percent}: Props) {
	const level = levelOf(fraction, threshold);
	const cells = barCells(fraction, extra, width);
	return (
		<Text>
			{label === undefined ? null : <Text dimColor>{label} </Text>}
			<Text color={levelColor[level]}>{'█'.repeat(cells.filled)}</Text>
			{cells.extra > 0 ? <Text color='cyan'>{extraGlyph.repeat(cells.extra)}</Text> : null}
			<Text color={levelColor[level]}>{'░'.repeat(cells.empty)}</Text>
			<Text bold={level === 'hot'}> {percent ?? formatPercent(fraction)}</Text>
		</Text>
	);
}
