/**
The sweep file, version 1 (docs/sweep.schema.json is generated from it by `npm run schema`): the axes
of an experiment (sources, policies, seeds, parameters) and the metrics to keep. Paths are relative to
the sweep file's directory, or absolute. The smallest one names scenarios, policies and seeds:
{"version": 1, "scenarios": ["fixtures/scenarios/sandpiper-16x35.json"], "policies": ["none", "sandpiper"], "seeds": "1-4", "ticks": 600}
*/
import * as z from 'zod';
import {findPolicy, unknownPolicyText} from '../policy/registry.js';
import {maxSeed, maxRunTicks} from '../options/run.js';
import {parseSeeds} from '../options/eval.js';
import {hasUnsafeText} from '../terminal/safe-text.js';
import {metricNames, defaultMetrics} from './metrics.js';
import {sweepParameters} from './parameters.js';

// A path or name is printed as it is (plan lines are arguments): none that a terminal would act on.
const plainText = (what: string, max: number) => z.string({error: `expected ${what}`}).max(max, {error: `expected ${what} of at most ${max} characters`})
	.refine(text => !hasUnsafeText(text), {error: `expected ${what} without control, format or separator characters`});
const path = plainText('a path', 4096).refine(text => text !== '', {error: 'expected a path'});

const seedsText = z.string({error: 'expected seeds as 1-10 or 1,4,9'})
	.regex(/^\s*\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*\s*$/v, {error: 'expected seeds as 1-10 or 1,4,9'});

const whole = (what: string, minimum: number, maximum: number) => z.int({error: `expected ${what}`})
	.min(minimum, {error: `expected ${what} from ${minimum} to ${maximum}`})
	.max(maximum, {error: `expected ${what} from ${minimum} to ${maximum}`});

const policyName = z.string({error: 'expected a policy name'}).refine(name => findPolicy(name) !== undefined, {error: issue => unknownPolicyText(String(issue.input))});

export const sweepSchema = z.object({
	$schema: z.string().max(2000).optional(),
	version: z.literal(1, {error: 'expected version 1'}),
	name: plainText('a name', 100).optional(),
	scenarios: z.array(path).max(1000).default([]).describe('Scenario files, each a source of runs.'),
	traceDirs: z.array(path).max(1000).default([]).describe('PlanetLab trace directories, each run on CloudSim\'s datacenter of every size in hosts, with CloudSim\'s semantics.'),
	hosts: z.array(whole('a host count', 1, 100_000)).min(1).max(100).optional().describe('With traceDirs: datacenter sizes.'),
	vms: whole('a VM count', 1, 1_000_000).optional().describe('With traceDirs: VMs (default one per trace file).'),
	policies: z.array(policyName).min(1, {error: 'expected at least one policy'}).max(1000).describe('Policies, as --policy takes them.'),
	seeds: z.union([seedsText, z.array(whole('a seed', 0, maxSeed)).min(1).max(10_000)]).describe('Seeds: "1-10", "1,4,9" or a list of numbers.'),
	ticks: whole('ticks', 1, maxRunTicks).optional().describe('Ticks per run (default 3600 for a scenario; a trace day\'s length for traces).'),
	parameters: z.record(z.string(), z.array(z.number({error: 'expected a number'})).min(1).max(1000)).default({})
		.describe(`Scenario parameters to vary, each with its values (${[...sweepParameters.keys()].join(', ')}); every combination runs.`),
	metrics: z.array(z.enum(metricNames, {error: `expected a metric: ${metricNames.join(', ')}`})).min(1).optional()
		.describe(`What merge keeps (default ${defaultMetrics.join(', ')}).`),
	baseline: policyName.optional().describe('The policy reductions are measured against (default none if swept, else the first policy).'),
}).strict().superRefine((sweep, context) => {
	if (sweep.scenarios.length === 0 && sweep.traceDirs.length === 0) {
		context.addIssue({code: 'custom', message: 'expected scenarios or traceDirs (or both)', path: ['scenarios']});
	}

	if (sweep.traceDirs.length > 0 && sweep.hosts === undefined) {
		context.addIssue({code: 'custom', message: 'expected hosts (datacenter sizes) with traceDirs', path: ['hosts']});
	}

	for (const [name, values] of Object.entries(sweep.parameters)) {
		const parameter = sweepParameters.get(name);
		if (!parameter) {
			context.addIssue({code: 'custom', message: `unknown parameter ${JSON.stringify(name)}: expected one of ${[...sweepParameters.keys()].join(', ')}`, path: ['parameters', name]});
			continue;
		}

		for (const [index, value] of values.entries()) {
			if (!(value >= parameter.minimum && value <= parameter.maximum) || (parameter.whole && !Number.isInteger(value))) {
				context.addIssue({code: 'custom', message: `expected ${parameter.whole ? 'a whole number' : 'a number'} from ${parameter.minimum} to ${parameter.maximum}, got ${value}`, path: ['parameters', name, index]});
			}
		}
	}

	// The same run twice would count twice in its cell's statistics (and write one file).
	const once = (values: readonly unknown[], where: Array<string | number>, what: string) => {
		const seen = new Set<unknown>();
		for (const value of values) {
			if (seen.has(value)) {
				context.addIssue({code: 'custom', message: `${what} ${JSON.stringify(value)} is given twice`, path: where});
				return;
			}

			seen.add(value);
		}
	};

	once(sweep.scenarios, ['scenarios'], 'scenario');
	once(sweep.traceDirs, ['traceDirs'], 'trace directory');
	once(sweep.hosts ?? [], ['hosts'], 'host count');
	once(sweep.policies, ['policies'], 'policy');
	for (const [name, values] of Object.entries(sweep.parameters)) {
		// A Set holds -0 and 0 as one value, as the run's JSON does.
		once(values, ['parameters', name], 'value');
	}

	try {
		once(seedList(sweep.seeds), ['seeds'], 'seed');
	} catch (error) {
		context.addIssue({code: 'custom', message: (error instanceof Error ? error.message : String(error)).replace(/^--seeds: /v, ''), path: ['seeds']});
	}

	if (sweep.baseline !== undefined && !sweep.policies.includes(sweep.baseline)) {
		context.addIssue({code: 'custom', message: `the baseline ${sweep.baseline} is not among the policies`, path: ['baseline']});
	}
}).transform(sweep => ({...sweep, seeds: seedList(sweep.seeds)}));

/** The seeds as a list, read once here (the check above has read them already, so this cannot fail). */
function seedList(seeds: string | number[]): number[] {
	return typeof seeds === 'string' ? parseSeeds(seeds) : seeds;
}

export type SweepInput = z.input<typeof sweepSchema>;
export type SweepFile = z.output<typeof sweepSchema>;
