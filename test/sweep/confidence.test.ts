import test from 'ava';
import fc from 'fast-check';
import {summarise, tQuantile975} from '../../source/sweep/confidence.js';

test('mean, sample sd and the 95 % interval by hand: 1, 2, 3, 4', t => {
	const summary = summarise([1, 2, 3, 4])!;
	t.is(summary.mean, 2.5);
	t.is(summary.sd.toFixed(6), Math.sqrt(5 / 3).toFixed(6));
	// T(0.975, 3) = 3.182; half-width 3.182 x 1.290994 / 2.
	t.is((summary.ci95![1] - 2.5).toFixed(4), (3.182 * Math.sqrt(5 / 3) / 2).toFixed(4));
	t.is(summary.ci95![0] + summary.ci95![1], 5);
});

test('one value has no interval; none has no summary', t => {
	t.deepEqual(summarise([7]), {
		n: 1, mean: 7, sd: 0, ci95: null,
	});
	t.is(summarise([]), null);
});

test('the t quantile falls towards 1.96 as degrees of freedom grow, never below it', t => {
	fc.assert(fc.property(fc.integer({min: 1, max: 10_000}), df => tQuantile975(df + 1) <= tQuantile975(df) && tQuantile975(df) >= 1.96));
	t.is(tQuantile975(1), 12.706);
	t.is(tQuantile975(9), 2.262);
	t.is(tQuantile975(45), 2.021);
});
