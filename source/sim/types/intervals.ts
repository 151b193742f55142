/** What a monitor gathers per monitoring interval, for hosts and VMs alike. */
import type {Series} from '../series.js';

/** Per-interval means: VM CPU in units, working set in MiB, disk MB/s, network Mbit/s; host ones as utilisations. */
export type IntervalSamples = {
	cpu: Series;
	memory: Series;
	disk: Series;
	network: Series;
	swapMBps: Series;
};

export type IntervalAccumulator = {
	ticks: number;
	cpu: number;
	memory: number;
	disk: number;
	network: number;
	swapMBps: number;
};
