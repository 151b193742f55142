import test from 'ava';
import {
	ar1Forecast, kOfN, lag1Autocorrelation, mean, percentile, recentAr1Forecast, recentPercentile,
} from '../../source/policy/sandpiper/profile.js';
import {emptySeries, lastValues, pushToSeries} from '../../source/sim/series.js';
import {volume, volumeToSize} from '../../source/policy/sandpiper/volume.js';

test('k-of-n: exactly k of the last n over the threshold is a hotspot, k - 1 is not, and older samples do not count', t => {
	t.true(kOfN([0.8, 0.5, 0.9, 0.5, 0.8], 0.75, 3, 5));
	t.false(kOfN([0.8, 0.5, 0.9, 0.5, 0.7], 0.75, 3, 5));
	t.false(kOfN([0.9, 0.9, 0.8, 0.5, 0.9, 0.5, 0.7], 0.75, 3, 5), 'two of the three overs are older than n');
	t.false(kOfN([0.75, 0.75, 0.75], 0.75, 3, 5), 'equal to the threshold is not over it');
	t.true(kOfN([0.9], 0.75, 1, 1));
});

test('AR(1) with phi = 0 predicts the mean; with phi near 1, the last value', t => {
	const series = [0.2, 0.4, 0.6, 0.8];
	t.is(ar1Forecast(series, 0), mean(series));
	t.true(Math.abs(ar1Forecast(series, 0.999_999) - 0.8) < 1e-6);
	t.is(ar1Forecast([], 0.5), 0);
});

test('the lag-1 autocorrelation is high for a trend, zero for a flat series, clamped to [0, 0.99]', t => {
	t.true(lag1Autocorrelation([1, 2, 3, 4, 5, 6, 7, 8]) > 0.5);
	t.is(lag1Autocorrelation([3, 3, 3, 3]), 0);
	t.is(lag1Autocorrelation([1, -1, 1, -1, 1, -1]), 0, 'an alternating series is clamped at 0');
	t.true(lag1Autocorrelation(Array.from({length: 100}, (_, index) => index)) <= 0.99);
});

test('percentiles interpolate between ranks', t => {
	t.is(percentile([5, 1, 3, 2, 4], 50), 3);
	t.is(percentile([1, 2, 3, 4, 5], 100), 5);
	t.is(percentile([1, 2], 95), 1.95);
	t.is(percentile([], 95), 0);
});

test('volume is the product of 1 / (1 - u): (0.5, 0.5, 0.5) gives 8 and (0.9, 0, 0) gives 10', t => {
	t.is(volume([0.5, 0.5, 0.5]), 8);
	t.true(Math.abs(volume([0.9, 0, 0]) - 10) < 1e-9);
	t.is(volume([0.75, 0.75, 0]), 16);
	t.true(Math.abs(volume([1, 0, 0]) - 100) < 1e-9, 'each u is clamped to 0.99');
	t.true(Math.abs(volumeToSize([0.5, 0.5, 0.5], 512) - (8 / 512)) < 1e-12);
});

test('the fast path for high percentiles agrees with sorting, whatever the values', t => {
	const sortedPercentile = (values: number[], p: number) => {
		const sorted = values.toSorted((a, b) => a - b);
		const rank = (p / 100) * (sorted.length - 1);
		const low = Math.floor(rank);
		return sorted[low]! + ((sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low));
	};

	for (let seed = 1; seed < 200; seed++) {
		const length = 1 + (seed % 70);
		const values = Array.from({length}, (_, index) => Math.sin((seed * 7.1) + (index * 3.3)) * 100);
		for (const p of [50, 80, 90, 95, 99, 100]) {
			t.true(Math.abs(percentile(values, p) - sortedPercentile(values, p)) < 1e-9, `n ${length}, p ${p}`);
		}
	}
});

test('statistics read in place from a ring agree with those of the copied window', t => {
	for (let length = 1; length < 80; length += 3) {
		const ring = emptySeries();
		for (let index = 0; index < length; index++) {
			pushToSeries(ring, (Math.cos(index * 1.7) * 10) + (index / 5), 60);
		}

		for (const window of [1, 5, 30, 60]) {
			const copy = lastValues(ring, window);
			t.true(Math.abs(recentPercentile(ring, window, 95) - percentile(copy, 95)) < 1e-9, `percentile, ${length} samples, window ${window}`);
			t.true(Math.abs(recentAr1Forecast(ring, window) - ar1Forecast(copy)) < 1e-9, `forecast, ${length} samples, window ${window}`);
		}
	}
});
