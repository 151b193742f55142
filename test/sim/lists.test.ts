import test from 'ava';
import fc from 'fast-check';
import {RefilledLists} from '../../source/sim/lists.js';

test('property: lists refilled in place read as new lists of what each refill added, in order', t => {
	fc.assert(fc.property(
		fc.integer({min: 1, max: 6}),
		fc.array(fc.array(fc.tuple(fc.nat(), fc.integer())), {maxLength: 8}),
		(slots, refills) => {
			const refilled = new RefilledLists<number>(slots);
			for (const additions of refills) {
				const expected = Array.from({length: slots}, (): number[] => []);
				for (const [slot, item] of additions) {
					refilled.add(slot % slots, item);
					expected[slot % slots]!.push(item);
				}

				refilled.end();
				t.deepEqual(refilled.lists, expected);
			}
		},
	), {seed: 23, numRuns: 300});
});
