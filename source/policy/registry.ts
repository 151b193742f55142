import type {Policy} from '../sim/strategies.js';
import {
	bb12Policies, cloudsimDefaultPolicy, detectorNames, parseBb12Name, selectorNames,
} from './bb12/family.js';
import {bb12Policy} from './bb12/policy.js';
import {consolidatePolicy} from './consolidate.js';
import {nonePolicy} from './none.js';
import {sandpiperConsolidatePolicy} from './sandpiper-consolidate.js';
import {sandpiperGrayPolicy} from './sandpiper/sandpiper-gray.js';
import {sandpiperPolicy} from './sandpiper/sandpiper.js';
import {thresholdPolicy} from './threshold.js';

const own = [nonePolicy, sandpiperPolicy, sandpiperGrayPolicy, thresholdPolicy, consolidatePolicy, sandpiperConsolidatePolicy];

/**
Policies by name, in the order they are listed. A null-prototype object: names come from input, and
`toString` or `__proto__` must find nothing, not Object.prototype's members. A BB12 member with a
parameter of its own (`cloudsim:thr-mmt-0.75`) joins it when a name is first resolved.
*/
const byName: Record<string, Policy> = Object.fromEntries([...own, ...bb12Policies].map(policy => [policy.name, policy]));
Object.setPrototypeOf(byName, null);
export const policies: Readonly<Record<string, Policy>> = byName;

/** The listed names: this project's policies, then BB12's family at CloudSim's parameters. */
export const policyNames: readonly string[] = Object.keys(policies);

/** What the dashboard's policy key cycles through: this project's policies and CloudSim's default. */
export const cycledPolicyNames: readonly string[] = [...own.map(policy => policy.name), cloudsimDefaultPolicy];

export {cloudsimDefaultPolicy} from './bb12/family.js';

/** The known names, for a message. */
export const knownPoliciesText = `${own.map(policy => policy.name).join(', ')}, cloudsim:DETECTOR-SELECTOR-PARAMETER (detectors ${detectorNames.join(', ')}; selectors ${selectorNames.join(', ')}; e.g. ${cloudsimDefaultPolicy})`;

/** The policy of that name, if there is one (a BB12 member is made for a parameter in range). */
export function findPolicy(name: string): Policy | undefined {
	if (Object.hasOwn(policies, name)) {
		return policies[name];
	}

	const spec = parseBb12Name(name);
	if (spec === undefined || typeof spec === 'string') {
		return undefined;
	}

	// Registered under its canonical name (0.80 is 0.8) and the name asked for.
	const policy = bb12Policy(spec);
	byName[policy.name] ??= policy;
	byName[name] = {...policy, name};
	return byName[name];
}

/** The check a scenario, a session or a flag makes of a policy name. */
export type KnownPolicies = {has(name: string): boolean; describe(name: string): string};

export const knownPolicies: KnownPolicies = {
	has: name => findPolicy(name) !== undefined,
	describe: name => unknownPolicyText(name),
};

/** Why `name` names no policy: a BB12 name's own fault, or the list of names. */
export function unknownPolicyText(name: string): string {
	const spec = parseBb12Name(name);
	return typeof spec === 'string' ? `policy ${JSON.stringify(name)}: ${spec}` : `unknown policy ${JSON.stringify(name)} (known: ${knownPoliciesText})`;
}
