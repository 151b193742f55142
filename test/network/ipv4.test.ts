import test from 'ava';
import {
	cidrProblem, contains, formatIp, overlaps, parseCidr, parseIp, subBlock,
} from '../../source/network/ipv4.js';

test('addresses parse and format back, and bad ones are refused', t => {
	for (const text of ['0.0.0.0', '10.1.0.2', '255.255.255.255', '203.0.113.77']) {
		t.is(formatIp(parseIp(text)!), text);
	}

	for (const text of ['10.1.0', '10.1.0.256', '10.1.0.2.3', 'a.b.c.d', '10.1.0.-1']) {
		t.is(parseIp(text), undefined, `${text} is refused`);
	}
});

test('subnets: host bits are named, overlaps and containment follow the prefix', t => {
	t.is(cidrProblem('10.1.0.0/24'), undefined);
	t.is(cidrProblem('10.1.0.5/24'), '10.1.0.5/24 has host bits set: the network is 10.1.0.0/24');
	t.is(cidrProblem('10.1.0.0/33'), 'expected a subnet like 10.1.0.0/24, got 10.1.0.0/33');
	const rack = parseCidr('10.1.0.0/24')!;
	t.true(overlaps(rack, parseCidr('10.1.0.128/25')!));
	t.true(overlaps(parseCidr('10.0.0.0/8')!, rack));
	t.false(overlaps(rack, parseCidr('10.1.1.0/24')!));
	t.true(contains(rack, parseIp('10.1.0.255')!));
	t.false(contains(rack, parseIp('10.1.1.0')!));
});

test('a pool is carved into per-host blocks by index, and runs out', t => {
	const pool = parseCidr('172.16.0.0/12')!;
	t.is(formatIp(subBlock(pool, 24, 0)!.base), '172.16.0.0');
	t.is(formatIp(subBlock(pool, 24, 257)!.base), '172.17.1.0');
	t.is(subBlock(pool, 24, 4096), undefined);
	t.is(subBlock(pool, 8, 0), undefined, 'a block cannot be larger than its pool');
});
