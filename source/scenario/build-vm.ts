/**
A scenario's VMs as the core runs them: memory, dirtying and guest from the VM or its class, its
workload (the class's base and shapes with the VM's changes, ranges drawn: ./draw-ranges.ts) and its
own random stream. Problems are issues with the VM's JSON path, like the rest of the scenario's checks.
*/
import {emptyAccumulator, emptySamples} from '../sim/history.js';
import {createStream, readStream, type StreamReader} from '../sim/rng.js';
import type {ResourceVector, Vm, Workload} from '../sim/types.js';
import {zeroVector} from '../sim/resource-vector.js';
import {initialRandomState} from '../sim/workload.js';
import type {ScenarioIssue} from './build-world.js';
import {defaultGuest, numberedId} from './defaults.js';
import {drawShape, drawValue} from './draw-ranges.js';
import type {Scenario} from './schema.js';
import type {ScenarioShape} from './shape-schema.js';

type ScenarioVm = Scenario['vms'][number];
type ScenarioVmClass = Scenario['vmClasses'][string];

/** The class a VM names, if the scenario has one by that name (an own entry: `toString` is no class). */
export function vmClassOf(scenario: Scenario, name: string | undefined): ScenarioVmClass | undefined {
	return name !== undefined && Object.hasOwn(scenario.vmClasses, name) ? scenario.vmClasses[name] : undefined;
}

function buildWorkload(scenario: Scenario, vm: ScenarioVm, index: number, stream: StreamReader, issues: ScenarioIssue[]): Workload | undefined {
	const vmClass = vmClassOf(scenario, vm.class);
	const override = vm.workload;
	const base: Partial<ResourceVector> = {...vmClass?.workload.base, ...override?.base};
	if (base.cpu === undefined || base.memory === undefined || base.disk === undefined || base.network === undefined) {
		issues.push({path: `vms[${index}].workload.base`, message: 'expected a class or a complete base demand (cpu, memory, disk, network)'});
		return undefined;
	}

	const drawing = {seed: scenario.seed, vmIndex: index, ownStream: () => stream.uniform()};
	const scale = drawValue(override?.scale ?? 1, drawing, 0);
	const listed = override?.replaceShapes ?? [...(vmClass?.workload.shapes ?? []), ...(override?.shapes ?? [])];
	const shapes = listed.map((shape, position) => drawShape(shape, position, drawing));
	return {
		base: {
			cpu: base.cpu * scale, memory: base.memory * scale, disk: base.disk * scale, network: base.network * scale,
		},
		shapes,
	};
}

export function checkShapes(shapes: readonly ScenarioShape[], path: string, issues: ScenarioIssue[]): void {
	for (const [index, shape] of shapes.entries()) {
		if (shape.kind === 'ramp' && shape.endTick < shape.startTick) {
			issues.push({path: `${path}[${index}].endTick`, message: `expected endTick >= startTick (${shape.startTick}), got ${shape.endTick}`});
		}
	}
}

export function buildVm(scenario: Scenario, vm: ScenarioVm, index: number, issues: ScenarioIssue[]): Vm | undefined {
	const vmClass = vmClassOf(scenario, vm.class);
	if (vm.class !== undefined && !vmClass) {
		issues.push({path: `vms[${index}].class`, message: `no VM class ${vm.class} (classes: ${Object.keys(scenario.vmClasses).join(', ') || 'none'})`});
		return undefined;
	}

	const memoryMiB = vm.memoryMiB ?? vmClass?.memoryMiB;
	if (memoryMiB === undefined) {
		issues.push({path: `vms[${index}].memoryMiB`, message: 'expected a class or memoryMiB'});
		return undefined;
	}

	// A noiseSeed stands for the scenario seed and the position: VMs that share one share their noise.
	const noiseSeed = vm.workload?.noiseSeed;
	const stream = readStream(noiseSeed === undefined ? createStream(scenario.seed, index) : createStream(noiseSeed, 0));
	const workload = buildWorkload(scenario, vm, index, stream, issues);
	if (!workload) {
		return undefined;
	}

	checkShapes(vm.workload?.shapes ?? [], `vms[${index}].workload.shapes`, issues);
	checkShapes(vm.workload?.replaceShapes ?? [], `vms[${index}].workload.replaceShapes`, issues);
	const kind = vm.kind ?? vmClass?.kind ?? 'vm';
	if (kind === 'vm' && vm.cpuLimitUnits !== undefined) {
		issues.push({path: `vms[${index}].cpuLimitUnits`, message: 'a CPU limit is a cgroup setting: only containers have one'});
	}

	return {
		id: vm.id ?? numberedId('vm', index, scenario.vms.length),
		kind,
		// Filled in once the host is known (the host's technique is the default).
		technique: kind === 'container' ? null : (vm.technique ?? vmClass?.technique ?? null),
		guest: {...(vm.guest ?? vmClass?.guest ?? defaultGuest)},
		cpuLimitUnits: kind === 'container' ? (vm.cpuLimitUnits ?? null) : null,
		diskWrittenMB: 0,
		vmClass: vm.class ?? 'custom',
		memoryMiB,
		vcpus: vm.vcpus ?? vmClass?.vcpus ?? 1,
		dirtying: {wwsMiB: vm.wwsMiB ?? vmClass?.wwsMiB ?? 16, coldDirtyMiBps: vm.coldDirtyMiBps ?? vmClass?.coldDirtyMiBps ?? 2},
		workload,
		random: initialRandomState(stream.save(), workload),
		// Filled by buildNetwork once every VM and host exists.
		nics: [],
		networkFunction: null,
		hostId: vm.host,
		migrationId: null,
		state: 'running',
		lostReason: null,
		injected: [],
		usage: {demand: zeroVector(), granted: zeroVector(), swapMBps: 0},
		intervals: emptySamples(),
		accumulator: emptyAccumulator(),
	};
}
