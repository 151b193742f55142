/**
The threshold baseline's overload test (Beloglazov and Buyya, CCPE 2012, THR): a worker is overloaded
when its latest CPU utilisation exceeds a static threshold. No k-of-n filter, no forecast.
*/
import {isUpWorker} from '../round/host-state.js';
import type {HostView} from '../sandpiper/monitor.js';

export function overStaticCpu(host: HostView, threshold: number): boolean {
	return isUpWorker(host.host) && host.current.cpu > threshold;
}
