import test from 'ava';
import {renderToString} from 'ink';
import stringWidth from 'string-width';
import type {ReactElement} from 'react';
import {render} from 'ink-testing-library';
import {Dashboard, type Screen} from '../../source/ui/components/dashboard.js';
import {loadScenario} from '../../source/scenario/load-scenario.js';
import {runTicks} from '../../source/sim/run.js';
import type {SimEvent, World} from '../../source/sim/types.js';
import {defaultStrategies} from '../../source/strategies.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {buildScreen} from '../../source/ui/screen.js';
import {dashboardModel} from '../../source/ui/view-model.js';
import {deepFreeze} from '../helpers/deep-freeze.js';
import {Meter} from '../../source/ui/components/meter.js';
import {barCells} from '../../source/ui/format.js';

type Run = {world: World; events: SimEvent[]};

/**
The default scenario run for `ticks`, computed once per file and shared by every test that asks for it
(frames only read it); frozen, so a test that wrote to it would fail instead of changing the others'.
*/
const runs = new Map<string, Promise<Run>>();
async function runFor(ticks: number, policy?: string): Promise<Run> {
	const key = `${ticks} ${policy ?? ''}`;
	let run = runs.get(key);
	if (run === undefined) {
		run = (async () => {
			const {world, timeline} = await loadScenario({policy});
			return deepFreeze(runTicks(world, defaultStrategies, {ticks, timeline}));
		})();
		runs.set(key, run);
	}

	return run;
}

function screenOf({world, events}: {world: World; events: SimEvent[]}, ui: Partial<UiState> = {}): Screen {
	return buildScreen(world, {...initialUiState, ...ui}, events, defaultStrategies, undefined);
}

function frame(screen: Screen, columns: number, rows: number): string[] {
	return renderToString(<Dashboard screen={screen} size={{columns, rows}}/>, {columns}).split('\n');
}

const sizes = [[80, 24], [120, 40], [100, 30], [110, 32], [200, 60]] as const;

for (const [columns, rows] of sizes) {
	for (const view of ['hosts', 'vms', 'migrations', 'network', 'help'] as const) {
		test(`${view} at ${columns}x${rows}: no line wider than the terminal, one row left free`, async t => {
			const run = await runFor(700);
			const lines = frame(screenOf(run, view === 'help' ? {help: true} : {view}), columns, rows);
			t.true(lines.length <= rows - 1, `${lines.length} lines`);
			for (const line of lines) {
				t.true(stringWidth(line) <= columns, `${stringWidth(line)} columns: ${line}`);
			}
		});
	}
}

test('compact (80x24): a line per host with CPU, memory, disk and network, two alert lines, the migrations line, the hints', async t => {
	const lines = frame(screenOf(await runFor(120)), 80, 24);
	t.regex(lines[1]!, /^host +CPU +MEM +DSK +NET ▒ migr +3\/5/v, 'the header names the bars and the migration glyph');
	for (let index = 1; index <= 16; index++) {
		const id = `h${String(index).padStart(2, '0')}`;
		const line = lines.find(candidate => candidate.startsWith(id));
		t.truthy(line, id);
		t.regex(line!, /(?: [█▒░]+ +\d+%){4} +\d+ vm/v);
	}

	t.regex(lines.at(-2)!, /^(?:migrating: |no migrations)/v);
	t.regex(lines.at(-1)!, /^q quit {2}\? help/v);
});

test('wide (120x40): sparklines, the alert, migration and network panels, the cluster line and the event log', async t => {
	const text = frame(screenOf(await runFor(700)), 120, 40).join('\n');
	for (const title of ['Hotspot alerts', 'Migrations (', 'Network (N for more)', 'cluster CPU', 'Events', 'CPU history']) {
		t.true(text.includes(title), `shows ${title}`);
	}

	t.regex(text, /[▁▂▃▄▅▆▇█]{8}/v);
	t.regex(text, /br \d+ nat \d+ ho \d+ cu \d+/v);
});

test('wide: the rows the hosts leave go half to the panels (up to 8) and the rest to the event log, so the frame fills the terminal but one row', async t => {
	const run = await runFor(700);
	for (const [columns, rows, panelRows] of [[120, 40, 8 + 3], [200, 60, 8 + 8]] as const) {
		const lines = frame(screenOf(run), columns, rows);
		t.is(lines.length, rows - 1, `${columns}x${rows}`);
		// Between the Events title and the hints: one line per entry, as many as the rows allow (the run has hundreds of events).
		const logLines = lines.slice(lines.findIndex(line => line.startsWith('Events')) + 1, -1);
		t.is(logLines.length, rows - 1 - 1 - 1 - 17 - panelRows - 1 - 1 - 1, `${columns}x${rows}: status, header, 17 hosts, panels, cluster line, title, hints`);
		t.true(logLines.every(line => /^ +\d+ {2}\S/v.test(line)), 'every log line is an event');
	}
});

test('the status line shows clock, tick, speed or PAUSED, hot hosts, migrations, policy, seed and scenario', async t => {
	const run = await runFor(125);
	const [running] = frame(screenOf(run), 120, 40);
	t.regex(running!, /00:02:05 tick 125 {2}1x {2}hot \d+ {2}migrating \d+ {2}policy sandpiper {2}[\d.]+ kW [\d.]+ kWh {2}[\d.]+:1 on 16 @\d+% {2}seed 1 {2}sandpiper-16x35/v);
	const [paused] = frame(screenOf(run, {paused: true}), 120, 40);
	t.regex(paused!, / PAUSED /v);
});

test('a hot host is marked in words, with its k-of-n history, so colour is not needed', async t => {
	const run = await runFor(200, 'none');
	const hot = dashboardModel(run.world).hosts.find(host => host.marker === 'hot');
	t.truthy(hot, 'without a policy, the default scenario has a hot host at 200 s');
	const line = frame(screenOf(run), 80, 24).find(candidate => candidate.startsWith(hot!.id))!;
	t.regex(line, /HOT/v);
	t.regex(line, /[▮▯]{5}/v);
});

test('a running migration shows its mode, phase, progress, data, time left and downtime', async t => {
	const {world} = await loadScenario({policy: 'none'});
	const run = runTicks(world, defaultStrategies, {
		ticks: 3, timeline: [{
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h16', mode: 'precopy',
			},
		}],
	});
	const text = frame(screenOf(run), 120, 40).join('\n');
	t.regex(text, /vm01 h01 -> h16 {2}precopy round 0 {2}net: host-only/v);
	t.regex(text, /\d+% \d+\/1024 MiB, left [\d.]+ s, down 0 ms/v);
	const compact = frame(screenOf(run), 80, 24).join('\n');
	t.regex(compact, /migrating: vm01 h01>h16 precopy round 0 \d+%/v);
});

test('a terminal below 80x24 gets a message naming both sizes', async t => {
	const lines = frame(screenOf(await runFor(10)), 60, 20);
	t.deepEqual(lines.map(line => line.trimEnd()), ['Terminal too small: 60x20', 'Needed: 80x24', 'q quits']);
});

test('a terminal with too few rows for every host shows a window around the selection', async t => {
	const lines = frame(screenOf(await runFor(10), {hostIndex: 14}), 200, 32);
	t.true(lines.some(line => /… \d+ more hosts/v.test(line)));
	t.true(lines.some(line => line.startsWith('h15')));
});

test('network panel at 120x40: the mode counts, the selected VM\'s address, MAC and reach, the host\'s forwards', async t => {
	const text = frame(screenOf(await runFor(30)), 120, 40).join('\n');
	t.regex(text, /br 18 nat 13 ho 4 cu 0/v);
	t.regex(text, /vm01 host-only 192\.168\.0\.2/v);
	t.regex(text, /mac 00:16:3e:00:00:01/v);
	t.regex(text, /in: ext n hosts 1\/17 VMs 0\/34/v);
	t.regex(text, /h01 fwd :8002 -> vm02:80/v);
});

test('network view at 80x24: the selected VM\'s NIC, external address, path from outside, forwards and who cannot reach it', async t => {
	const lines = frame(screenOf(await runFor(30), {view: 'network', vmIndex: 1}), 80, 24);
	const text = lines.join('\n');
	t.true(lines.length <= 23);
	t.regex(text, /vm02 on h01: nat, MAC 00:16:3e:00:00:02, address 172\.16\.0\.2, external 10\.1\.0\.2/v);
	t.regex(text, /from outside: external -> host h01 NAT :8002 -> vm02:80/v);
	t.regex(text, /NAT forwards on h01: :8002 -> vm02:80/v);
	t.regex(text, /no {2}vm01: vm01 is host-only: it reaches only h01 and its host-only VMs/v);
});

test('a migration across subnets shows its network effect in the panel, the view and its row', async t => {
	const {world, timeline} = await loadScenario({policy: 'none'});
	const run = runTicks(world, defaultStrategies, {
		ticks: 12,
		timeline: [...timeline, {
			tick: 10,
			command: {
				type: 'requestMigration', vmId: 'vm04', destinationHostId: 'h09', mode: 'precopy',
			},
		}],
	});
	const ui = {hostIndex: 1, vmIndex: 1};
	const wide = frame(screenOf(run, ui), 120, 40).join('\n');
	t.regex(wide, /vm04 h02 -> h09 {2}precopy round 0 {2}net: new IP/v);
	t.regex(wide, /mig: new IP 10\.2\.0\.\d+, drops \d+/v);
	const view = frame(screenOf(run, {...ui, view: 'network'}), 80, 24).join('\n');
	t.regex(view, /migrating: 10\.1\.0\.10 -> 10\.2\.0\.\d+ \(new subnet\), \d+ connections drop/v);
	t.regex(view, /vm04 h02 -> h09: 10\.1\.0\.10 -> /v);
});

test('80x24: a migration shows on both hosts\' NET bars as ▒, and the episode it cures says so in the alerts', async t => {
	// In the default scenario (seed 1) Sandpiper moves vm20 from h09 to h15 at 64 s for h09's CPU.
	const lines = frame(screenOf(await runFor(70)), 80, 24);
	t.true(lines.length <= 23);
	for (const id of ['h09', 'h15']) {
		const line = lines.find(candidate => candidate.startsWith(id))!;
		t.regex(line, /(?: [█▒░]+ +\d+%){3} [█░]*▒+░* +\d+% +\d+ vm/v, `${id}: the NET bar has a migration segment`);
	}

	t.false(lines.find(candidate => candidate.startsWith('h01'))!.includes('▒'), 'a host with no migration has none');
	t.true(lines.some(line => line.startsWith('> 00:01:04 h09 CPU curing: 1 move under way · moving vm20>h15')), `${lines.join('\n')}`);
	t.regex(lines.at(-2)!, /^migrating: vm20 h09>h15/v);
	for (const line of lines) {
		t.true(stringWidth(line) <= 80, `${line}`);
	}
});

test('80x24 and 120x40: a hotspot that came back is still one story, with the move made for it', async t => {
	const run = await runFor(140);
	const compact = frame(screenOf(run), 80, 24);
	const story = compact.findIndex(line => line.startsWith('! 00:01:04 h09 CPU came back after 60 s · moved vm20>h15, cured in 15 s'));
	t.true(story > 0, `${compact.join('\n')}`);
	t.regex(compact[story + 1]!, /^ {4}no move: no host has 512 MiB free under the CPU threshold/v, 'the only open episode takes the second alert line for the rest of its story');
	const wide = frame(screenOf(run), 120, 40);
	const at = wide.findIndex(line => line.startsWith('! h09 CPU came back after 60 s'));
	t.true(at > 0, `${wide.join('\n')}`);
	t.regex(wide[at + 1]!, /^ {2}moved vm20>h15, cured in 15 s/v);
	t.regex(wide[at + 2]!, /^ {2}no move: no host has 512 MiB free/v);
});

test('a migration NIC of its own: the bar shows the migration the same way, the host\'s VMs view says which NIC', async t => {
	const {world, timeline} = await loadScenario({policy: 'none'});
	for (const host of world.hosts) {
		host.capacity.migrationNetworkMbps = 1000;
	}

	const run = runTicks(world, defaultStrategies, {
		ticks: 3,
		timeline: [...timeline, {
			tick: 0, command: {
				type: 'requestMigration', vmId: 'vm01', destinationHostId: 'h16', mode: 'precopy',
			},
		}],
	});
	const lines = frame(screenOf(run), 80, 24);
	t.regex(lines.find(line => line.startsWith('h01'))!, /▒/v);
	t.regex(lines.find(line => line.startsWith('h16'))!, /▒/v);
	const view = frame(screenOf(run, {view: 'vms', hostIndex: 0}), 120, 40).join('\n');
	t.regex(view, /NIC 1000 Mbit\/s: VMs \d+, migrations ▒ out [1-9]\d* in 0 on own NIC 1000 Mbit\/s/v);
	const shared = frame(screenOf(await runFor(70), {view: 'vms', hostIndex: 8}), 80, 24).join('\n');
	t.regex(shared, /VMs on h09.*\nNIC 1000 Mbit\/s: VMs \d+, migrations ▒ out [1-9]\d* in 0 \(shared NIC, taken first\) *\n/v);
});

// The meter the bars are drawn with (ui/components/meter.tsx).
function frameOf(element: ReactElement): string {
	const {lastFrame, unmount} = render(element);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
}

test('the network meter: the VMs\' share, then the migration traffic in its own glyph, outside the percentage', t => {
	t.is(frameOf(<Meter fraction={0.3} extra={0.2} width={10} threshold={0.75}/>), '███▒▒░░░░░  30%');
	t.is(frameOf(<Meter label='NET' fraction={0.3} extra={0.2} width={10} threshold={0.75}/>), 'NET ███▒▒░░░░░  30%');
	t.is(frameOf(<Meter fraction={0.3} width={10} threshold={0.75}/>), '███░░░░░░░  30%', 'no migration, no segment');
});

test('a small migration still gets a cell, and the two shares never overflow the bar', t => {
	t.is(frameOf(<Meter fraction={0} extra={0.01} width={8} threshold={0.75}/>), '▒░░░░░░░   0%');
	t.is(frameOf(<Meter fraction={1} extra={0.01} width={8} threshold={0.75}/>), '███████▒ 100%');
	t.is(frameOf(<Meter fraction={0.7} extra={0.9} width={10} threshold={0.75}/>), '███████▒▒▒  70%', 'a migration NIC of its own can be fuller than the room left');
	for (const [first, second, width] of [[0.33, 0.33, 7], [0.05, 0.04, 3], [0.5, 0.5, 9], [0.99, 0, 4]] as const) {
		const cells = barCells(first, second, width);
		t.is(cells.filled + cells.extra + cells.empty, width);
		t.is(cells.extra > 0, second > 0);
	}
});
