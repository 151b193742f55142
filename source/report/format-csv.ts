/**
Per-host, per-tick CSV for plotting: `tick,host,cpu,mem,disk,net,vms,overloaded`, utilisations as fractions.
*/
import {isOverloaded} from '../sim/capacity.js';
import type {World} from '../sim/types.js';

export const csvHeader = 'tick,host,cpu,mem,disk,net,vms,overloaded\n';

function fixed(value: number): string {
	return String(Math.round(value * 1e4) / 1e4);
}

/** The rows of the tick that just ran (`world.tick` has already moved on by one). */
export function csvRows(world: World): string {
	const counts = new Map<string, number>();
	for (const vm of world.vms) {
		counts.set(vm.hostId, (counts.get(vm.hostId) ?? 0) + 1);
	}

	const tick = world.tick - 1;
	let rows = '';
	for (const host of world.hosts) {
		const {utilisation} = host.usage;
		const overloaded = host.state === 'up' && isOverloaded(host.usage) ? 1 : 0;
		rows += `${tick},${host.id},${fixed(utilisation.cpu)},${fixed(utilisation.memory)},${fixed(utilisation.disk)},${fixed(utilisation.network)},${counts.get(host.id) ?? 0},${overloaded}\n`;
	}

	return rows;
}
