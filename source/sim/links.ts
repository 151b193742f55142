/**
Link bandwidth for migrations. Each running migration gets a fair share of its source's outbound and
its destination's inbound NIC (a NIC is full duplex), capped by the highest rate one migration
reaches on an idle link. VMs' own traffic gets what the migrations leave.
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

/** Rate of each migration (MiB/s), in the order of `migrations`. */
export function migrationRates(migrations: readonly Migration[], hosts: readonly Host[], hostIndex: ReadonlyMap<string, number>, maxRateMiBps: number): number[] {
	if (migrations.length === 0) {
		return [];
	}

	const outgoing = new Map<string, number>();
	const incoming = new Map<string, number>();
	for (const migration of migrations) {
		outgoing.set(migration.sourceHostId, (outgoing.get(migration.sourceHostId) ?? 0) + 1);
		incoming.set(migration.destinationHostId, (incoming.get(migration.destinationHostId) ?? 0) + 1);
	}

	return migrations.map(migration => {
		const source = hosts[hostIndex.get(migration.sourceHostId) ?? -1];
		const destination = hosts[hostIndex.get(migration.destinationHostId) ?? -1];
		if (source?.state !== 'up' || destination?.state !== 'up') {
			return 0;
		}

		const outShare = mbpsToMiBps(source.capacity.networkMbps) / (outgoing.get(source.id) ?? 1);
		const inShare = mbpsToMiBps(destination.capacity.networkMbps) / (incoming.get(destination.id) ?? 1);
		return Math.min(maxRateMiBps, outShare, inShare);
	});
}
