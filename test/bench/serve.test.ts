import test from 'ava';
import {fullServeRun, serveSettings, spread} from '../../source/bench/serve.js';
import {withoutStyles} from '../../source/bench/ssh-viewer.js';

test('bench --serve runs the full hall unless flags ask for a shorter run', t => {
	t.deepEqual(serveSettings(['node', 'index.js', '--serve']), fullServeRun);
	t.deepEqual(serveSettings(['--serve', '--viewers', '3', '--seconds', '2.5', '--settle', '0', '--samples', '4']), {
		viewers: 3, seconds: 2.5, settleSeconds: 0, samples: 4,
	});
	t.throws(() => serveSettings(['--serve', '--viewers', '0']), {instanceOf: RangeError, message: /--viewers/v});
	t.throws(() => serveSettings(['--serve', '--seconds']), {instanceOf: RangeError});
});

test('a spread is the middle value (of two, the smaller) beside the smallest and the largest', t => {
	t.deepEqual(spread([30, 10, 20]), {median: 20, fastest: 10, slowest: 30});
	t.deepEqual(spread([4, 1, 3, 2]), {median: 2, fastest: 1, slowest: 4});
	t.throws(() => spread([]), {instanceOf: RangeError});
});

test('a word styled letter by letter reads whole once the colours are gone; cursor moves stay', t => {
	t.is(withoutStyles('\u001B[33mVIE\u001B[1;38;5;208mWER\u001B[0m'), 'VIEWER');
	t.is(withoutStyles('\u001B[1;22HFORK'), '\u001B[1;22HFORK');
});
