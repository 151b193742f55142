/**
IPv4 arithmetic on dotted-quad strings, enough for allocating addresses in subnets. Written here
rather than taken from a library: the few functions below are all the model needs, and the popular
packages (ip, ipaddr.js) are CommonJS or carry far more than this.
*/

export type Cidr = {
	/** The network address as an unsigned 32-bit number. */
	readonly base: number;
	readonly prefix: number;
};

/**
Parsed texts, kept: addresses and subnets are few and checked on every migration's arrival (a parity
run checks a hundred thousand). Both functions are pure, so a cache cannot change an answer; it is
emptied when it grows past `cacheLimit`.
*/
const cacheLimit = 100_000;
const ipCache = new Map<string, number | undefined>();
const cidrCache = new Map<string, Cidr | undefined>();

function cached<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
	// One lookup for a hit; `has` only tells a cached undefined (a malformed text) from a miss.
	const known = cache.get(text);
	if (known !== undefined || cache.has(text)) {
		return known!;
	}

	if (cache.size >= cacheLimit) {
		cache.clear();
	}

	const value = parse(text);
	cache.set(text, value);
	return value;
}

/** The number for `a.b.c.d`, or undefined when it is not an IPv4 address. */
export function parseIp(text: string): number | undefined {
	return cached(ipCache, text, readIp);
}

function readIp(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) {
		return undefined;
	}

	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/v.test(part)) {
			return undefined;
		}

		const octet = Number(part);
		if (octet > 255) {
			return undefined;
		}

		value = (value * 256) + octet;
	}

	return value;
}

export function formatIp(value: number): string {
	return [24, 16, 8, 0].map(shift => Math.floor(value / (2 ** shift)) % 256).join('.');
}

function blockSize(prefix: number): number {
	return 2 ** (32 - prefix);
}

/** Address and prefix of `a.b.c.d/n`, host bits or not; undefined when malformed. */
function splitCidr(text: string): {ip: number; prefix: number} | undefined {
	const [address, prefixText, ...rest] = text.split('/');
	if (rest.length > 0 || address === undefined || prefixText === undefined || !/^\d{1,2}$/v.test(prefixText)) {
		return undefined;
	}

	const ip = parseIp(address);
	const prefix = Number(prefixText);
	return ip === undefined || prefix > 32 ? undefined : {ip, prefix};
}

/** `10.1.0.0/24` as numbers; undefined when malformed or when host bits are set (`10.1.0.5/24`). */
export function parseCidr(text: string): Cidr | undefined {
	return cached(cidrCache, text, readCidr);
}

function readCidr(text: string): Cidr | undefined {
	const parts = splitCidr(text);
	if (!parts || parts.ip % blockSize(parts.prefix) !== 0) {
		return undefined;
	}

	return {base: parts.ip, prefix: parts.prefix};
}

export function formatCidr(cidr: Cidr): string {
	return `${formatIp(cidr.base)}/${cidr.prefix}`;
}

/** Why `text` is not a subnet, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
	const parts = splitCidr(text);
	if (!parts) {
		return `expected a subnet like 10.1.0.0/24, got ${text}`;
	}

	const {ip: base, prefix} = parts;
	if (base % blockSize(prefix) !== 0) {
		return `${text} has host bits set: the network is ${formatCidr({base: base - (base % blockSize(prefix)), prefix})}`;
	}

	return undefined;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
	return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

export function contains(cidr: Cidr, ip: number): boolean {
	return ip >= cidr.base && ip < cidr.base + blockSize(cidr.prefix);
}

/** Addresses a subnet offers to hosts and VMs: all but the network, the gateway (.1) and the broadcast. */
export function usableCount(cidr: Cidr): number {
	return Math.max(0, blockSize(cidr.prefix) - 3);
}

/** The `index`-th usable address (0-based): the gateway is the first address after the network. */
export function usableAddress(cidr: Cidr, index: number): number {
	return cidr.base + 2 + index;
}

export function gatewayOf(cidr: Cidr): number {
	return cidr.base + 1;
}

/** The `index`-th block of `/prefix` inside `pool`, or undefined when the pool has fewer. */
export function subBlock(pool: Cidr, prefix: number, index: number): Cidr | undefined {
	if (prefix < pool.prefix || index >= 2 ** (prefix - pool.prefix)) {
		return undefined;
	}

	return {base: pool.base + (index * blockSize(prefix)), prefix};
}
