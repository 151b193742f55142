/**
Per-VM utilisation series from a CSV file (`--workload-csv FILE`): a header `vm,tick,cpu,mem,disk,net`
and one row per VM per sample, in the resources' own units (CPU units, working-set MiB, disk MB/s,
network Mbit/s). Each VM's samples must be evenly spaced ticks from 0; between samples demand is
interpolated linearly, after the last one it holds. Parsed by hand: six plain columns (no quoting)
need no library, and each error names its line and column.
*/
import type {Resource, World, WorkloadShape} from '../sim/types.js';
import {initialRandomState} from '../sim/workload.js';
import {printable, quoted} from './printable.js';
import {maxAmount, maxTicks} from './scenario-limits.js';
import {TraceError} from './traces.js';

export type CsvSeries = Map<string, {ticks: number[]; values: Record<Resource, number[]>}>;

const header = ['vm', 'tick', 'cpu', 'mem', 'disk', 'net'];
const vmId = /^[\w.\-]{1,32}$/v;
// Digits only: Number() would read an empty cell as 0, and "0x1f" or " " too.
const decimal = /^\d+(?:\.\d+)?(?:[eE][+\-]?\d+)?$/v;

/** A cell's number, within the scenario format's own bounds; the error names line and column. */
function cellNumber(cell: string, where: string, column: number): number {
	const at = `${where}, column ${column + 1} (${header[column]!})`;
	if (cell === '') {
		throw new TraceError(`${at}: empty cell, expected a number`);
	}

	const value = decimal.test(cell) ? Number(cell) : Number.NaN;
	const [max, what] = column === 1 ? [maxTicks, 'a whole number'] : [maxAmount, 'a number'];
	if (!(value >= 0 && value <= max) || (column === 1 && !Number.isInteger(value))) {
		throw new TraceError(`${at}: expected ${what} from 0 to ${max.toExponential().replace('e+', 'e')}, got ${quoted(cell, 40)}`);
	}

	return value;
}

export function parseWorkloadCsv(name: string, text: string): CsvSeries {
	const label = printable(name);
	// Blank lines are skipped but counted, so that errors name the line an editor shows.
	const lines = text.split(/\r?\n/v).map((line, index) => ({line, number: index + 1})).filter(({line}) => line.trim() !== '');
	if (lines.length === 0 || lines[0]!.line.split(',').map(cell => cell.trim()).join(',') !== header.join(',')) {
		throw new TraceError(`${label}, line ${lines[0]?.number ?? 1}: expected the header ${header.join(',')}`);
	}

	const series: CsvSeries = new Map();
	for (const {line, number} of lines.slice(1)) {
		const where = `${label}, line ${number}`;
		const cells = line.split(',').map(cell => cell.trim());
		if (cells.length !== header.length) {
			throw new TraceError(`${where}: expected ${header.length} columns, got ${cells.length}`);
		}

		const [vm = ''] = cells;
		if (!vmId.test(vm)) {
			throw new TraceError(`${where}, column 1 (vm): expected a VM id of letters, digits, -, _ or . (at most 32), got ${quoted(vm, 40)}`);
		}

		const [tick = 0, cpu = 0, memory = 0, disk = 0, network = 0] = cells.slice(1).map((cell, index) => cellNumber(cell, where, index + 1));
		const entry = series.get(vm) ?? {
			ticks: [], values: {
				cpu: [], memory: [], disk: [], network: [],
			},
		};
		if (entry.ticks.length > 0 && tick <= entry.ticks.at(-1)!) {
			throw new TraceError(`${where}: ticks of ${vm} must be whole numbers in increasing order, got ${tick}`);
		}

		entry.ticks.push(tick);
		entry.values.cpu.push(cpu);
		entry.values.memory.push(memory);
		entry.values.disk.push(disk);
		entry.values.network.push(network);
		series.set(vm, entry);
	}

	return series;
}

/** Replaces the named VMs' workloads with the series (other VMs keep theirs). */
export function withCsvWorkload(world: World, name: string, series: CsvSeries): World {
	const label = printable(name);
	const vms = new Map(world.vms.map(vm => [vm.id, vm]));
	for (const [vmId, entry] of series) {
		const vm = vms.get(vmId);
		if (!vm) {
			throw new TraceError(`${label}: no VM ${vmId} in scenario ${world.scenarioName}`);
		}

		const step = entry.ticks.length > 1 ? entry.ticks[1]! - entry.ticks[0]! : 1;
		if (entry.ticks[0] !== 0 || entry.ticks.some((tick, index) => tick !== index * step)) {
			throw new TraceError(`${label}: ${vmId}'s samples must start at tick 0 and be evenly spaced`);
		}

		const shapes: WorkloadShape[] = (['cpu', 'memory', 'disk', 'network'] as const).map(resource => ({
			kind: 'replay', values: entry.values[resource], sampleTicks: step, loop: false, resources: [resource],
		}));
		vm.workload = {
			base: {
				cpu: 1, memory: 1, disk: 1, network: 1,
			}, shapes,
		};
		vm.random = initialRandomState(vm.random.rng, vm.workload);
	}

	return world;
}
