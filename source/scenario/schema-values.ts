/**
The scenario format's building blocks: bounded numbers, ids, one-line text, addresses and the enums
that several parts of the format share.
*/
import * as z from 'zod';
import {
	maxAmount, minAmount, maxFactor, maxTicks,
} from './scenario-limits.js';

export {
	maxAmount, minAmount, maxFactor, maxTicks, maxShapes, maxCopies,
} from './scenario-limits.js';

/** 1e9 rather than 1000000000 in messages. */
const show = (value: number) => /^10{6,}$/v.test(String(value)) ? `1e${String(value).length - 1}` : String(value);
const range = (what: string, min: number, max: number) => `expected ${what} from ${show(min)} to ${show(max)}`;

/** The type check's message: a number JSON read as Infinity (1e400) is out of range, not of the wrong type. */
const typeError = (what: string, outOfRange: string) => (issue: {input?: unknown}) => typeof issue.input === 'number' ? outOfRange : `expected ${what}`;

// The first check aborts, so -5 is "expected a positive number" alone, not that and the range too.
export const positive = (what = 'a positive number', max = maxAmount) => z.number({error: typeError(what, range(what, minAmount, max))})
	.positive({error: `expected ${what}`, abort: true})
	.min(minAmount, {error: range(what, minAmount, max)})
	.max(max, {error: range(what, minAmount, max)});
export const nonNegative = (what = 'a number >= 0', max = maxAmount) => z.number({error: typeError(what, range('a number', 0, max))})
	.min(0, {error: `expected ${what}`, abort: true})
	.max(max, {error: range('a number', 0, max)});
export const positiveInt = (what = 'a positive whole number', max = maxTicks) => z.int({error: typeError(what, range('a whole number', 1, max))})
	.positive({error: `expected ${what}`, abort: true})
	.max(max, {error: range('a whole number', 1, max)});
export const nonNegativeInt = (what = 'a whole number >= 0', max = maxTicks) => z.int({error: typeError(what, range('a whole number', 0, max))})
	.min(0, {error: `expected ${what}`, abort: true})
	.max(max, {error: range('a whole number', 0, max)});
export const between = (min: number, max: number, what = 'a number') => z.number({error: range(what, min, max)})
	.min(min, {error: range(what, min, max)})
	.max(max, {error: range(what, min, max)});
export const factor = (what = 'a factor >= 0') => nonNegative(what, maxFactor);
export const fraction = (what = 'a fraction between 0 and 1 (exclusive)') => z.number({error: `expected ${what}`}).gt(0, {error: `expected ${what}`}).lt(1, {error: `expected ${what}`});
export const port = z.int({error: 'expected a port from 1 to 65535'}).min(1, {error: 'expected a port from 1 to 65535'}).max(65_535, {error: 'expected a port from 1 to 65535'});
export const id = z.string({error: 'expected an id string'}).regex(/^[\w.\-]{1,32}$/v, {error: 'expected an id of letters, digits, -, _ or . (at most 32)'});

/** Text quoted in messages and status lines: no control characters or line separators, so each stays one line. */
const oneLine = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/v;
export const lineOfText = (what: string, max: number) => z.string({error: `expected ${what}`})
	.min(1, {error: `expected ${what} of 1 to ${max} characters`})
	.max(max, {error: `expected ${what} of 1 to ${max} characters`})
	.regex(oneLine, {error: `expected ${what} on one line, without control characters`});

export const resourceSchema = z.enum(['cpu', 'memory', 'disk', 'network'], {error: 'expected one of cpu, memory, disk, network'});
// Each resource once: a shape listed twice would multiply its factor in twice, past the bounds above.
export const shapeResources = z.array(resourceSchema)
	.min(1, {error: 'expected at least one resource'})
	.refine(list => new Set(list).size === list.length, {error: 'expected each resource at most once'})
	.default(['cpu', 'disk', 'network'])
	.describe('Resources the shape affects (default cpu, disk, network; memory is the working set).');

export const networkModeSchema = z.enum(['bridged', 'nat', 'host-only', 'custom'], {error: 'expected one of bridged, nat, host-only, custom'});
export const migrationModeSchema = z.enum(['precopy', 'postcopy', 'stop-and-copy', 'cloudsim'], {error: 'expected one of precopy, postcopy, stop-and-copy, cloudsim'});
export const hypervisorFamilySchema = z.enum(['kvm', 'xen', 'esxi', 'hyper-v', 'virtualbox', 'vmware-workstation'], {error: 'expected one of kvm, xen, esxi, hyper-v, virtualbox, vmware-workstation'});

export const subnet = z.string({error: 'expected a subnet like 10.1.0.0/24'}).regex(/^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/v, {error: 'expected a subnet like 10.1.0.0/24'});
export const mac = z.string().regex(/^[\da-f]{2}(?::[\da-f]{2}){5}$/v, {error: 'expected a MAC like 52:54:00:00:00:01 (lower-case hex)'});

export const techniqueSchema = z.enum(['full', 'hardware-assisted', 'paravirtualisation'], {error: 'expected one of full, hardware-assisted, paravirtualisation'});

/** A range `{"from": a, "to": b}` whose ends are checked like the value itself. */
export const rangeOf = (value: z.ZodType<number>) => z.object({from: value, to: value}).strict()
	.refine(range => range.from <= range.to, {error: 'expected from <= to', path: ['to']})
	.describe('Drawn at build time, uniformly from from to to, for each VM on its own.');

/** A value fixed in the file, or a range drawn at build time, once per VM (./draw-ranges.ts). */
export const ranged = (value: z.ZodType<number>, what: string) => z.union([value, rangeOf(value)], {error: `expected ${what}, or a range {"from": a, "to": b}`});
