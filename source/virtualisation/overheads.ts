/**
The CPU cost of running a workload virtualised, by technique, with type 2 hypervisors paying for the
host OS on top. Expressed as a share of the VM's own CPU (privileged work trapped or rewritten) and a
factor on the hypervisor's per-I/O cost (models.md 7.2: 2 CPU units per 100 Mbit/s, here also per
100 MB/s of disk, beyond the baseline of factor 1).

The numbers are this project's assumptions, ordered as the literature orders the techniques:
- full virtualisation by binary rewriting pays most on privileged work and I/O (every device access
  is emulated; Adams and Agesen, ASPLOS 2006, measured binary translation and early VT-x each
  winning on different workloads, both far above native on system-call- and I/O-heavy ones);
- hardware-assisted virtualisation removes the rewriting but still exits to the hypervisor on I/O
  to emulated devices;
- para-virtualisation replaces traps with hypercalls and split drivers: a few per cent (Barham et al.,
  "Xen and the Art of Virtualization", SOSP 2003); it is the baseline the default scenario's Xen
  servers are calibrated on (factor 1, no extra CPU share);
- a container runs on the host's kernel: no guest, near-zero overhead;
- a type 2 hypervisor adds the host operating system's scheduling and I/O path.
*/
import type {OverheadModel, VmOverhead} from '../sim/strategies.js';
import type {Vm, VirtualisationTechnique} from '../sim/types.js';

export const techniqueOverheads: Readonly<Record<VirtualisationTechnique | 'container', VmOverhead>> = {
	full: {cpuShare: 0.1, ioFactor: 2.5},
	'hardware-assisted': {cpuShare: 0.03, ioFactor: 1.5},
	paravirtualisation: {cpuShare: 0, ioFactor: 1},
	container: {cpuShare: 0, ioFactor: 0.1},
};

/** What a hosted (type 2) hypervisor adds: the host OS between the hypervisor and the hardware. */
export const type2Extra: VmOverhead = {cpuShare: 0.05, ioFactor: 0.5};

function hosted(overhead: VmOverhead): VmOverhead {
	return {cpuShare: overhead.cpuShare + type2Extra.cpuShare, ioFactor: overhead.ioFactor + type2Extra.ioFactor};
}

const withType2: Readonly<Record<VirtualisationTechnique, VmOverhead>> = {
	full: hosted(techniqueOverheads.full),
	'hardware-assisted': hosted(techniqueOverheads['hardware-assisted']),
	paravirtualisation: hosted(techniqueOverheads.paravirtualisation),
};

export function overheadFor(vm: Pick<Vm, 'kind' | 'technique'>, hypervisorType: 1 | 2): VmOverhead {
	// A container shares the host's kernel: the hypervisor type does not apply to it.
	if (vm.kind === 'container') {
		return techniqueOverheads.container;
	}

	const technique = vm.technique ?? 'hardware-assisted';
	return hypervisorType === 2 ? withType2[technique] : techniqueOverheads[technique];
}

export const virtualisationOverheads: OverheadModel = {
	name: 'by technique',
	forVm: overheadFor,
};
