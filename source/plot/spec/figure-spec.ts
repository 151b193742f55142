/** A figure's Vega-Lite spec, by its kind. */
import type {TopLevelSpec} from 'vega-lite';
import type {Figure} from '../figure.js';
import {migrationSpec} from './migration-spec.js';
import {policiesSpec} from './policies-spec.js';
import {timelineSpec, type Size} from './timeline-spec.js';
import {tradeoffSpec} from './tradeoff-spec.js';

export function figureSpec(figure: Figure, size: Partial<Size>): TopLevelSpec {
	switch (figure.kind) {
		case 'timeline': {
			return timelineSpec(figure, size);
		}

		case 'policies': {
			return policiesSpec(figure, size);
		}

		case 'tradeoff': {
			return tradeoffSpec(figure, size);
		}

		case 'migration': {
			return migrationSpec(figure, size);
		}
	}
}
