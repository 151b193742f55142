/**
Sandpiper's VM order (SP07 section 6): a hot host's VMs in decreasing volume-to-size ratio, which
moves the most load per byte copied (../sandpiper/volume.ts); ties by id, for determinism. Gray-box:
VMs under memory pressure first, each asking for the memory its working set needs.
*/
import type {VmView} from '../sandpiper/monitor.js';

/** The VMs a hot host may send, best first; only those under memory pressure when memory is all it is hot on. */
export function byVsr(vms: readonly VmView[], onlyMemory: boolean): VmView[] {
	return vms
		.filter(vm => vm.movable && (!onlyMemory || vm.underMemoryPressure))
		.toSorted((a, b) => (Number(b.underMemoryPressure) - Number(a.underMemoryPressure)) || (b.vsr - a.vsr) || a.id.localeCompare(b.id));
}

/** The VMs a swap may take from a cool host, lowest VSR first (SP07's swap moves the least load back). */
export function byVsrAscending(vms: readonly VmView[]): VmView[] {
	return vms.filter(vm => vm.movable).toSorted((a, b) => (a.vsr - b.vsr) || a.id.localeCompare(b.id));
}

/** Memory `vm` asks for at its destination: what its working set needs when under pressure, never less than it has. */
export function allocationFor(vm: VmView): number {
	return vm.underMemoryPressure ? Math.max(vm.neededMiB, vm.memoryMiB) : vm.memoryMiB;
}
