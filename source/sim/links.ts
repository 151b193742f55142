/**
Link bandwidth for migrations. Each running migration gets a fair share of its source's outbound and
its destination's inbound NIC (a NIC is full duplex), capped by the highest rate one migration
reaches on an idle link. VMs' own traffic gets what the migrations leave, unless a host has a NIC of
its own for migrations.
*/
import type {Host, Migration} from './types.js';

/** 1 Mbit/s in MiB/s. */
export const mibPerMbit = 1_000_000 / 8 / 1_048_576;

export function mbpsToMiBps(mbps: number): number {
	return mbps * mibPerMbit;
}

export function mibpsToMbps(mibps: number): number {
	return mibps / mibPerMbit;
}

/** Max-min fair shares of `capacity` among flows asking for `demands` (water-filling), in the same order. */
export function fairShares(demands: readonly number[], capacity: number): number[] {
	const order = demands.map((demand, index) => ({demand, index})).toSorted((a, b) => a.demand - b.demand);
	const shares = demands.map(() => 0);
	let remaining = Math.max(0, capacity);
	for (const [position, flow] of order.entries()) {
		const share = Math.min(flow.demand, remaining / (order.length - position));
		shares[flow.index] = share;
		remaining -= share;
	}

	return shares;
}

/**
Rate of each migration (MiB/s), in the order of `migrations`. Each NIC direction is shared max-min
fairly among the migrations through it and the resident VMs' own traffic (one flow per host); a
migration gets the smaller of its shares at the source's outbound and the destination's inbound
side, and never more than its cap. No link carries more than its capacity.
*/
export function migrationRates(
	migrations: readonly Migration[],
	hosts: readonly Host[],
	hostIndex: ReadonlyMap<string, number>,
	capsMiBps: readonly number[],
	vmTrafficMbps: readonly number[],
): number[] {
	if (migrations.length === 0) {
		return [];
	}

	const outgoing = hosts.map((): number[] => []);
	const incoming = hosts.map((): number[] => []);
	const ends = migrations.map(migration => ({source: hostIndex.get(migration.sourceHostId), destination: hostIndex.get(migration.destinationHostId)}));
	for (const [index, {source, destination}] of ends.entries()) {
		if (source !== undefined && destination !== undefined) {
			outgoing[source]!.push(index);
			incoming[destination]!.push(index);
		}
	}

	const outShare = migrations.map(() => 0);
	const inShare = migrations.map(() => 0);
	const share = (flows: number[][], into: number[]) => {
		for (const [position, indices] of flows.entries()) {
			if (indices.length === 0) {
				continue;
			}

			const host = hosts[position]!;
			// On a migration NIC of its own, migrations share it among themselves; otherwise with the VMs' traffic.
			const dedicated = host.capacity.migrationNetworkMbps;
			const demands = indices.map(index => mibpsToMbps(capsMiBps[index]!));
			if (dedicated === null) {
				demands.push(vmTrafficMbps[position] ?? 0);
			}

			const shares = host.state === 'up' ? fairShares(demands, dedicated ?? host.capacity.networkMbps) : demands.map(() => 0);
			for (const [slot, index] of indices.entries()) {
				into[index] = mbpsToMiBps(shares[slot]!);
			}
		}
	};

	share(outgoing, outShare);
	share(incoming, inShare);
	return migrations.map((_migration, index) => Math.max(0, Math.min(capsMiBps[index]!, outShare[index]!, inShare[index]!)));
}
