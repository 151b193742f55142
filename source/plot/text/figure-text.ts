/** A figure drawn in text, `columns` wide: what `plot --format text` prints for a terminal (and over SSH). */
import type {Figure} from '../figure.js';
import {migrationText} from './migration-text.js';
import {policiesText} from './policies-text.js';
import {timelineText} from './timeline-text.js';
import {tradeoffText} from './tradeoff-text.js';

export function figureText(figure: Figure, columns: number): string {
	const lines = linesOf(figure, columns);
	return lines.join('\n') + '\n';
}

function linesOf(figure: Figure, columns: number): string[] {
	switch (figure.kind) {
		case 'timeline': {
			return timelineText(figure, columns);
		}

		case 'policies': {
			return policiesText(figure, columns);
		}

		case 'tradeoff': {
			return tradeoffText(figure, columns);
		}

		case 'migration': {
			return migrationText(figure, columns);
		}
	}
}
