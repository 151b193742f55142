/**
`sandpiper sweep plan|run|merge` (../sweep/): the shell around the sweep's pure parts. Every source a
sweep names is checked before any run, so a typo is one line and status 2, not a failed run per seed.
*/
import {stat} from 'node:fs/promises';
import process from 'node:process';
import type {SweepOptions} from '../options/sweep.js';
import {UsageError} from '../options/usage.js';
import {printable} from '../scenario/printable.js';
import {ScenarioFileError} from '../scenario/read-scenario.js';
import {planLine, type SweepRun} from '../sweep/plan.js';
import {readSweep, resolvedPath, type ReadSweep} from '../sweep/read-sweep.js';
import {FailedRunsError} from './sweep-failure.js';
import {progressReporter} from './sweep-progress.js';
import {checkWritablePath} from './paths.js';
import {writeReport} from './reports.js';

async function checkSources(sweepPath: string, sweep: ReadSweep): Promise<void> {
	const seen = new Set<string>();
	for (const {source} of sweep.plan.runs) {
		const [path, want] = source.kind === 'scenario' ? [source.path, 'file'] as const : [source.directory, 'directory'] as const;
		if (seen.has(path)) {
			continue;
		}

		seen.add(path);
		// eslint-disable-next-line no-await-in-loop -- a handful of distinct sources, checked in order so the first fault is named
		const found = await stat(resolvedPath(sweep.base, path)).catch(() => undefined);
		if (!(want === 'file' ? found?.isFile() : found?.isDirectory())) {
			throw new ScenarioFileError(`${printable(sweepPath)}: ${source.kind === 'scenario' ? 'scenario' : 'trace directory'} ${printable(path)}: no such ${want}`);
		}
	}
}

function runAt(sweep: ReadSweep, index: number): SweepRun {
	const run = sweep.plan.runs[index];
	if (!run) {
		throw new UsageError(`--index ${index}: the sweep plans ${sweep.plan.runs.length} runs (indices 0 to ${sweep.plan.runs.length - 1})`);
	}

	return run;
}

export async function runSweep(options: SweepOptions): Promise<void> {
	if (options.action === 'merge') {
		await checkWritablePath('output', options.outputPath);
		const [{mergeSweep}, {formatMergeCsv, formatMergeJson, formatMergeTable}] = await Promise.all([import('../sweep/merge.js'), import('../sweep/format-merge.js')]);
		const merged = mergeSweep(options.directory);
		const format = {table: formatMergeTable, csv: formatMergeCsv, json: formatMergeJson}[options.format];
		await writeReport(format(merged), options.outputPath);
		return;
	}

	const sweep = await readSweep(options.sweepPath);
	await checkSources(options.sweepPath, sweep);
	if (options.action === 'plan') {
		await writeReport(sweep.plan.runs.map(run => `${planLine(run)}\n`).join(''), undefined);
		return;
	}

	const {claimDirectory, hasResult, writeRecord} = await import('./sweep-results.js');
	const {selection, outDirectory} = options;
	if (selection.kind === 'index') {
		const run = runAt(sweep, selection.index);
		await claimDirectory(outDirectory, sweep.plan);
		if (hasResult(outDirectory, run.id)) {
			process.stderr.write(`sweep: run ${run.index} (${run.id}) has its result already\n`);
			return;
		}

		const [{runOne}, {defaultStrategies}] = await Promise.all([import('../sweep/run-one.js'), import('../strategies.js')]);
		const record = await runOne(run, path => resolvedPath(sweep.base, path), defaultStrategies);
		await writeRecord(outDirectory, record);
		if ('error' in record) {
			throw new FailedRunsError(`run ${run.index} (${run.id}) failed: ${record.error}`);
		}

		return;
	}

	await claimDirectory(outDirectory, sweep.plan);
	const pending = sweep.plan.runs.filter(run => !hasResult(outDirectory, run.id));
	const progress = progressReporter(sweep.plan.runs.length, sweep.plan.runs.length - pending.length, process.stderr);
	let failed = 0;
	const {runPool} = await import('./sweep-pool.js');
	const {interrupted} = await runPool({
		base: sweep.base,
		directory: outDirectory,
		runs: pending,
		jobs: selection.jobs,
		onRun(run, runFailed) {
			failed += runFailed ? 1 : 0;
			progress.done(run, runFailed);
		},
	});
	progress.end();
	if (interrupted > 0) {
		throw new FailedRunsError(`${interrupted} of ${pending.length} runs were interrupted (their workers were stopped by a signal): run the same command again to finish them${failed > 0 ? `; ${failed} failed` : ''}`);
	}

	if (failed > 0) {
		throw new FailedRunsError(`${failed} of ${pending.length} runs failed (their records say why; sweep merge lists them)`);
	}
}
