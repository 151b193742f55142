/**
Consolidation's order: movable VMs by decreasing peak CPU, ties by id. Largest first, as best fit
decreasing places them (Beloglazov and Buyya, CCPE 2012): the big ones find room while there is most.
*/
import type {VmView} from '../sandpiper/monitor.js';

export function byPeakCpu(vms: readonly VmView[]): VmView[] {
	return vms.filter(vm => vm.movable).toSorted((a, b) => (b.peak.cpu - a.peak.cpu) || a.id.localeCompare(b.id));
}
