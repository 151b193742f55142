/**
A generated scenario (./cloudsim-datacenter.ts), checked and given its defaults as a value. It holds a
few kinds of host and VM repeated hundreds of times, so the schema checks one of each kind and the
rest are copies of its result with their own ids, hosts and traces: checking all 1,852 hosts and VMs
of the 800-host parity day took 95 ms of its 1.4 s, checking the kinds takes a few. The ids and host
names are checked too, all of them. Replayed traces were checked as they were read (./traces.ts), so
the schema sees one sample of each and every trace goes back after.
*/
import * as z from 'zod';
import {parseValueWith} from './parse-scenario.js';
import {id} from './schema-values.js';
import {scenarioSchema, type Scenario, type ScenarioInput} from './schema.js';

type VmInput = ScenarioInput['vms'][number];
type VmOutput = Scenario['vms'][number];

const names = z.array(id.optional());

/** A VM with only the first sample of each replayed trace (the schema's checks are the same). */
function withFirstSamples(vm: VmInput): VmInput {
	return {
		...vm,
		workload: vm.workload && {
			...vm.workload,
			shapes: vm.workload.shapes?.map(shape => shape.kind === 'replay' ? {...shape, values: shape.values.slice(0, 1)} : shape),
		},
	};
}

/** What a VM's kind is: all of it but what makes it itself (its id, its host, its trace's samples); whether it has an id counts, so that copies keep their keys in the order a check of their own gives. */
function vmKey(vm: VmInput): string {
	return JSON.stringify({...withFirstSamples(vm), id: vm.id !== undefined, host: undefined});
}

/** Positions of `items` by kind (equal keys), and the first item of each kind as `representative` makes it. */
function byKind<T>(items: readonly T[], key: (item: T) => string, representative: (item: T) => T): {kinds: T[]; kindOf: number[]} {
	const seen = new Map<string, number>();
	const kinds: T[] = [];
	const kindOfItem: number[] = [];
	for (const item of items) {
		const itemKey = key(item);
		let index = seen.get(itemKey);
		if (index === undefined) {
			index = kinds.length;
			seen.set(itemKey, index);
			kinds.push(representative(item));
		}

		kindOfItem.push(index);
	}

	return {kinds, kindOf: kindOfItem};
}

/** A fresh copy of a checked value (JSON's, whose arrays stay fast where structuredClone's do not; see sim/step.ts). */
function copy<T>(value: T): T {
	// eslint-disable-next-line unicorn/prefer-structured-clone, @typescript-eslint/no-unsafe-type-assertion -- see above; a checked scenario is JSON.
	return JSON.parse(JSON.stringify(value)) as T;
}

export function parseGenerated(input: ScenarioInput): Scenario {
	const hosts = byKind(input.hosts, host => JSON.stringify({...host, id: host.id !== undefined}), host => host);
	const vms = byKind(input.vms, vmKey, withFirstSamples);
	parseValueWith(names, [...input.hosts.map(host => host.id), ...input.vms.flatMap(vm => [vm.id, vm.host])]);
	const checked = parseValueWith(scenarioSchema, {...input, hosts: hosts.kinds, vms: vms.kinds});
	return {
		...checked,
		hosts: hosts.kindOf.map((kind, index) => {
			const host = copy(checked.hosts[kind]!);
			const own = input.hosts[index]!;
			if (own.id !== undefined) {
				host.id = own.id;
			}

			return host;
		}),
		vms: vms.kindOf.map((kind, index): VmOutput => {
			const own = input.vms[index]!;
			const vm = copy(checked.vms[kind]!);
			if (own.id !== undefined) {
				vm.id = own.id;
			}

			vm.host = own.host;
			const shapes = own.workload?.shapes ?? [];
			for (const [position, shape] of (vm.workload?.shapes ?? []).entries()) {
				const given = shapes[position];
				if (shape.kind === 'replay' && given?.kind === 'replay') {
					shape.values = [...given.values];
				}
			}

			return vm;
		}),
	};
}
