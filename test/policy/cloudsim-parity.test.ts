/**
CloudSim parity, end to end: pinned figures on the committed sample traces, and the real PlanetLab
day against CloudSim 4.0's own figures (docs/cloudsim-parity.md says how those were made). The day
needs ../shared; without it that test is skipped.
*/
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runReport} from '../../source/report/run-report.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {defaultStrategies} from '../../source/strategies.js';

async function parityRun(traceDir: string, hosts: number, policy?: string) {
	const built = await loadScenario({
		traceDir, hosts, cloudsim: policy === undefined, policy,
	});
	// Events go to a sink that drops them: the run then holds none.
	const drop = () => undefined;
	return runReport(built.world, defaultStrategies, {ticks: 288, timeline: built.timeline, onEvent: drop}).summary;
}

test('pinned: THR-MMT-0.8 on the sample traces (12 files, 10 hosts) gives the figures it gave when parity was checked', async t => {
	const summary = await parityRun('fixtures/traces/sample', 10);
	t.is(summary.migrations, 22);
	t.is(summary.vmCount, 12);
	t.is(Math.round(summary.energyKWh * 1e6), 3_990_513);
	t.is(Math.round(summary.slatah * 1e6), 1679);
	t.is(Math.round(summary.pdm * 1e6), 34);
});

const day = fileURLToPath(new URL('../../../shared/traces/planetlab/20110303', import.meta.url));
const dayTest = existsSync(day) ? test : test.skip;

/** CloudSim 4.0 on 20110303, files in name order, 800 hosts (docs/cloudsim-parity.md). */
const cloudsim = {
	'cloudsim:thr-mmt-0.8': {
		energyKWh: 192.623, migrations: 26_711, slatah: 0.049_133, pdm: 0.000_646_4,
	},
	'cloudsim:lr-mmt-1.2': {
		energyKWh: 163.477, migrations: 27_859, slatah: 0.058_579, pdm: 0.000_792_7,
	},
} as const;

for (const [policy, reference] of Object.entries(cloudsim)) {
	dayTest(`${policy} on PlanetLab 20110303 with 800 hosts is within 1 % of CloudSim's energy, 2 % of its migrations, 10 % of its SLATAH and PDM`, async t => {
		const summary = await parityRun(day, 800, policy === 'cloudsim:thr-mmt-0.8' ? undefined : policy);
		const within = (ours: number, theirs: number, share: number, what: string) => {
			t.true(Math.abs((ours / theirs) - 1) <= share, `${what}: ours ${ours}, CloudSim's ${theirs}`);
		};

		within(summary.energyKWh, reference.energyKWh, 0.01, 'energy');
		within(summary.migrations, reference.migrations, 0.02, 'migrations');
		within(summary.slatah, reference.slatah, 0.1, 'SLATAH');
		within(summary.pdm, reference.pdm, 0.1, 'PDM');
	});
}
