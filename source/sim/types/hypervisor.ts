/** What runs a host's VMs: the hypervisor and how it virtualises. */

export type HypervisorFamily = 'kvm' | 'xen' | 'esxi' | 'hyper-v' | 'virtualbox' | 'vmware-workstation';

/** Type 1 runs on bare metal, type 2 on a host operating system. */
export type HypervisorType = 1 | 2;

export type VirtualisationTechnique = 'full' | 'hardware-assisted' | 'paravirtualisation';

export type Hypervisor = {
	family: HypervisorFamily;
	type: HypervisorType;
	technique: VirtualisationTechnique;
};
