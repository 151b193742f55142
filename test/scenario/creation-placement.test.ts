import test from 'ava';
import fc from 'fast-check';
import {CreationPlacement, type CreationHostKind} from '../../source/scenario/creation-placement.js';
import {specpowerTables} from '../../source/scenario/defaults.js';
import {cloudsimSpecpower} from '../../source/sim/power-curve.js';

const kinds: CreationHostKind[] = [
	{mips: 3720, ramMiB: 4096, table: specpowerTables.get('hp-ml110-g4')!},
	{mips: 5320, ramMiB: 4096, table: specpowerTables.get('hp-ml110-g5')!},
];
const vmTypes = [{mips: 2500, ramMiB: 870}, {mips: 2000, ramMiB: 1740}, {mips: 1000, ramMiB: 1740}, {mips: 500, ramMiB: 613}];

/** The scan the placement replaces: every host priced, a strict `<` in id order. */
function scan(kindOf: readonly number[], vms: ReadonlyArray<{mips: number; ramMiB: number}>): number[] {
	const placed = kindOf.map(() => 0);
	const ram = kindOf.map(() => 0);
	return vms.map(vm => {
		let best = -1;
		let bestIncrease = Number.POSITIVE_INFINITY;
		for (const [host, kindIndex] of kindOf.entries()) {
			const kind = kinds[kindIndex]!;
			if (ram[host]! + vm.ramMiB > kind.ramMiB || vm.mips > kind.mips / 2 || placed[host]! + vm.mips > kind.mips) {
				continue;
			}

			const increase = cloudsimSpecpower(kind.table, (placed[host]! + vm.mips) / kind.mips) - cloudsimSpecpower(kind.table, 0);
			if (increase < bestIncrease) {
				best = host;
				bestIncrease = increase;
			}
		}

		if (best >= 0) {
			placed[best]! += vm.mips;
			ram[best]! += vm.ramMiB;
		}

		return best;
	});
}

test('property: creation placement picks the host a scan of every host picks, for any hosts and VMs', t => {
	fc.assert(fc.property(
		fc.array(fc.integer({min: 0, max: 1}), {minLength: 1, maxLength: 40}),
		fc.array(fc.integer({min: 0, max: 3}), {minLength: 1, maxLength: 120}),
		(kindOf, types) => {
			const vms = types.map(type => vmTypes[type]!);
			const placement = new CreationPlacement(kinds, kindOf);
			t.deepEqual(vms.map(vm => placement.place(vm.mips, vm.ramMiB)), scan(kindOf, vms));
		},
	), {seed: 18, numRuns: 300});
});

test('the VMs spread: each host takes one before any takes a second, while one fits', t => {
	const placement = new CreationPlacement(kinds, [0, 1, 0, 1]);
	// 500-MIPS VMs: the G5 hosts price each cheapest and come first, then the G4 hosts; then seconds.
	t.deepEqual(Array.from({length: 5}, () => placement.place(500, 613)), [1, 3, 0, 2, 1]);
});
