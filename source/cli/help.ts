/**
The command line's words: the help text, the flags meow reads, and which flags each command takes.
*/
import {knownPoliciesText} from '../policy/registry.js';
import {keymap} from '../ui/keymap.js';

export const help = `
	Usage
	  $ sandpiper [options]              live dashboard
	  $ sandpiper --headless [options]   run without UI and print a report
	  $ sandpiper eval [options]         every policy on the same seeds, compared
	  $ sandpiper migration [options]    pre-copy, post-copy and stop-and-copy side by side
	  $ sandpiper network [options]      addressing plan and who can reach whom
	  $ sandpiper serve [options]        a live lecture over SSH: students watch, fork and experiment
	  $ sandpiper sweep plan|run|merge   an experiment matrix (policies x parameters x seeds x sources)
	  $ sandpiper plot INPUT             the paper's figures from a run, eval, sweep or migration JSON

	Options
	  --scenario FILE   scenario file (default: the bundled 16-server / 35-VM scenario)
	  --seed N          random seed (default: the scenario's)
	  --policy NAME     ${knownPoliciesText} (default: the scenario's)
	  --headless        no UI: run --ticks ticks and print a report (Ctrl-C stops early, with a partial report)
	  --ticks N         ticks to run headless (default 3600)
	  --format F        table, json or csv (default table)
	  --output FILE     write the report to FILE instead of stdout (replaced only once the report is whole)
	  --events [FILE]   the event log: alone, in the JSON report; with FILE, streamed there as JSON lines
	  --demo            play a walkthrough (default: the bundled 90 s demo; --scenario for another)
	  --record FILE     write every command you give, with its tick, as a session file (saved as you go)
	  --replay FILE     play a recorded session back (same scenario and seed)
	  --force           with --replay: play it even if the scenario or the program changed since
	  --trace-dir DIR   replay PlanetLab CPU traces (CloudSim's format), one file per VM, in name order
	  --workload-csv F  per-VM series from a CSV (vm,tick,cpu,mem,disk,net) as those VMs' workloads
	  --hosts N         with --trace-dir: CloudSim's benchmark datacenter of N hosts for the traces
	  --vms N           with --hosts: this many VMs (trace files reused in order)
	  --cloudsim        CloudSim parity: THR-MMT-0.8, RAM / (BW / 2) migrations, SLATAH, PDM, SLAV, ESV

	Options of eval
	  --scenario FILE   as above
	  --seeds LIST      seeds to run, as 1-10 or 1,4,9 (default 1-10)
	  --policies LIST   policies to compare (default: all of them)
	  --ticks N         ticks per run (default 3600)
	  --format F        table or json (default table)
	  --output FILE     write the result to FILE
	  --containers      instead: the same workload as VMs and as containers (overhead, density, moves)
	  --trace-dir DIR   as above; with --hosts N (and --vms N), on CloudSim's datacenter: by default BB12's
	                    family (THR/IQR/MAD/LR/LRR x MMT/MC/RS/MU) on seed 1 for the traces' length, with SLATAH and PDM

	Options of migration (memory in MiB, rates in MiB/s, bandwidth in Mbit/s)
	  --memory N        VM memory (default 1024)
	  --dirty-rate N    dirtying beyond the writable working set (default 20)
	  --wws N           writable working set (default 256)
	  --bandwidth N     link bandwidth (default 1000)
	  --working-set N   working set post-copy faults on (default: the wws)
	  --cloudsim        also CloudSim's estimate, RAM / (BW / 2)
	  --format F        table or json (default table)

	Options of network
	  --scenario FILE   as above
	  --format F        table or json (default table)
	  --output FILE     write the plan to FILE

	Options of serve
	  --listen HOST:PORT   where to listen (default 127.0.0.1:2222; another interface only when given)
	  --scenario FILE      the lecture's scenario; --seed N its seed
	  --host-key FILE      the server's private key (default: made on the first run, saved 0600 under
	                       $XDG_STATE_HOME/sandpiper or ~/.local/state/sandpiper)
	  --presenters FILE    an authorized_keys file: those keys drive the lecture
	  --viewers WHO        open (default), keys:FILE (an authorized_keys file) or password-env:VARIABLE
	  --max-sessions N     dashboards at once (default 50)
	  --max-forks N        forks alive at once, one per connection at most (default 10)
	  --idle-timeout S     close a connection after S seconds without a key (default 3600; 0 never)
	  A viewer presses F to fork the lecture at the current tick (every key works there) and R to rejoin.

	Sweeps (a sweep file: docs/sweeps.md)
	  sweep plan SWEEP            one line per run: index, run id, the run as arguments (tab-separated)
	  sweep run SWEEP --out DIR   every run not done yet, over --jobs N processes (default: the cores)
	    --index I                 only run I (GNU parallel), or --index-from-env VARIABLE (SLURM_ARRAY_TASK_ID)
	  sweep merge DIR             per policy and parameters: mean, sd and 95 % interval over seeds,
	    --format F --output FILE  change vs the baseline; failed and missing runs listed (table, csv, json)

	Options of plot (INPUT: --headless --format json --events, eval or sweep merge --format json, migration --format json)
	  --kind K          timeline (a run), policies or tradeoff (an eval or sweep), migration (default: the input's)
	  --hosts LIST      the timeline's hosts, as h01,h05 (default: those that were hot, at most 8)
	  --format F        svg or text (default: text on a terminal, else svg; --output FILE.txt for text)
	  --output FILE     write the figure to FILE
	  --width N         SVG: the plotting area's width in pixels; text: columns (default: the terminal's, else 80)
	  --height N        SVG: the plotting area's height in pixels (titles, axes and legends come on top)

	Keys
${keymap.map(binding => `	  ${binding.label.padEnd(8)}${binding.help}`).join('\n')}

	A flag given twice is refused. Exit status: 0 success, 1 runtime error, 2 bad usage or bad input,
	128 + N after signal N (130 after Ctrl-C stopped a headless run early).
`;

export const commands = ['eval', 'migration', 'network', 'serve', 'sweep', 'plot'] as const;
export type CommandName = typeof commands[number];

export const flags = {
	headless: {type: 'boolean', default: false},
	scenario: {type: 'string'},
	seed: {type: 'string'},
	ticks: {type: 'string'},
	policy: {type: 'string'},
	format: {type: 'string'},
	output: {type: 'string'},
	seeds: {type: 'string'},
	policies: {type: 'string'},
	memory: {type: 'string'},
	dirtyRate: {type: 'string'},
	wws: {type: 'string'},
	bandwidth: {type: 'string'},
	workingSet: {type: 'string'},
	cloudsim: {type: 'boolean', default: false},
	containers: {type: 'boolean', default: false},
	traceDir: {type: 'string'},
	workloadCsv: {type: 'string'},
	demo: {type: 'boolean', default: false},
	record: {type: 'string'},
	replay: {type: 'string'},
	force: {type: 'boolean', default: false},
	hosts: {type: 'string'},
	vms: {type: 'string'},
	events: {type: 'string'},
	listen: {type: 'string'},
	hostKey: {type: 'string'},
	presenters: {type: 'string'},
	viewers: {type: 'string'},
	maxSessions: {type: 'string'},
	maxForks: {type: 'string'},
	idleTimeout: {type: 'string'},
	index: {type: 'string'},
	indexFromEnv: {type: 'string'},
	out: {type: 'string'},
	jobs: {type: 'string'},
	kind: {type: 'string'},
	width: {type: 'string'},
	height: {type: 'string'},
} as const;

export const commandFlags: Readonly<Record<'run' | CommandName, readonly string[]>> = {
	run: ['headless', 'scenario', 'seed', 'ticks', 'policy', 'format', 'output', 'traceDir', 'hosts', 'vms', 'cloudsim', 'demo', 'record', 'replay', 'force', 'workloadCsv', 'events'],
	eval: ['scenario', 'seeds', 'policies', 'ticks', 'format', 'output', 'containers', 'traceDir', 'hosts', 'vms'],
	migration: ['memory', 'dirtyRate', 'wws', 'bandwidth', 'workingSet', 'cloudsim', 'format'],
	network: ['scenario', 'format', 'output'],
	serve: ['listen', 'scenario', 'seed', 'hostKey', 'presenters', 'viewers', 'maxSessions', 'maxForks', 'idleTimeout'],
	sweep: ['index', 'indexFromEnv', 'out', 'jobs', 'format', 'output'],
	plot: ['kind', 'hosts', 'format', 'output', 'width', 'height'],
};
