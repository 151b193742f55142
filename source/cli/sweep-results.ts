/**
A sweep's output directory: its plan (`sweep-plan.json`, so that merge knows what is missing) and one
JSON file per run, named by run id. Each is written under a temporary name and renamed whole, so a
killed run leaves no half-written result, and a run that has its file is done (a resumed sweep skips it).
*/
import {Buffer} from 'node:buffer';
import {lstatSync} from 'node:fs';
import {
	link, mkdir, rm, writeFile,
} from 'node:fs/promises';
import {join} from 'node:path';
import {UsageError} from '../options/usage.js';
import {printable} from '../scenario/printable.js';
import type {SweepPlan} from '../sweep/plan.js';
import {planFileName, resultPath} from '../sweep/result-names.js';
import type {RunRecord} from '../sweep/run-one.js';
import {readRegularFile} from '../sweep/regular-file.js';
import {fileSink, OutputError, temporaryPathFor} from './sink.js';

/** Whether the run has its record: a regular file of that name (a directory or a pipe there is none). */
export function hasResult(directory: string, id: string): boolean {
	return lstatSync(resultPath(directory, id), {throwIfNoEntry: false})?.isFile() ?? false;
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
	// Written whole under a temporary name, then linked to its name, which fails if one is there: of two
	// sweeps claiming one folder at once, one wins and the other compares with it.
	const temporary = temporaryPathFor(path);
	try {
		await writeFile(temporary, text, {flag: 'wx'});
		await link(temporary, path);
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) {
			throw new OutputError(path, error);
		}
	} finally {
		await rm(temporary, {force: true});
	}

	const existing = readRegularFile(path, Buffer.byteLength(text) + 1);
	if (existing.kind !== 'text' || existing.text !== text) {
		throw new UsageError(`--out: ${printable(directory)} holds the results of another sweep (its ${planFileName} differs); give another directory`);
	}
}

export async function writeRecord(directory: string, record: RunRecord): Promise<void> {
	await writeWhole(resultPath(directory, record.id), `${JSON.stringify(record)}\n`);
}
