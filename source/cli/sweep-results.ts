/**
A sweep's output directory: its plan (`sweep-plan.json`, so that merge knows what is missing) and one
JSON file per run, named by run id. Each is written under a temporary name and renamed whole, so a
killed run leaves no half-written result, and a run that has its file is done (a resumed sweep skips it).
*/
import {existsSync} from 'node:fs';
import {mkdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {UsageError} from '../options/usage.js';
import {printable} from '../scenario/printable.js';
import type {SweepPlan} from '../sweep/plan.js';
import {planFileName, resultPath} from '../sweep/result-names.js';
import type {RunRecord} from '../sweep/run-one.js';
import {fileSink, OutputError} from './sink.js';

export function hasResult(directory: string, id: string): boolean {
	return existsSync(resultPath(directory, id));
}

async function writeWhole(path: string, text: string): Promise<void> {
	const sink = await fileSink(path).catch((error: unknown) => {
		throw new OutputError(path, error);
	});
	try {
		await sink.write(text);
		await sink.commit();
	} catch (error) {
		sink.abort();
		throw error;
	}
}

export function planText(plan: SweepPlan): string {
	return `${JSON.stringify(plan)}\n`;
}

/** Makes `directory` and writes the plan there, or checks the one there is the same: results of two sweeps never mix. */
export async function claimDirectory(directory: string, plan: SweepPlan): Promise<void> {
	try {
		await mkdir(directory, {recursive: true});
	} catch (error) {
		throw new UsageError(`--out: cannot make ${printable(directory)}: ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}`);
	}

	const path = join(directory, planFileName);
	const text = planText(plan);
	const existing = await readFile(path, 'utf8').catch(() => undefined);
	if (existing === undefined) {
		await writeWhole(path, text);
	} else if (existing !== text) {
		throw new UsageError(`--out: ${printable(directory)} holds the results of another sweep (its ${planFileName} differs); give another directory`);
	}
}

export async function writeRecord(directory: string, record: RunRecord): Promise<void> {
	await writeWhole(resultPath(directory, record.id), `${JSON.stringify(record)}\n`);
}
