/**
`sandpiper migration` accepts only what the comparison finishes with: over the accepted ranges (1 MiB
to 16 TiB of memory, 1 Mbit/s to 1 Tbit/s, dirtying 0 to 100,000 MiB/s, working sets within the memory)
every model ends within its one long step, pre-copy within its round limit, and every number of the
result is finite; whatever the flags refuse is a UsageError, never an internal error.
*/
import test, {type ExecutionContext} from 'ava';
import fc from 'fast-check';
import {compareMigrations, defaultMigrationConfig} from '../../source/migration/compare.js';
import {parseMigrationOptions, UsageError, type RawMigrationFlags} from '../../source/run-options.js';

/** The paths of the numbers in `value` that are not finite. */
function nonFinite(value: unknown, path = 'comparison'): string[] {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	}

	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).flatMap(([key, child]) => nonFinite(child, `${path}.${key}`));
	}

	return [];
}

type Flags = Omit<RawMigrationFlags, 'cloudsim' | 'format'>;

/** Whether the flags are accepted; refused as bad usage is false, any other error is thrown. */
function parsesOrRefuses(flags: Flags): boolean {
	try {
		parseMigrationOptions({...flags, cloudsim: true});
		return true;
	} catch (error) {
		if (error instanceof UsageError) {
			return false;
		}

		throw error;
	}
}

/** Parses `flags` as the shell does and compares: finite numbers, and pre-copy within its rounds. */
function comparesFinitely(t: ExecutionContext, flags: Flags): void {
	const options = parseMigrationOptions({...flags, cloudsim: true});
	const comparison = compareMigrations(options);
	const what = JSON.stringify(flags);
	t.deepEqual(nonFinite(comparison), [], what);
	t.true(comparison.precopy.rounds.length <= defaultMigrationConfig.maxRounds + 1, `${what}: ${comparison.precopy.rounds.length} rounds`);
	for (const mode of ['precopy', 'postcopy', 'stopAndCopy'] as const) {
		const result = comparison[mode];
		t.true(result.totalSeconds > 0 && result.downtimeSeconds > 0 && result.downtimeSeconds <= result.totalSeconds, `${what}: ${mode} times`);
		t.true(result.dataMiB >= options.memoryMiB * (1 - 1e-9), `${what}: ${mode} sends the memory`);
	}
}

test('every corner of the accepted ranges compares to finite numbers', t => {
	const product = (rows: Flags[], flag: keyof Flags, values: (row: Flags) => Array<string | undefined>) => rows.flatMap(row => values(row).map(value => ({...row, [flag]: value})));
	let corners: Flags[] = [{}];
	corners = product(corners, 'memory', () => ['1', '16777216']);
	corners = product(corners, 'bandwidth', () => ['1', '1000000']);
	corners = product(corners, 'dirtyRate', () => ['0', '100000']);
	corners = product(corners, 'wws', row => ['0', row.memory]);
	corners = product(corners, 'workingSet', row => [undefined, '0', row.memory]);
	t.is(corners.length, 48);
	for (const flags of corners) {
		comparesFinitely(t, flags);
	}

	// They are the corners: a step past any of them is refused.
	const pastCorners: Flags[] = [
		{memory: '0.99'}, {memory: '16777217'}, {bandwidth: '0.99'}, {bandwidth: '1000001'}, {dirtyRate: '100001'}, {memory: '1', wws: '1.01'}, {memory: '1', wws: '0', workingSet: '1.01'},
	];
	for (const flags of pastCorners) {
		t.false(parsesOrRefuses(flags), `${JSON.stringify(flags)} is refused`);
	}

	// The longest move: dirtying at 90 % of the slowest link keeps pre-copy going until it has sent 3.4 x 16 TiB (16 years).
	comparesFinitely(t, {
		memory: '16777216', bandwidth: '1', dirtyRate: '0.101', wws: '0',
	});
});

test('the flags accept exactly the documented ranges, and anywhere within them the comparison is finite', t => {
	// Log-uniform over a window a little wider than the ranges, so every decade and both sides of every bound are tried.
	const share = fc.oneof(fc.constantFrom(0, 1), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 1.01, max: 2, noNaN: true}));
	fc.assert(fc.property(
		fc.record({
			memoryMiB: fc.double({min: -1, max: 25, noNaN: true}).map(exponent => 2 ** exponent),
			bandwidthMbps: fc.double({min: -0.5, max: 6.5, noNaN: true}).map(exponent => 10 ** exponent),
			dirtyRateMiBps: fc.oneof(fc.constant(0), fc.double({min: -6, max: 5.5, noNaN: true}).map(exponent => 10 ** exponent)),
			wwsShare: share,
			workingSetShare: fc.option(share),
		}),
		({
			memoryMiB, bandwidthMbps, dirtyRateMiBps, wwsShare, workingSetShare,
		}) => {
			const flags: Flags = {
				memory: String(memoryMiB),
				bandwidth: String(bandwidthMbps),
				dirtyRate: String(dirtyRateMiBps),
				wws: String(wwsShare * memoryMiB),
				workingSet: workingSetShare === null ? undefined : String(workingSetShare * memoryMiB),
			};
			const documented = memoryMiB >= 1 && memoryMiB <= 16_777_216 && bandwidthMbps >= 1 && bandwidthMbps <= 1_000_000
				&& dirtyRateMiBps <= 100_000 && wwsShare <= 1 && (workingSetShare ?? 0) <= 1;
			const accepted = parsesOrRefuses(flags);
			t.is(accepted, documented, `${JSON.stringify(flags)} accepted`);
			if (accepted) {
				comparesFinitely(t, flags);
			}
		},
	), {numRuns: 500});
});

test('any number on the flags is refused as bad usage or compares to finite numbers, never an internal error', t => {
	const number = fc.oneof(
		fc.constantFrom('1e308', '1e-300', '5e-324', '-0', 'Infinity', '1.7976931348623157e308', '16777216.000001', '0.999999'),
		fc.double({noNaN: true}).map(String),
		fc.double({min: -1, max: 8, noNaN: true}).map(exponent => String(10 ** exponent)),
	);
	fc.assert(fc.property(
		fc.record({
			memory: number, bandwidth: number, dirtyRate: number, wws: number, workingSet: fc.option(number, {nil: undefined}),
		}),
		flags => {
			if (parsesOrRefuses(flags)) {
				comparesFinitely(t, flags);
			}
		},
	), {numRuns: 500});
});
