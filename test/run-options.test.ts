/**
Flag checking, in-process: every refused value is a UsageError of one line naming its flag (the shell
prints it after `sandpiper: ` and exits 2), and the largest accepted values are accepted. The limits
are written out here as the contract: 10,000,000 ticks, seeds of 32 bits and 10,000 of them, 50,000
hosts and 100,000 VMs, 16 TiB of memory, 1 Mbit/s to 1 Tbit/s, dirtying up to 100,000 MiB/s.
*/
import test, {type ExecutionContext} from 'ava';
import {
	parseEvalOptions, parseMigrationOptions, parseRunOptions, UsageError,
} from '../source/run-options.js';

type Case = {flags: Record<string, string | boolean>; flag: string; message?: string | RegExp};

function refuses(t: ExecutionContext, parse: (flags: Record<string, string | boolean>) => unknown, cases: readonly Case[]): void {
	for (const {flags, flag, message} of cases) {
		const what = JSON.stringify(flags);
		const error = t.throws(() => parse(flags), {instanceOf: UsageError}, what);
		if (!error) {
			continue;
		}

		t.false(error.message.includes('\n'), `${what}: one line, got ${JSON.stringify(error.message)}`);
		t.true(error.message.startsWith(`--${flag}`), `${what}: names --${flag}, got ${JSON.stringify(error.message)}`);
		if (typeof message === 'string') {
			t.is(error.message, message, what);
		} else if (message) {
			t.regex(error.message, message, what);
		}
	}
}

const run = (flags: Record<string, string | boolean>) => parseRunOptions({headless: true, ...flags});
const evaluate = (flags: Record<string, string | boolean>) => parseEvalOptions(flags);
const migration = (flags: Record<string, string | boolean>) => parseMigrationOptions({cloudsim: false, ...flags});

test('--ticks: a whole number from 1 to 10,000,000 in digits, for a run and for eval', t => {
	const cases: Case[] = [
		{
			flags: {ticks: '1000000000000'},
			flag: 'ticks',
			message: '--ticks: at most 10,000,000 ticks (116 simulated days at 1 s ticks: a longer run would not finish in reasonable time), got 1000000000000',
		},
		{flags: {ticks: '10000001'}, flag: 'ticks', message: /at most 10,000,000 ticks/v},
		{flags: {ticks: '9007199254740993'}, flag: 'ticks', message: /at most 10,000,000 ticks/v},
		{flags: {ticks: '1e12'}, flag: 'ticks', message: '--ticks: expected a whole number >= 1, got "1e12"'},
		{flags: {ticks: '1e3'}, flag: 'ticks'},
		{flags: {ticks: '0'}, flag: 'ticks'},
		{flags: {ticks: '-3'}, flag: 'ticks'},
		{flags: {ticks: '2.5'}, flag: 'ticks'},
	];
	refuses(t, run, cases);
	refuses(t, evaluate, cases);
	t.is(run({ticks: '10000000'}).ticks, 10_000_000);
	t.is(evaluate({ticks: '10000000'}).ticks, 10_000_000);
	t.is(run({ticks: ' 1 '}).ticks, 1);
});

test('--seed and --seeds: whole numbers of 32 bits (the random streams take 32-bit seeds)', t => {
	refuses(t, run, [
		{flags: {seed: '4294967296'}, flag: 'seed', message: '--seed: at most 4,294,967,295 (the random streams take 32-bit seeds: a larger seed would repeat a smaller one), got 4294967296'},
		{flags: {seed: '9007199254740993'}, flag: 'seed'},
		{flags: {seed: '-1'}, flag: 'seed'},
	]);
	refuses(t, evaluate, [
		{flags: {seeds: '9007199254740991-9007199254740993'}, flag: 'seeds', message: /^--seeds: at most 4,294,967,295 \(.*\), got 9007199254740991$/v},
		{flags: {seeds: '4294967295-4294967296'}, flag: 'seeds', message: /, got 4294967296$/v},
		{flags: {seeds: '1,4294967296'}, flag: 'seeds', message: /, got 4294967296$/v},
		{flags: {seeds: '99999999999999999999'}, flag: 'seeds'},
		{flags: {seeds: '5-2'}, flag: 'seeds', message: '--seeds: expected a range like 1-10, got "5-2"'},
		{flags: {seeds: '1,,2'}, flag: 'seeds'},
		{flags: {seeds: 'x'}, flag: 'seeds'},
	]);
	t.is(run({seed: '4294967295'}).seed, 4_294_967_295);
	t.is(run({seed: '0'}).seed, 0);
	t.deepEqual(evaluate({seeds: '4294967293-4294967295,0'}).seeds, [4_294_967_293, 4_294_967_294, 4_294_967_295, 0]);
});

test('--seeds: at most 10,000 seeds in all, ranges and lists together', t => {
	const list = (count: number) => Array.from({length: count}, (_, index) => String(index)).join(',');
	refuses(t, evaluate, [
		{flags: {seeds: '1-10001'}, flag: 'seeds', message: '--seeds: at most 10,000 seeds in all (each runs every policy), got 10,001'},
		{flags: {seeds: '1-5000,5001-10001'}, flag: 'seeds', message: /got 10,001$/v},
		{flags: {seeds: `1-10000,${list(1)}`}, flag: 'seeds', message: /got 10,001$/v},
		{flags: {seeds: list(10_001)}, flag: 'seeds', message: /got 10,001$/v},
		{flags: {seeds: '0-4294967295'}, flag: 'seeds', message: /got 4,294,967,296$/v},
	]);
	t.is(evaluate({seeds: '1-10000'}).seeds.length, 10_000);
	t.is(evaluate({seeds: list(10_000)}).seeds.length, 10_000);
	t.deepEqual(evaluate({seeds: '1-9999,4294967295'}).seeds.slice(-2), [9999, 4_294_967_295]);
});

test('--hosts and --vms: at most 50,000 hosts and 100,000 VMs (a larger datacenter does not fit in memory)', t => {
	const traces = {traceDir: 'traces'};
	refuses(t, run, [
		{flags: {...traces, hosts: '10000000'}, flag: 'hosts', message: '--hosts: at most 50,000 hosts (a larger datacenter does not fit in memory), got 10000000'},
		{flags: {...traces, hosts: '50001'}, flag: 'hosts'},
		{flags: {...traces, hosts: '9007199254740993'}, flag: 'hosts'},
		{flags: {...traces, hosts: '0'}, flag: 'hosts'},
		{flags: {...traces, hosts: '10', vms: '100001'}, flag: 'vms', message: /^--vms: at most 100,000 VMs \(.*\), got 100001$/v},
		{flags: {...traces, vms: '100000000'}, flag: 'vms'},
	]);
	t.like(run({...traces, hosts: '50000', vms: '100000'}), {hosts: 50_000, vms: 100_000});
});

test('--force: only with --replay', t => {
	refuses(t, run, [
		{flags: {force: true}, flag: 'force', message: '--force: only with --replay (replays a session whose scenario changed)'},
		{flags: {force: true, record: 'session.json'}, flag: 'force'},
		{flags: {force: true, headless: false}, flag: 'force'},
	]);
	t.like(run({force: true, replay: 'session.json'}), {force: true, replayPath: 'session.json'});
	t.like(run({replay: 'session.json'}), {force: false});
	t.like(run({}), {force: false});
	t.like(run({force: false}), {force: false});
});

test('migration: memory 1 MiB to 16 TiB, bandwidth 1 Mbit/s to 1 Tbit/s, dirtying 0 to 100,000 MiB/s, working sets within the memory', t => {
	refuses(t, migration, [
		{flags: {memory: '1e308'}, flag: 'memory', message: /^--memory: expected 1 to 16,777,216 MiB \(.*\), got 1e308$/v},
		{flags: {memory: '16777217'}, flag: 'memory'},
		{flags: {memory: 'Infinity'}, flag: 'memory'},
		{flags: {memory: '0.5', wws: '0'}, flag: 'memory'},
		{flags: {memory: '-3'}, flag: 'memory', message: '--memory: expected a positive number, got "-3"'},
		{flags: {bandwidth: '1e-300'}, flag: 'bandwidth', message: /^--bandwidth: expected 1 to 1,000,000 Mbit\/s \(.*\), got 1e-300$/v},
		{flags: {bandwidth: '0.5'}, flag: 'bandwidth'},
		{flags: {bandwidth: '1000001'}, flag: 'bandwidth'},
		{flags: {bandwidth: '1e308'}, flag: 'bandwidth'},
		{flags: {bandwidth: 'fast'}, flag: 'bandwidth', message: '--bandwidth: expected a positive number, got "fast"'},
		{flags: {dirtyRate: '100001'}, flag: 'dirty-rate', message: /^--dirty-rate: expected 0 to 100,000 MiB\/s \(.*\), got 100001$/v},
		{flags: {dirtyRate: '1e308'}, flag: 'dirty-rate'},
		{flags: {dirtyRate: '-1'}, flag: 'dirty-rate'},
		{flags: {wws: '2000'}, flag: 'wws', message: '--wws: the writable working set cannot exceed the memory (1024 MiB), got 2000'},
		{flags: {workingSet: '2000'}, flag: 'working-set', message: '--working-set: the working set cannot exceed the memory (1024 MiB), got 2000'},
		{flags: {workingSet: '1e308'}, flag: 'working-set'},
	]);
	t.like(migration({
		memory: '16777216', bandwidth: '1', dirtyRate: '100000', wws: '16777216', workingSet: '16777216',
	}), {
		memoryMiB: 16_777_216, bandwidthMbps: 1, dirtyRateMiBps: 100_000, wwsMiB: 16_777_216, workingSetMiB: 16_777_216,
	});
	t.like(migration({
		memory: '1', bandwidth: '1000000', dirtyRate: '0', wws: '0', workingSet: '0',
	}), {
		memoryMiB: 1, bandwidthMbps: 1_000_000, dirtyRateMiBps: 0, wwsMiB: 0, workingSetMiB: 0,
	});
});
