/**
Which figure an input makes: the kind asked for, or the input's own (a run's timeline, an eval's or a
sweep's policies, the migration comparison); a kind the input cannot make is bad input.
*/
import {evaluationComparison, sweepComparison} from './comparison.js';
import type {Figure, FigureKind} from './figure.js';
import {migrationFigure} from './migration.js';
import {policiesFigure} from './policies.js';
import {PlotInputError} from './plot-input-error.js';
import type {PlotInput} from './read-input.js';
import {timelineFigure} from './timeline.js';
import {tradeoffFigure} from './tradeoff.js';

const inputNames: Readonly<Record<PlotInput['kind'], string>> = {
	run: 'a run report',
	evaluation: 'an eval',
	sweep: 'a sweep merge',
	migration: 'a migration comparison',
};

const kindsOf: Readonly<Record<PlotInput['kind'], readonly FigureKind[]>> = {
	run: ['timeline'],
	evaluation: ['policies', 'tradeoff'],
	sweep: ['policies', 'tradeoff'],
	migration: ['migration'],
};

export type FigureRequest = {kind?: FigureKind; hosts?: readonly string[]};

export function buildFigure(input: PlotInput, request: FigureRequest): Figure {
	const kinds = kindsOf[input.kind];
	const kind = request.kind ?? kinds[0]!;
	if (!kinds.includes(kind)) {
		const accepted = 'timeline: a run report; policies, tradeoff: an eval or sweep merge; migration: a migration JSON';
		throw new PlotInputError(`--kind ${kind}: the input is ${inputNames[input.kind]}, which makes ${kinds.join(' or ')} (${accepted})`);
	}

	if (request.hosts !== undefined && input.kind !== 'run') {
		throw new PlotInputError(`--hosts: only a run report's timeline draws hosts; the input is ${inputNames[input.kind]}`);
	}

	switch (input.kind) {
		case 'run': {
			return timelineFigure(input.run, request.hosts);
		}

		case 'migration': {
			return migrationFigure(input.migration);
		}

		case 'evaluation':
		case 'sweep': {
			const comparison = input.kind === 'evaluation' ? evaluationComparison(input.evaluation) : sweepComparison(input.sweep);
			return kind === 'tradeoff' ? tradeoffFigure(comparison) : policiesFigure(comparison);
		}
	}
}
