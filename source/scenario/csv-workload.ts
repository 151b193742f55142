/**
Per-VM utilisation series from a CSV file (`--workload-csv FILE`): a header `vm,tick,cpu,mem,disk,net`
and one row per VM per sample, in the resources' own units (CPU units, working-set MiB, disk MB/s,
network Mbit/s). Each VM's samples must be evenly spaced ticks from 0; between samples demand is
interpolated linearly, after the last one it holds. Parsed by hand: six numeric columns need no
library, and each error names its line.
*/
import type {Resource, World, WorkloadShape} from '../sim/types.js';
import {initialRandomState} from '../sim/workload.js';
import {TraceError} from './traces.js';

export type CsvSeries = Map<string, {ticks: number[]; values: Record<Resource, number[]>}>;

const header = ['vm', 'tick', 'cpu', 'mem', 'disk', 'net'];

export function parseWorkloadCsv(name: string, text: string): CsvSeries {
	const lines = text.split(/\r?\n/v).filter(line => line.trim() !== '');
	if (lines.length === 0 || lines[0]!.split(',').map(cell => cell.trim()).join(',') !== header.join(',')) {
		throw new TraceError(`${name}, line 1: expected the header ${header.join(',')}`);
	}

	const series: CsvSeries = new Map();
	for (const [index, line] of lines.slice(1).entries()) {
		const where = `${name}, line ${index + 2}`;
		const cells = line.split(',').map(cell => cell.trim());
		if (cells.length !== header.length) {
			throw new TraceError(`${where}: expected ${header.length} columns, got ${cells.length}`);
		}

		const [vm, ...numbers] = cells;
		const parsed = numbers.map(Number);
		if (!vm || parsed.some(value => !Number.isFinite(value) || value < 0)) {
			throw new TraceError(`${where}: expected a VM id and five numbers >= 0, got ${JSON.stringify(line)}`);
		}

		const [tick = 0, cpu = 0, memory = 0, disk = 0, network = 0] = parsed;
		const entry = series.get(vm) ?? {
			ticks: [], values: {
				cpu: [], memory: [], disk: [], network: [],
			},
		};
		if (!Number.isInteger(tick) || (entry.ticks.length > 0 && tick <= entry.ticks.at(-1)!)) {
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
	for (const [vmId, entry] of series) {
		const vm = world.vms.find(candidate => candidate.id === vmId);
		if (!vm) {
			throw new TraceError(`${name}: no VM ${vmId} in scenario ${world.scenarioName}`);
		}

		const step = entry.ticks.length > 1 ? entry.ticks[1]! - entry.ticks[0]! : 1;
		if (entry.ticks[0] !== 0 || entry.ticks.some((tick, index) => tick !== index * step)) {
			throw new TraceError(`${name}: ${vmId}'s samples must start at tick 0 and be evenly spaced`);
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
