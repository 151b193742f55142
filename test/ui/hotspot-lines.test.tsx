import test from 'ava';
import {renderToString} from 'ink';
import stringWidth from 'string-width';
import {HotspotLines} from '../../source/ui/components/panels.js';
import type {HotspotLineModel} from '../../source/ui/hotspot-lines.js';

const story = (head: string, parts: string[], isOpen = true): HotspotLineModel => ({
	seconds: 64, severity: isOpen ? 'warn' : 'info', mark: isOpen ? '>' : ' ', head, story: parts, note: null, isOpen,
});

const long = story('h09 CPU curing: 1 move under way', ['moved vm20>h15', 'cured in 15 s', 'back after 60 s', 'moving vm21>h16']);

function lines(items: HotspotLineModel[], width: number, rows: number): string[] {
	return renderToString(<HotspotLines lines={items} width={width} rows={rows}/>, {columns: width + 1}).split('\n').map(line => line.trimEnd());
}

test('80 columns: an open episode whose story does not fit takes a second line, if no other open episode needs it', t => {
	t.deepEqual(lines([long, story('h07 CPU cured in 65 s', ['moved vm16>h16'], false)], 79, 2), [
		'> 00:01:04 h09 CPU curing: 1 move under way · moved vm20>h15, cured in 15 s',
		'    back after 60 s, moving vm21>h16',
	]);
	const other = story('h12 CPU HOT', []);
	t.deepEqual(lines([long, other], 79, 2), [
		'> 00:01:04 h09 CPU curing: 1 move under way · … moving vm21>h16',
		'> 00:01:04 h12 CPU HOT',
	], 'two open episodes: a line each, the oldest moves left out');
});

test('a narrow panel: a head line with the clock, the story under it, and a line for every open episode', t => {
	t.deepEqual(lines([long, story('h12 CPU HOT', [])], 36, 3), [
		'> h09 CPU curing: 1 move under way',
		'  … back after 60 s, moving vm21>h16',
		'> h12 CPU HOT               00:01:04',
	]);
	const shown = lines([long, story('h07 CPU cured in 65 s', ['moved vm16>h16'], false)], 36, 7);
	t.deepEqual(shown, [
		'> h09 CPU curing: 1 move under way',
		'  moved vm20>h15, cured in 15 s',
		'  back after 60 s, moving vm21>h16',
		'  h07 CPU cured in 65 s     00:01:04',
		'  moved vm16>h16',
		'',
		'',
	]);
	t.true(shown.every(line => stringWidth(line) <= 36));
});

test('nothing to tell', t => {
	t.deepEqual(lines([], 79, 2), ['no hotspots, no alerts', '']);
});
