/**
The command line in-process through `main` (helpers/main.ts), and as whole processes only for what the entry adds: the exit status, the one line on stderr, --help, the not-a-terminal note.
*/
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {failureOf, main} from '../source/cli/main.js';
import {runCli} from './helpers/cli.js';
import {runMain} from './helpers/main.js';
import {temporaryFolder} from './helpers/temporary.js';

type JsonReport = {
	scenario: string;
	seed: number;
	policy: string;
	ticks: number;
	tickSeconds: number;
	summary: Record<string, number | null>;
	hosts: Array<{id: string; mean: Record<string, number>; max: Record<string, number>}>;
	events: Array<{tick: number; type: string}>;
};

test('--format json prints one document with the run, its summary, per-host stats and events', async t => {
	const {code, stdout} = await runMain(['--headless', '--format', 'json', '--events', '--ticks', '400', '--seed', '3', '--policy', 'none']);
	t.is(code, 0);
	const report = JSON.parse(stdout) as JsonReport;
	t.like(report, {
		scenario: 'sandpiper-16x35', seed: 3, policy: 'none', ticks: 400, tickSeconds: 1,
	});
	t.like(report.summary, {
		hostCount: 16, vmCount: 35, migrations: 0,
	});
	t.true(report.summary['overloadedHostTicks']! > 0);
	t.true(report.summary['sustainedOverloadIntervals']! > 0);
	t.deepEqual(report.hosts.map(host => host.id), [...Array.from({length: 16}, (_, index) => `h${String(index + 1).padStart(2, '0')}`), 'scratch']);
	for (const host of report.hosts) {
		for (const resource of ['cpu', 'memory', 'disk', 'network']) {
			t.true(host.mean[resource]! >= 0 && host.mean[resource]! <= host.max[resource]! && host.max[resource]! <= 1);
		}
	}

	t.true(report.events.length > 0);
	t.true(report.events.every(event => Number.isInteger(event.tick) && typeof event.type === 'string'));
});

test('the json report is byte-identical across runs with the same seed, and differs with another seed', async t => {
	const args = ['--headless', '--format', 'json', '--events', '--ticks', '600'];
	const [first, second, other] = await Promise.all([runMain([...args, '--seed', '9']), runMain([...args, '--seed', '9']), runMain([...args, '--seed', '10'])]);
	t.is(first.stdout, second.stdout);
	t.not(first.stdout, other.stdout);
});

test('--format csv prints a header and one row per host per tick, utilisations as fractions', async t => {
	const {code, stdout} = await runMain(['--headless', '--format', 'csv', '--ticks', '25']);
	t.is(code, 0);
	const [header, ...rows] = stdout.trimEnd().split('\n');
	t.is(header, 'tick,host,cpu,mem,disk,net,vms,overloaded');
	t.is(rows.length, 25 * 17, '16 workers and the scratch host');
	t.true(rows[0]!.startsWith('0,h01,'));
	t.true(rows.at(-1)!.startsWith('24,scratch,'));
	for (const row of rows) {
		const values = row.split(',').slice(2);
		const [cpu, mem, disk, net, vms, overloaded] = values.map(Number);
		t.true([cpu, mem, disk, net].every(value => value! >= 0 && value! <= 1), `row ${row}`);
		t.true(Number.isInteger(vms) && (overloaded === 0 || overloaded === 1), `row ${row}`);
	}
});

test('--format table prints a readable summary with a row per host', async t => {
	const {code, stdout} = await runMain(['--headless', '--ticks', '100', '--scenario', 'fixtures/scenarios/teaching-3x6.json']);
	t.is(code, 0);
	t.regex(stdout, /teaching-3x6 · seed 7 · policy none · 100 ticks of 1 s/v);
	t.regex(stdout, /3 hosts, 6 VMs/v);
	for (const host of ['h01', 'h02', 'h03']) {
		t.regex(stdout, new RegExp(`│ ${host} `, 'v'));
	}
});

test('--output writes the report to a file and nothing to stdout', async t => {
	const file = join(temporaryFolder('sandpiper-'), 'run.json');
	const {code, stdout} = await runMain(['--headless', '--format', 'json', '--ticks', '10', '--output', file]);
	t.is(code, 0);
	t.is(stdout, '');
	t.is((JSON.parse(readFileSync(file, 'utf8')) as JsonReport).ticks, 10);
});

test('with stdout not a terminal and no --headless, it says so in one line and runs headless', async t => {
	const {code, stdout, stderr} = await runCli(['--ticks', '20']);
	t.is(code, 0);
	t.is(stderr, 'sandpiper: stdout is not a terminal; running headless (pass --headless to silence this note)\n');
	t.regex(stdout, /sandpiper-16x35 · seed 1 · policy sandpiper · 20 ticks/v);
});

const badInput: Array<[string[], string]> = [
	[['--headless', '--seed', 'abc'], 'sandpiper: --seed: expected a whole number >= 0, got "abc"'],
	[['--headless', '--ticks', '-3'], 'sandpiper: --ticks: expected a whole number >= 1, got "-3"'],
	[['--headless', '--format', 'xml'], 'sandpiper: --format: expected one of table, json, csv, got "xml"'],
	[['--headless', '--policy', 'magic'], 'sandpiper: --policy: unknown policy "magic" (known: none, sandpiper, sandpiper-gray, threshold, consolidate, sandpiper+consolidate, cloudsim:DETECTOR-SELECTOR-PARAMETER (detectors thr, iqr, mad, lr, lrr; selectors mmt, mc, rs, mu; e.g. cloudsim:thr-mmt-0.8))'],
	[['eval', '--policies', 'none,magic'], 'sandpiper: --policies: unknown policy "magic" (known: none, sandpiper, sandpiper-gray, threshold, consolidate, sandpiper+consolidate, cloudsim:DETECTOR-SELECTOR-PARAMETER (detectors thr, iqr, mad, lr, lrr; selectors mmt, mc, rs, mu; e.g. cloudsim:thr-mmt-0.8))'],
	[['eval', '--seeds', '5-2'], 'sandpiper: --seeds: expected a range like 1-10, got "5-2"'],
	[['eval', '--seeds', 'x'], 'sandpiper: --seeds: expected a whole number >= 0, got "x"'],
	[['eval', '--format', 'csv'], 'sandpiper: --format: expected table or json, got "csv"'],
	[['eval', '--headless'], 'sandpiper: unknown flag --headless (see sandpiper --help)'],
	[['migration', '--memory', '-3'], 'sandpiper: --memory: expected a positive number, got "-3"'],
	[['migration', '--bandwidth', 'fast'], 'sandpiper: --bandwidth: expected a positive number, got "fast"'],
	[['migration', '--wws', '2000'], 'sandpiper: --wws: the writable working set cannot exceed the memory (1024 MiB), got 2000'],
	[['migration', '--seed', '1'], 'sandpiper: unknown flag --seed (see sandpiper --help)'],
	[['eval', '--scenario', 'fixtures/invalid/k-greater-than-n.json'], 'sandpiper: fixtures/invalid/k-greater-than-n.json: monitoring.k: expected k <= n (5), got 6'],
	[['--headless', '--scenario', 'missing.json'], 'sandpiper: cannot read scenario missing.json: no such file'],
	[['--headless', '--scenario', 'fixtures/invalid/negative-host-memory.json'], 'sandpiper: fixtures/invalid/negative-host-memory.json: hosts[1].capacity.memoryMiB: expected a positive number, got -5'],
	[['--headless', '--scenario', 'fixtures/invalid/json-syntax-error.json'], 'sandpiper: fixtures/invalid/json-syntax-error.json: invalid JSON at line 4, column 2: Expected \',\' or \'}\' after property value'],
	[['--headless', '--scenario', 'fixtures'], 'sandpiper: cannot read scenario fixtures: is a directory'],
	[['--bogus'], 'sandpiper: unknown flag --bogus (see sandpiper --help)'],
	[['--demo'], 'sandpiper: --demo needs a terminal: stdout is not one'],
	[['--demo', '--headless'], 'sandpiper: --demo plays its own script: it cannot be combined with --headless, --record or --replay'],
	[['--record', 'a.json', '--replay', 'b.json'], 'sandpiper: --record and --replay cannot be combined'],
	[['--headless', '--replay', 'missing.json'], 'sandpiper: cannot read session missing.json: no such file'],
	[['--headless', '--replay', 'fixtures/invalid/json-syntax-error.json'], 'sandpiper: fixtures/invalid/json-syntax-error.json: invalid JSON at line 4, column 2: Expected \',\' or \'}\' after property value'],
	[['--headless', '--seed', '1', '--seed', '2'], 'sandpiper: --seed: given more than once; give each flag once'],
	[['--record', 'no/such/dir/session.json'], 'sandpiper: --record: cannot write no/such/dir/session.json: no directory no/such/dir'],
	[['--headless', '--record', 'session.json'], 'sandpiper: --record saves the commands given at the dashboard; a headless run takes none (--replay plays a session headless)'],
	[['--headless', '--hosts', '10'], 'sandpiper: --hosts: builds a datacenter for traces; give --trace-dir too'],
	[['--headless', '--trace-dir', 'nowhere'], 'sandpiper: cannot read trace directory nowhere: no such directory'],
	[['--headless', '--trace-dir', 'fixtures/traces/sample', '--hosts', '1', '--vms', '40'], 'sandpiper: --vms 40: the trace directory fixtures/traces/sample has 12 files, and each VM replays one of its own'],
	[['--headless', '--trace-dir', 'fixtures/traces/sample', '--hosts', '1', '--vms', '12'], 'sandpiper: 12 VMs do not fit on 1 hosts (VM 1 found no host with 870 MB and the MIPS for it)'],
	[['--headless', '--policy', 'cloudsim:thr-mmt-1.5'], 'sandpiper: --policy: policy "cloudsim:thr-mmt-1.5": thr takes a parameter from 0.05 to 1, not 1.5'],
	[['--headless', '--policy', 'cloudsim:svm-mmt-0.8'], 'sandpiper: --policy: policy "cloudsim:svm-mmt-0.8": unknown detector "svm" (known: thr, iqr, mad, lr, lrr)'],
	[['eval', '--policies', 'none,cloudsim:iqr-best-1.5'], 'sandpiper: --policies: policy "cloudsim:iqr-best-1.5": unknown selector "best" (known: mmt, mc, rs, mu)'],
	[['--headless', '--events'], 'sandpiper: --events: alone it adds the event log to the JSON report; give --format json, or --events FILE for JSON lines'],
	[['--events', 'log.jsonl'], 'sandpiper: --events: only with --headless (the dashboard shows its events; --record keeps its commands)'],
	[['--headless', '--events', 'a.jsonl', '--output', 'a.jsonl'], 'sandpiper: --events: the event log and the report cannot go to the same file'],
	[['--headless', '--events', 'no/such/dir/events.jsonl'], 'sandpiper: --events: cannot write no/such/dir/events.jsonl: no directory no/such/dir'],
	[['network', '--format', 'csv'], 'sandpiper: --format: expected table or json, got "csv"'],
	[['network', '--ticks', '5'], 'sandpiper: unknown flag --ticks (see sandpiper --help)'],
	[['network', '--scenario', 'fixtures/invalid/duplicate-mac.json'], 'sandpiper: fixtures/invalid/duplicate-mac.json: vms[1].mac: 52:54:00:aa:bb:01 is already vm01\'s MAC'],
	[['run'], 'sandpiper: unexpected argument "run" (see sandpiper --help)'],
	[['--headless', '--output', 'no/such/dir/report.json'], 'sandpiper: --output: cannot write no/such/dir/report.json: no directory no/such/dir'],
	[['eval', '--output', 'fixtures'], 'sandpiper: --output: cannot write fixtures: it is a directory'],
];

// In-process: the same `main` and `failureOf` the entry runs, without a process for each row.
for (const [args, message] of badInput) {
	test(`bad input ${args.join(' ')} is refused with its one line and status 2`, async t => {
		const error = await t.throwsAsync(main(args, () => undefined));
		t.deepEqual(failureOf(error), {message: message.replace(/^sandpiper: /v, ''), code: 2 as const});
	});
}

// A few rows as whole processes: the entry writes the line to stderr, nothing to stdout, and exits 2.
for (const index of [0, badInput.findIndex(([args]) => args.filter(word => word === '--seed').length === 2), badInput.findIndex(([args]) => args.includes('fixtures/invalid/json-syntax-error.json'))]) {
	const [args, message] = badInput[index]!;
	test(`as a process, bad input ${args.join(' ')} ends with one line on stderr and status 2`, async t => {
		const {code, stdout, stderr} = await runCli(args);
		t.is(code, 2);
		t.is(stdout, '');
		t.is(stderr, `${message}\n`);
	});
}

test('--help lists the flags and the keys', async t => {
	const {code, stdout} = await runCli(['--help']);
	t.is(code, 0);
	for (const flag of ['--scenario', '--seed', '--policy', '--headless', '--ticks', '--format', '--output']) {
		t.true(stdout.includes(flag), `${flag} listed`);
	}

	t.true(stdout.includes('space'));
});

type EvalJson = {
	scenario: string;
	seeds: number[];
	policies: Array<{name: string; reductionVsNone: number | null} & Record<string, {mean: number | null; sd?: number; max?: number | null} | string | number | null>>;
};

test('eval --format json prints the stable comparison document', async t => {
	const {code, stdout} = await runMain(['eval', '--seeds', '1,2', '--ticks', '600', '--policies', 'none,sandpiper', '--format', 'json']);
	t.is(code, 0);
	const evaluation = JSON.parse(stdout) as EvalJson;
	t.is(evaluation.scenario, 'sandpiper-16x35');
	t.deepEqual(evaluation.seeds, [1, 2]);
	t.deepEqual(evaluation.policies.map(policy => policy.name), ['none', 'sandpiper']);
	for (const policy of evaluation.policies) {
		for (const key of ['sustainedOverloadIntervals', 'overloadedHostTicks', 'hotAtEnd', 'migrations', 'swaps', 'movedMiB', 'energyKWh', 'activeHosts', 'consolidationRatio']) {
			t.deepEqual(Object.keys(policy[key] as object), ['mean', 'sd'], `${key} has mean and sd`);
		}

		t.deepEqual(Object.keys(policy['resolutionSeconds'] as object), ['mean', 'max']);
	}

	t.is(evaluation.policies[0]!.reductionVsNone, null);
	t.true(evaluation.policies[1]!.reductionVsNone! > 0);
	// 16 workers at 150-250 W for 600 s: between 0.4 and 0.67 kWh.
	const energy = evaluation.policies[0]!['energyKWh'] as {mean: number};
	t.true(energy.mean > 0.4 && energy.mean < 0.67, `${energy.mean} kWh`);
	t.like(evaluation.policies[0]!['activeHosts'], {mean: 16, sd: 0});
});

test('eval --policies with consolidate: the energy and overload trade-off in one table', async t => {
	const {code, stdout} = await runMain(['eval', '--seeds', '1', '--ticks', '600', '--policies', 'none,sandpiper,consolidate,sandpiper+consolidate']);
	t.is(code, 0);
	t.regex(stdout, /│ policy +│ sustained overload │ vs none +│ energy kWh +│ energy vs none │ active hosts │ consolidation │ migrations +│/v);
	t.regex(stdout, /│ sandpiper\+consolidate │/v);
	t.regex(stdout, /│ none +│ [\d.]+ ± [\d.]+ +│ - +│ [\d.]+ ± [\d.]+ │ - +│ 16\.00 ± 0\.00 │ [\d.]+:1/v);
});

test('eval --containers compares the same workload as VMs and as containers', async t => {
	const {code, stdout} = await runMain(['eval', '--containers', '--ticks', '300']);
	t.is(code, 0);
	t.regex(stdout, /virtualisation CPU per host \(units\) +[\d.]+ +[\d.]+/v);
	t.regex(stdout, /workloads per host by memory +3\.22 +4\.19/v);
	t.regex(stdout, /memory-heavy +1024 +18\.78 s +2813 ms/v);
});

test('eval prints a table with a row per policy', async t => {
	const {code, stdout} = await runMain(['eval', '--seeds', '1', '--ticks', '300']);
	t.is(code, 0);
	for (const policy of ['none', 'sandpiper', 'sandpiper-gray', 'threshold']) {
		t.regex(stdout, new RegExp(`│ ${policy} `, 'v'));
	}

	t.regex(stdout, /sandpiper-16x35 · 300 ticks of 1 s · seeds 1/v);
});

type ModeJson = {rounds: Array<{dataMiB: number; seconds: number; dirtiedMiB: number}>; dataMiB: number; totalSeconds: number; downtimeSeconds: number; resentMiB: number; riskSeconds: number};

test('migration --format json compares the three modes for the memory-heavy VM of models.md 2.4', async t => {
	const {code, stdout} = await runMain(['migration', '--memory', '1024', '--dirty-rate', '20', '--wws', '256', '--bandwidth', '1000', '--format', 'json']);
	t.is(code, 0);
	const result = JSON.parse(stdout) as Record<'precopy' | 'postcopy' | 'stopAndCopy', ModeJson>;
	t.deepEqual(Object.keys(result), ['precopy', 'postcopy', 'stopAndCopy']);
	t.is(result.precopy.rounds.length, 4);
	t.true(Math.abs(result.precopy.dataMiB - 2111.3) < 0.1);
	t.true(Math.abs(result.precopy.downtimeSeconds - 2.81) < 0.01);
	t.deepEqual(result.postcopy.rounds, []);
	t.is(result.postcopy.dataMiB, 1024);
	t.true(result.postcopy.riskSeconds > 9);
	t.is(result.stopAndCopy.downtimeSeconds, result.stopAndCopy.totalSeconds);
});

test('migration prints the modes side by side and pre-copy\'s rounds', async t => {
	const {code, stdout} = await runMain(['migration', '--cloudsim']);
	t.is(code, 0);
	for (const text of ['│ pre-copy ', '│ post-copy ', '│ stop-and-copy ', 'pre-copy rounds', '(stop-and-copy)', 'CloudSim\'s model (RAM / (BW / 2)): 16.38 s']) {
		t.true(stdout.includes(text), `shows ${text}`);
	}
});

type NetworkJson = {
	vms: Array<{id: string; host: string; mode: string; mac: string; ip: string; externalAddress: string | null}>;
	reach: Array<{from: string; to: string; reachable: boolean; path?: string; reason?: string}>;
};

test('network --format json: every VM\'s address and the reachability of every ordered pair', async t => {
	const {code, stdout} = await runMain(['network', '--format', 'json']);
	t.is(code, 0);
	const plan = JSON.parse(stdout) as NetworkJson;
	t.is(plan.vms.length, 35);
	t.like(plan.vms.find(vm => vm.id === 'vm02'), {
		host: 'h01', mode: 'nat', externalAddress: '10.1.0.2',
	});
	const endpoints = 1 + 17 + 35;
	t.is(plan.reach.length, endpoints * (endpoints - 1));
	t.like(plan.reach.find(pair => pair.from === 'external' && pair.to === 'vm02'), {reachable: true, path: 'external -> host h01 NAT :8002 -> vm02:80'});
	t.true(plan.reach.every(pair => (pair.reachable ? typeof pair.path === 'string' : typeof pair.reason === 'string')));
});

test('network prints the custom-network fixture\'s plan, its paths from outside and the matrix', async t => {
	const {code, stdout} = await runMain(['network', '--scenario', 'fixtures/scenarios/custom-network.json']);
	t.is(code, 0);
	t.regex(stdout, /fw1 +h01 +custom:outside +52:54:00:00:00:01 +203\.0\.113\.2 +203\.0\.113\.2 +dmz 10\.10\.1\.2 +firewall/v);
	t.regex(stdout, /web +external -> fw1 \(firewall\) -> web:80/v);
	t.regex(stdout, /admin +no: fw1 does not allow external to admin/v);
	t.regex(stdout, /^external +\\###\.#\.\.$/mv);
});

test('--trace-dir --hosts --cloudsim: CloudSim\'s datacenter for the traces, a day at 300 s, its metrics in the JSON summary', async t => {
	const {code, stdout} = await runMain(['--headless', '--trace-dir', 'fixtures/traces/sample', '--hosts', '10', '--cloudsim', '--format', 'json']);
	t.is(code, 0);
	const report = JSON.parse(stdout) as JsonReport;
	t.like(report, {ticks: 288, tickSeconds: 300, policy: 'cloudsim:thr-mmt-0.8'});
	for (const key of ['energyKWh', 'migrations', 'slatah', 'pdm', 'slav', 'esv']) {
		t.is(typeof report.summary[key], 'number', `${key} is a number`);
	}
});

test('--replay of a recorded session file gives the run it recorded (headless)', async t => {
	const directory = temporaryFolder('sandpiper-session-');
	const session = join(directory, 'session.json');
	const {writeFileSync} = await import('node:fs');
	writeFileSync(session, JSON.stringify({
		version: 1, scenario: 'sandpiper-16x35', seed: 2, timeline: [{tick: 5, command: {type: 'failHost', hostId: 'h03'}}],
	}));
	const {code, stdout} = await runMain(['--headless', '--replay', session, '--ticks', '20', '--format', 'json', '--events']);
	t.is(code, 0);
	const report = JSON.parse(stdout) as JsonReport;
	t.is(report.seed, 2);
	t.true(report.events.some(event => event.type === 'hostFailed' && event.tick === 5));
});
