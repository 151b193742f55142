import test from 'ava';
import {renderToString} from 'ink';
import stringWidth from 'string-width';
import {Dashboard} from '../../source/ui/components/dashboard.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import {defaultStrategies} from '../../source/strategies.js';
import {dashboardModel, type DashboardModel} from '../../source/ui/view-model.js';

async function modelAfter(ticks: number, policy?: string): Promise<DashboardModel> {
	const {world, timeline} = await loadScenario({policy});
	return dashboardModel(runTicks(world, defaultStrategies, {ticks, timeline}).world);
}

function frame(model: DashboardModel, columns: number, rows: number, isPaused = false): string[] {
	return renderToString(<Dashboard model={model} size={{columns, rows}} isPaused={isPaused} speed={1}/>, {columns}).split('\n');
}

for (const [columns, rows] of [[80, 24], [120, 40], [100, 30], [60, 12]] as const) {
	test(`at ${columns}x${rows} no line is wider than the terminal and the frame keeps one row free`, async t => {
		const lines = frame(await modelAfter(120), columns, rows);
		t.true(lines.length <= rows - 1, `${lines.length} lines`);
		for (const line of lines) {
			t.true(stringWidth(line) <= columns, `${stringWidth(line)}: ${line}`);
		}
	});
}

test('at 80x24 every host of the default scenario has its own line with CPU, memory and disk', async t => {
	const lines = frame(await modelAfter(120), 80, 24);
	for (let index = 1; index <= 16; index++) {
		const id = `h${String(index).padStart(2, '0')}`;
		const line = lines.find(candidate => candidate.startsWith(id));
		t.truthy(line, id);
		t.regex(line!, /CPU [█░]+ +\d+% MEM [█░]+ +\d+% DSK [█░]+ +\d+% +\d+ vm/v);
	}

	t.regex(lines.at(-1)!, /^q quit/v);
});

test('the status line shows clock, tick, speed or PAUSED, hot hosts, policy, seed and scenario', async t => {
	const model = await modelAfter(125);
	const [running] = frame(model, 120, 40);
	t.regex(running!, /00:02:05 tick 125 {2}1x {2}hot \d+ {2}migrating \d+ {2}policy sandpiper {2}seed 1 {2}sandpiper-16x35/v);
	const [paused] = frame(model, 120, 40, true);
	t.regex(paused!, / PAUSED /v);
});

test('a hot host is marked in words and its k-of-n history shows, so colour is not needed', async t => {
	const model = await modelAfter(200, 'none');
	const hot = model.hosts.find(host => host.marker === 'hot');
	t.truthy(hot, 'without a policy, the default scenario has a hot host at 200 s');
	const line = frame(model, 80, 24).find(candidate => candidate.startsWith(hot!.id))!;
	t.regex(line, /HOT/v);
	t.regex(line, /[▮▯]{5}$/v);
});

test('a short terminal shows the hosts that fit and says how many more there are', async t => {
	const lines = frame(await modelAfter(10), 80, 12);
	t.true(lines.length <= 11);
	t.true(lines.some(line => /… \d+ more hosts/v.test(line)));
});

test('a terminal below the minimum gets a message naming both sizes', async t => {
	const lines = frame(await modelAfter(10), 50, 6);
	t.deepEqual(lines.map(line => line.trimEnd()), ['Terminal too small: 50x6', 'Needed: 60x8', 'q quits']);
});
