/**
Sandpiper, black-box (Wood et al., NSDI 2007): what a hypervisor sees. k-of-n and AR(1) detection
(../detect/k-of-n.ts), VMs by volume-to-size ratio (../select/vsr.ts), the least-volume host
(../place/least-volume.ts), a swap when no single move helps (../place/swap.ts); ./decide.ts runs them.
*/
import {createSandpiperPolicy} from './decide.js';

export const sandpiperPolicy = createSandpiperPolicy('sandpiper', 'black-box', 'Sandpiper, black-box: hypervisor-level CPU, network, disk and swap');
