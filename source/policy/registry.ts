import type {Policy} from '../sim/strategies.js';
import {nonePolicy} from './none.js';

/** Policies by name, in the order they are cycled through and listed. */
export const policies: Readonly<Record<string, Policy>> = {
	[nonePolicy.name]: nonePolicy,
};

export const policyNames: readonly string[] = Object.keys(policies);
