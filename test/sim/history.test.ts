import test from 'ava';
import fc from 'fast-check';
import {pushFlag} from '../../source/sim/history.js';

test('property: pushFlag keeps the newest `limit` flags, oldest first, whatever the list held and however the limit changes', t => {
	fc.assert(fc.property(
		fc.array(fc.boolean(), {maxLength: 12}),
		fc.array(fc.tuple(fc.boolean(), fc.integer({min: 1, max: 8})), {maxLength: 40}),
		(start, pushes) => {
			const flags = [...start];
			let expected = [...start];
			for (const [flag, limit] of pushes) {
				pushFlag(flags, flag, limit);
				expected = [...expected, flag].slice(-limit);
				t.deepEqual(flags, expected);
			}
		},
	), {seed: 21, numRuns: 200});
});
