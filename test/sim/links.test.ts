import test from 'ava';
import fc from 'fast-check';
import {
	fairShares, mbpsToMiBps, migrationRates, mibpsToMbps,
} from '../../source/sim/links.js';
import type {Host, Migration} from '../../source/sim/types.js';
import {blankMigration} from '../../source/migration/compare.js';

test('max-min fair shares: small demands are met, the rest split what is left', t => {
	t.deepEqual(fairShares([100, 900, 900], 1000), [100, 450, 450]);
	t.deepEqual(fairShares([200, 300], 1000), [200, 300]);
	t.deepEqual(fairShares([], 1000), []);
});

test('property: shares never exceed demand or, together, the capacity, and no capacity is left while a demand is unmet', t => {
	t.notThrows(() => {
		fc.assert(fc.property(fc.array(fc.double({min: 0, max: 2000, noNaN: true}), {maxLength: 12}), fc.double({min: 0, max: 5000, noNaN: true}), (demands, capacity) => {
			const shares = fairShares(demands, capacity);
			const total = shares.reduce((sum, share) => sum + share, 0);
			if (total > capacity + 1e-6 || shares.some((share, index) => share > demands[index]! + 1e-9 || share < 0)) {
				throw new Error(`shares ${shares.join(',')} for ${demands.join(',')} on ${capacity}`);
			}

			const unmet = shares.some((share, index) => share < demands[index]! - 1e-6);
			if (unmet && total < capacity - 1e-6) {
				throw new Error(`capacity left (${capacity - total}) while a demand is unmet`);
			}
		}));
	});
});

const scenario = fc.record({
	hostCount: fc.integer({min: 2, max: 6}),
	links: fc.array(fc.record({source: fc.nat(), destination: fc.nat(), capMiBps: fc.double({min: 1, max: 200, noNaN: true})}), {minLength: 1, maxLength: 10}),
	traffic: fc.array(fc.double({min: 0, max: 1500, noNaN: true}), {minLength: 6, maxLength: 6}),
	capacities: fc.array(fc.constantFrom(100, 1000, 10_000), {minLength: 6, maxLength: 6}),
});

test('property: migrations with the VMs\' traffic never carry more than a NIC\'s capacity in either direction', t => {
	t.notThrows(() => {
		fc.assert(fc.property(scenario, ({hostCount, links, traffic, capacities}) => {
			const hosts = Array.from({length: hostCount}, (_, index) => ({id: `h${index}`, state: 'up', capacity: {networkMbps: capacities[index]!, migrationNetworkMbps: null}})) as unknown as Host[];
			const hostIndex = new Map(hosts.map((host, index) => [host.id, index]));
			const migrations: Migration[] = links.map((link, index) => {
				const source = link.source % hostCount;
				const destination = (source + 1 + (link.destination % (hostCount - 1))) % hostCount;
				return {
					...blankMigration('precopy', 512, 16, 2), id: `m${index}`, sourceHostId: `h${source}`, destinationHostId: `h${destination}`,
				};
			});
			const caps = links.map(link => link.capMiBps);
			const rates = migrationRates(migrations, hosts, hostIndex, caps, traffic);
			for (const [index, host] of hosts.entries()) {
				const vmShare = Math.min(traffic[index]!, host.capacity.networkMbps);
				for (const end of ['sourceHostId', 'destinationHostId'] as const) {
					const through = migrations.reduce((sum, migration, position) => sum + (migration[end] === host.id ? mibpsToMbps(rates[position]!) : 0), 0);
					const fair = fairShares([...migrations.flatMap((migration, position) => migration[end] === host.id ? [mibpsToMbps(caps[position]!)] : []), traffic[index]!], host.capacity.networkMbps);
					const vmFair = fair.at(-1)!;
					if (through + vmFair > host.capacity.networkMbps + 1e-6 || through > host.capacity.networkMbps + 1e-6) {
						throw new Error(`${host.id} carries ${through} Mbit/s of migrations beside ${vmShare} of VM traffic on ${host.capacity.networkMbps}`);
					}
				}
			}

			if (rates.some((rate, index) => rate > caps[index]! + 1e-9 || rate < 0)) {
				throw new Error('a rate beyond its cap');
			}
		}));
	});
});

test('unit conversions round-trip', t => {
	t.true(Math.abs(mibpsToMbps(mbpsToMiBps(1000)) - 1000) < 1e-9);
});

test('a migration NIC of its own: migrations share it among themselves and leave the VMs\' NIC whole', t => {
	const host = (id: string, migrationNetworkMbps: number | null) => ({id, state: 'up', capacity: {networkMbps: 1000, migrationNetworkMbps}}) as unknown as Host;
	const hosts = [host('a', 10_000), host('b', 10_000), host('c', null), host('d', null)];
	const hostIndex = new Map(hosts.map((h, index) => [h.id, index]));
	const migration = (id: string, from: string, to: string): Migration => ({
		...blankMigration('precopy', 512, 16, 2), id, sourceHostId: from, destinationHostId: to,
	});
	const caps = [2000, 2000, 2000];
	// Two migrations a -> b on 10 Gbit/s split it; c -> d shares 1 Gbit/s max-min fairly with 900 Mbit/s of VM traffic (one flow): half each.
	const rates = migrationRates([migration('m1', 'a', 'b'), migration('m2', 'a', 'b'), migration('m3', 'c', 'd')], hosts, hostIndex, caps, [900, 900, 900, 900]);
	t.true(Math.abs(mibpsToMbps(rates[0]!) - 5000) < 1e-6);
	t.true(Math.abs(mibpsToMbps(rates[1]!) - 5000) < 1e-6);
	t.true(Math.abs(mibpsToMbps(rates[2]!) - 500) < 1e-6);
});
