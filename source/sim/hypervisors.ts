/**
What each hypervisor is and can do, as data. Type 1 runs on bare metal, type 2 on a host operating
system. Techniques: full virtualisation by binary rewriting of privileged instructions (VMware's and
VirtualBox's software mode), hardware-assisted virtualisation (Intel VT-x, AMD-V), and
para-virtualisation (a modified guest calls the hypervisor: Xen PV; virtio, Hyper-V enlightenments
and VMware's paravirtual drivers for I/O). Live migration works only within a family.
*/
import type {
	HypervisorFamily, HypervisorType, VirtualisationTechnique,
} from './types.js';

export type HypervisorProfile = {
	type: HypervisorType;
	techniques: readonly VirtualisationTechnique[];
	/** The product's name, for help and reports. */
	label: string;
};

export const hypervisorProfiles: Readonly<Record<HypervisorFamily, HypervisorProfile>> = {
	kvm: {type: 1, techniques: ['hardware-assisted', 'paravirtualisation'], label: 'KVM'},
	xen: {type: 1, techniques: ['paravirtualisation', 'hardware-assisted'], label: 'Xen'},
	esxi: {type: 1, techniques: ['full', 'hardware-assisted', 'paravirtualisation'], label: 'VMware ESXi'},
	'hyper-v': {type: 1, techniques: ['hardware-assisted', 'paravirtualisation'], label: 'Hyper-V'},
	virtualbox: {type: 2, techniques: ['full', 'hardware-assisted', 'paravirtualisation'], label: 'VirtualBox'},
	'vmware-workstation': {type: 2, techniques: ['full', 'hardware-assisted'], label: 'VMware Workstation'},
};

/** Why a VM cannot use a technique on a hypervisor, or undefined when it can. */
export function techniqueRefusal(family: HypervisorFamily, technique: VirtualisationTechnique, guest: {name: string; modifiable: boolean}): string | undefined {
	const profile = hypervisorProfiles[family];
	if (!profile.techniques.includes(technique)) {
		return `${profile.label} does not offer ${technique} (it offers ${profile.techniques.join(', ')})`;
	}

	if (technique === 'paravirtualisation' && !guest.modifiable) {
		return `para-virtualisation needs a modified guest kernel, and ${guest.name} cannot be modified`;
	}

	return undefined;
}
