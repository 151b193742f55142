/**
A document given to `sandpiper plot`, told apart by the fields only its kind has, then checked against
that kind's schema: one line naming what is accepted when it is none of them or is malformed.
*/
import type * as z from 'zod';
import {safeText} from '../terminal/safe-text.js';
import {PlotInputError} from './plot-input-error.js';
import {
	evaluationSchema, migrationSchema, runSchema, sweepMergeSchema,
	type EvaluationInput, type MigrationInput, type RunInput, type SweepMergeInput,
} from './input-schema.js';

export type PlotInput
	= | {kind: 'run'; run: RunInput}
		| {kind: 'evaluation'; evaluation: EvaluationInput}
		| {kind: 'sweep'; sweep: SweepMergeInput}
		| {kind: 'migration'; migration: MigrationInput};

export const acceptedInputs = 'a headless JSON report (--headless --format json --events), an eval JSON, a sweep merge JSON or a migration JSON';

type Kind = PlotInput['kind'];

/** The kind a parsed document claims to be, by keys only that kind's writer puts at its top. */
function claimedKind(document: Record<string, unknown>): Kind | undefined {
	const has = (key: string) => Object.hasOwn(document, key);
	if (has('summary') && has('hosts')) {
		return 'run';
	}

	if (has('cells') && has('planned')) {
		return 'sweep';
	}

	if (has('policies') && has('seeds')) {
		return 'evaluation';
	}

	return has('precopy') && has('stopAndCopy') ? 'migration' : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(error: z.ZodError): string {
	const first = error.issues[0]!;
	const path = first.path.length === 0 ? 'the document' : first.path.map(String).join('.');
	return `${path}: ${first.message}`;
}

export function readPlotInput(text: string, file: string): PlotInput {
	const shown = safeText(file);
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch {
		throw new PlotInputError(`${shown}: not JSON; plot reads ${acceptedInputs}`);
	}

	const kind = isRecord(document) ? claimedKind(document) : undefined;
	switch (kind) {
		case 'run': {
			if (!isRecord(document) || !Object.hasOwn(document, 'events') || !Object.hasOwn(document, 'series')) {
				throw new PlotInputError(`${shown}: a run report without its events and series; make it with --headless --format json --events`);
			}

			const run = check(runSchema, document, shown);
			if (run.ticks === 0 || run.series.hosts.every(host => host.cpu.length === 0)) {
				throw new PlotInputError(`${shown}: an empty run (${run.ticks} ticks, no monitoring interval closed): nothing to plot`);
			}

			return {kind, run};
		}

		case 'evaluation': {
			return {kind, evaluation: check(evaluationSchema, document, shown)};
		}

		case 'sweep': {
			const sweep = check(sweepMergeSchema, document, shown);
			if (sweep.cells.length === 0) {
				throw new PlotInputError(`${shown}: a sweep merge with no cell: nothing to plot`);
			}

			return {kind, sweep};
		}

		case 'migration': {
			return {kind, migration: check(migrationSchema, document, shown)};
		}

		case undefined: {
			throw new PlotInputError(`${shown}: not a report plot reads; give ${acceptedInputs}`);
		}
	}
}

function check<Schema extends z.ZodType>(schema: Schema, document: unknown, shown: string): z.output<Schema> {
	const result = schema.safeParse(document);
	if (!result.success) {
		throw new PlotInputError(`${shown}: ${safeText(problem(result.error))}; plot reads ${acceptedInputs}`);
	}

	return result.data;
}
