/**
What `sandpiper plot` reads, checked: the four documents this program writes (a headless JSON report
with its events, an `eval` JSON, a `sweep merge` JSON, the `migration` comparison), each with only the
fields a figure draws; whatever else they hold is let through unread. Numbers are bounded so every
scale stays finite.
*/
import * as z from 'zod';

const count = z.number().min(0).max(1e12);
const real = z.number().min(-1e12).max(1e12);
const name = z.string().min(1).max(400);
const stat = z.object({mean: real, sd: count});
const maybe = real.nullable();

/** A list of bounded numbers, checked in one loop: a day's series hold hundreds of thousands, and a schema per element costs tens of milliseconds. */
const numbers = z.custom<number[]>(value => Array.isArray(value) && value.every(item => typeof item === 'number' && item >= -1e12 && item <= 1e12), {message: 'expected a list of numbers'});

const event = z.looseObject({tick: count, type: z.string().max(100)});

export const runSchema = z.looseObject({
	scenario: z.string().max(400),
	seed: real,
	policy: z.string().max(400),
	ticks: z.number().int().min(0).max(1e9),
	tickSeconds: z.number().min(1e-3).max(86_400),
	series: z.object({
		intervalTicks: z.number().int().min(1).max(1e6),
		thresholds: z.object({cpu: real, memory: real, network: real}),
		k: count,
		n: count,
		hosts: z.array(z.object({
			id: name,
			cpu: numbers,
			memory: numbers,
			network: numbers,
			hot: z.array(z.tuple([count, count])),
		})).max(100_000),
	}),
	events: z.array(event),
}).superRefine((run, context) => {
	// What the report's own writer cannot make: a figure drawn from it would reach past the run, or mix two hosts.
	const intervals = Math.floor(run.ticks / run.series.intervalTicks);
	const seen = new Set<string>();
	for (const [index, host] of run.series.hosts.entries()) {
		const at = (message: string, ...path: Array<string | number>) => {
			context.addIssue({code: 'custom', message, path: ['series', 'hosts', index, ...path]});
		};

		if (seen.has(host.id)) {
			at(`host ${host.id} is listed twice`, 'id');
		}

		seen.add(host.id);
		for (const resource of ['cpu', 'memory', 'network'] as const) {
			if (host[resource].length > intervals) {
				at(`${host[resource].length} samples, more than the ${intervals} intervals of ${run.ticks} ticks`, resource);
			}
		}

		for (const [range, [from, to]] of host.hot.entries()) {
			if (from >= to || to > run.ticks) {
				at(`expected a range of ticks within 0 to ${run.ticks}, got [${from}, ${to}]`, 'hot', range);
			}
		}
	}

	const late = run.events.findIndex(event => event.tick > run.ticks);
	if (late !== -1) {
		context.addIssue({code: 'custom', message: `tick ${run.events[late]!.tick} is past the run's ${run.ticks} ticks`, path: ['events', late, 'tick']});
	}
});

export const evaluationSchema = z.looseObject({
	scenario: z.string().max(400),
	ticks: count,
	tickSeconds: z.number().positive().max(86_400),
	seeds: z.array(real).min(1),
	policies: z.array(z.looseObject({
		name,
		sustainedOverloadIntervals: stat,
		migrations: stat,
		energyKWh: stat,
		episodes: z.looseObject({cureSeconds: z.object({mean: maybe, max: maybe})}),
		slatah: stat.optional(),
		pdm: stat.optional(),
		slav: stat.optional(),
		perSeed: z.array(z.looseObject({seed: real, cureSecondsMean: maybe.optional()})),
	})).min(1).max(10_000).refine(policies => new Set(policies.map(policy => policy.name)).size === policies.length, 'a policy is listed twice'),
});

const interval = z.looseObject({
	n: count, mean: real, sd: count, ci95: z.tuple([real, real]).nullable(),
});

export const sweepMergeSchema = z.looseObject({
	sweep: z.string().max(400),
	planned: count,
	cells: z.array(z.looseObject({
		source: z.string().max(4096),
		parameters: z.string().max(4096),
		policy: name,
		metrics: z.record(z.string().max(100), interval.nullable()),
	})).max(100_000),
});

const transfer = z.looseObject({
	rounds: z.array(z.looseObject({dataMiB: count, seconds: count})).max(10_000),
	dataMiB: count,
	totalSeconds: count,
	downtimeSeconds: count,
});

export const migrationSchema = z.looseObject({
	precopy: transfer,
	postcopy: transfer,
	stopAndCopy: transfer,
	cloudsim: z.looseObject({totalSeconds: count}).optional(),
});

export type RunInput = z.output<typeof runSchema>;
export type EvaluationInput = z.output<typeof evaluationSchema>;
export type SweepMergeInput = z.output<typeof sweepMergeSchema>;
export type MigrationInput = z.output<typeof migrationSchema>;
