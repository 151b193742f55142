/**
The threshold baseline's choice (Beloglazov and Buyya, CCPE 2012, MMT): the movable VM with the least
memory, the quickest to migrate over the same link; ties by id.
*/
import type {VmView} from '../sandpiper/monitor.js';

export function leastMemory(vms: readonly VmView[]): VmView | undefined {
	return vms.filter(vm => vm.movable).toSorted((a, b) => (a.memoryMiB - b.memoryMiB) || a.id.localeCompare(b.id))[0];
}
