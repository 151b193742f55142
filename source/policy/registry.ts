import type {Policy} from '../sim/strategies.js';
import {consolidatePolicy, sandpiperConsolidatePolicy} from './consolidate.js';
import {nonePolicy} from './none.js';
import {sandpiperGrayPolicy, sandpiperPolicy} from './sandpiper/sandpiper.js';
import {thresholdPolicy} from './threshold.js';
import {thresholdCloudsimPolicy} from './threshold-cloudsim.js';

const all = [nonePolicy, sandpiperPolicy, sandpiperGrayPolicy, thresholdPolicy, consolidatePolicy, sandpiperConsolidatePolicy, thresholdCloudsimPolicy];

/**
Policies by name, in the order they are cycled through and listed. A null-prototype object: names come
from input, and `toString` or `__proto__` must find nothing, not Object.prototype's members.
*/
const byName: Record<string, Policy> = Object.fromEntries(all.map(policy => [policy.name, policy]));
Object.setPrototypeOf(byName, null);
export const policies: Readonly<Record<string, Policy>> = byName;

export const policyNames: readonly string[] = Object.keys(policies);

/** The policy of that name, if there is one. */
export function findPolicy(name: string): Policy | undefined {
	return Object.hasOwn(policies, name) ? policies[name] : undefined;
}
