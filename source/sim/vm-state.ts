import type {Vm} from './types.js';

/** A VM that holds a place on its host: not lost with a failed host, not finished and gone (CloudSim's datacenter removes such VMs). */
export const isPlaced = (vm: Vm) => vm.state !== 'lost' && vm.state !== 'finished';

/** A VM that neither runs nor can: stopped, lost or finished. */
export const isDown = (vm: Vm) => vm.state === 'stopped' || !isPlaced(vm);
