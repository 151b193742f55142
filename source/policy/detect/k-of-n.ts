/**
Sandpiper's hotspot detection (SP07 section 4): a host is hot on a resource when at least k of its
last n samples exceed the threshold and the AR(1) forecast of the next sample exceeds it too; both on
the same host and resource (models.md 1.10, choice 4). Memory: black-box sees swapping; gray-box also
sees a working set about to outgrow its allocation.
*/
import type {MonitoringConfig, Resource} from '../../sim/types.js';
import {isUpWorker} from '../round/host-state.js';
import {rateResources, type HostView, type Visibility} from '../sandpiper/monitor.js';
import {kOfN, recentAr1Forecast} from '../sandpiper/profile.js';

export type Hotspot = {
	resource: Resource;
	/** The samples that made the decision, oldest first. */
	samples: number[];
	forecast: number;
};

/** The AR(1) forecast of a host's next interval mean: asked only once k of n hold, as it is the costly half. */
function forecast(host: HostView, key: keyof HostView['samples'], window: number): number {
	return recentAr1Forecast(host.host.history.intervals[key], window);
}

export function detectHotspots(host: HostView, monitoring: MonitoringConfig, visibility: Visibility, timeSeriesWindow: number): Hotspot[] {
	if (!isUpWorker(host.host)) {
		return [];
	}

	const {k, n, thresholds} = monitoring;
	const hotspots: Hotspot[] = [];
	for (const resource of rateResources) {
		const samples = host.samples[resource];
		if (kOfN(samples, thresholds[resource], k, n)) {
			const next = forecast(host, resource, timeSeriesWindow);
			if (next > thresholds[resource]) {
				hotspots.push({resource, samples, forecast: next});
			}
		}
	}

	const swapForecast = kOfN(host.samples.swapMBps, thresholds.swapMBps, k, n) ? forecast(host, 'swapMBps', timeSeriesWindow) : 0;
	const swapping = swapForecast > thresholds.swapMBps;
	const pressured = visibility === 'gray-box' ? host.vms.filter(vm => vm.underMemoryPressure && vm.movable) : [];
	if (swapping || pressured.length > 0) {
		hotspots.push({resource: 'memory', samples: host.samples.swapMBps, forecast: swapForecast});
	}

	return hotspots;
}
