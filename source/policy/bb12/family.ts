/**
BB12's family as CloudSim's examples run it, with each detector's parameter from those runs
(THR 0.8, IQR 1.5, MAD 2.5, LR and LRR 1.2) under every selector; `parseBb12Name` reads any other
parameter in range.
*/
import type {Policy} from '../../sim/strategies.js';
import type {DetectorName} from '../detect/detectors.js';
import type {SelectorName} from '../select/selectors.js';
import {bb12Policy, bb12PolicyName, type Bb12Spec} from './policy.js';

export const detectorParameters: Readonly<Record<DetectorName, {standard: number; min: number; max: number}>> = {
	thr: {standard: 0.8, min: 0.05, max: 1},
	iqr: {standard: 1.5, min: 0, max: 10},
	mad: {standard: 2.5, min: 0, max: 10},
	lr: {standard: 1.2, min: 0.1, max: 10},
	lrr: {standard: 1.2, min: 0.1, max: 10},
};

export const detectorNames: readonly DetectorName[] = ['thr', 'iqr', 'mad', 'lr', 'lrr'];
export const selectorNames: readonly SelectorName[] = ['mmt', 'mc', 'rs', 'mu'];

/** The family's standard members, THR-MMT-0.8 first (what `--cloudsim` runs). */
export const bb12Policies: readonly Policy[] = detectorNames.flatMap(detector => selectorNames.map(selector => bb12Policy({detector, selector, parameter: detectorParameters[detector].standard})));

export const cloudsimDefaultPolicy = bb12PolicyName({detector: 'thr', selector: 'mmt', parameter: 0.8});

/** `cloudsim:<detector>-<selector>-<parameter>` read, or why not. */
export function parseBb12Name(name: string): Bb12Spec | string | undefined {
	const match = /^cloudsim:([a-z]+)-([a-z]+)-(\d+(?:\.\d+)?)$/v.exec(name);
	if (!match) {
		return undefined;
	}

	const [, detector = '', selector = '', text = ''] = match;
	const detectorName = detectorNames.find(known => known === detector);
	if (detectorName === undefined) {
		return `unknown detector "${detector}" (known: ${detectorNames.join(', ')})`;
	}

	const selectorName = selectorNames.find(known => known === selector);
	if (selectorName === undefined) {
		return `unknown selector "${selector}" (known: ${selectorNames.join(', ')})`;
	}

	const range = detectorParameters[detectorName];
	const parameter = Number(text);
	if (!(parameter >= range.min && parameter <= range.max)) {
		return `${detector} takes a parameter from ${range.min} to ${range.max}, not ${text}`;
	}

	return {detector: detectorName, selector: selectorName, parameter};
}
