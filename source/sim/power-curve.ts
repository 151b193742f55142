/** A SPECpower table (watts at 0, 10, ..., 100 % load) read at any utilisation, linearly, as CloudSim does. */
export function interpolate(table: readonly number[], utilisation: number): number {
	const u = Math.min(1, Math.max(0, utilisation));
	const position = u * (table.length - 1);
	const low = Math.floor(position);
	const high = Math.min(table.length - 1, low + 1);
	return table[low]! + ((table[high]! - table[low]!) * (position - low));
}
