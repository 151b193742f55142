import type {Policy} from '../sim/strategies.js';
import {consolidatePolicy, sandpiperConsolidatePolicy} from './consolidate.js';
import {nonePolicy} from './none.js';
import {sandpiperGrayPolicy, sandpiperPolicy} from './sandpiper/sandpiper.js';
import {thresholdPolicy} from './threshold.js';
import {thresholdCloudsimPolicy} from './threshold-cloudsim.js';

/** Policies by name, in the order they are cycled through and listed. */
export const policies: Readonly<Record<string, Policy>> = Object.fromEntries([nonePolicy, sandpiperPolicy, sandpiperGrayPolicy, thresholdPolicy, consolidatePolicy, sandpiperConsolidatePolicy, thresholdCloudsimPolicy].map(policy => [policy.name, policy]));

export const policyNames: readonly string[] = Object.keys(policies);
