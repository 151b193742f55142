/**
Gathers what a headless report needs while a run goes on: per-host means and maxima per resource and
ticks with unmet demand. Fed by `runTicks`' `onTick`, so a run's memory does not grow with its length.
*/
import {isOverloaded} from '../sim/capacity.js';
import type {ResourceVector, World} from '../sim/types.js';
import {zeroVector} from '../sim/resource-vector.js';

export type HostStats = {
	id: string;
	rack: string;
	mean: ResourceVector;
	max: ResourceVector;
	overloadedTicks: number;
};

export type Collector = {
	onTick(world: World): void;
	hostStats(): HostStats[];
};

export function createCollector(world: World): Collector {
	const sums = world.hosts.map(() => zeroVector());
	const maxima = world.hosts.map(() => zeroVector());
	const overloaded = world.hosts.map(() => 0);
	let ticks = 0;
	return {
		onTick(current) {
			ticks++;
			// An index, not `entries()`: its pair per host per tick was most of a long run's garbage here.
			let index = -1;
			for (const host of current.hosts) {
				index++;
				const {utilisation} = host.usage;
				const sum = sums[index]!;
				const max = maxima[index]!;
				sum.cpu += utilisation.cpu;
				sum.memory += utilisation.memory;
				sum.disk += utilisation.disk;
				sum.network += utilisation.network;
				max.cpu = Math.max(max.cpu, utilisation.cpu);
				max.memory = Math.max(max.memory, utilisation.memory);
				max.disk = Math.max(max.disk, utilisation.disk);
				max.network = Math.max(max.network, utilisation.network);
				if (host.state === 'up' && isOverloaded(host.usage)) {
					overloaded[index]!++;
				}
			}
		},
		hostStats() {
			const divisor = Math.max(1, ticks);
			return world.hosts.map((host, index) => {
				const sum = sums[index]!;
				return {
					id: host.id,
					rack: host.rack,
					mean: {
						cpu: sum.cpu / divisor, memory: sum.memory / divisor, disk: sum.disk / divisor, network: sum.network / divisor,
					},
					max: {...maxima[index]!},
					overloadedTicks: overloaded[index]!,
				};
			});
		},
	};
}
