/**
The flags of `sandpiper migration`. The ranges are those over which the comparison finishes with
finite numbers (test/migration/compare-ranges.test.ts checks their corners): pre-copy sends at most
4 x the memory, and 16 TiB four times over 1 Mbit/s takes 19 years, inside the one step of 31 years
(`comparisonStepSeconds`) each model is run for.
*/
import {parseDecimal, type Range} from './numbers.js';
import {parseTableOrJson, UsageError} from './usage.js';

export type RawMigrationFlags = {
	memory?: string;
	dirtyRate?: string;
	wws?: string;
	bandwidth?: string;
	workingSet?: string;
	format?: string;
	cloudsim: boolean;
};

export type MigrationOptions = {
	memoryMiB: number;
	dirtyRateMiBps: number;
	wwsMiB: number;
	bandwidthMbps: number;
	workingSetMiB?: number;
	format: 'table' | 'json';
	cloudsim: boolean;
};

export const memoryRange: Range = {
	minimum: 1, maximum: 16 * 1024 * 1024, unit: 'MiB', reason: '1 MiB to 16 TiB: over the slowest link a larger VM would not finish moving',
};

export const bandwidthRange: Range = {
	minimum: 1, maximum: 1_000_000, unit: 'Mbit/s', reason: '1 Mbit/s to 1 Tbit/s: over a slower link a large VM would not finish moving',
};

export const dirtyRateRange: Range = {
	minimum: 0, maximum: 100_000, unit: 'MiB/s', reason: 'about 100 GiB/s, faster than a server\'s memory can be written',
};

const partNames = {wws: 'writable working set', 'working-set': 'working set'} as const;

/** A part of the VM's memory: at most all of it. */
function partOfMemory(flag: keyof typeof partNames, value: string | undefined, fallback: number, memoryMiB: number): number {
	const amount = parseDecimal(flag, value, fallback, {
		minimum: 0, maximum: Number.POSITIVE_INFINITY, unit: 'MiB', reason: '',
	});
	if (amount > memoryMiB) {
		throw new UsageError(`--${flag}: the ${partNames[flag]} cannot exceed the memory (${memoryMiB} MiB), got ${amount}`);
	}

	return amount;
}

/** Flags of `sandpiper migration`; defaults are the memory-heavy class of models.md 2.4. */
export function parseMigrationOptions(flags: RawMigrationFlags): MigrationOptions {
	const format = parseTableOrJson(flags.format);
	const memoryMiB = parseDecimal('memory', flags.memory, 1024, memoryRange);
	return {
		memoryMiB,
		dirtyRateMiBps: parseDecimal('dirty-rate', flags.dirtyRate, 20, dirtyRateRange),
		wwsMiB: partOfMemory('wws', flags.wws, 256, memoryMiB),
		bandwidthMbps: parseDecimal('bandwidth', flags.bandwidth, 1000, bandwidthRange),
		workingSetMiB: flags.workingSet === undefined ? undefined : partOfMemory('working-set', flags.workingSet, 0, memoryMiB),
		format,
		cloudsim: flags.cloudsim,
	};
}
