/**
What a recorded session is checked against before a replay: a SHA-256 of everything a run is built
from apart from its seed (which the session keeps itself). The validated scenario with its defaults
filled in, so that spacing and key order in the file do not count, but any value that changes the run
does; traces and workload series replayed on it; the policy and parity overrides.
*/
import {createHash} from 'node:crypto';
import type {Scenario} from './schema.js';

export type RunInputs = {
	scenario: Scenario;
	traces?: ReadonlyArray<{name: string; values: readonly number[]}>;
	workloadCsv?: string;
	policy?: string;
	cloudsim?: boolean;
};

export function inputHash(inputs: RunInputs): string {
	const hash = createHash('sha256');
	// Pieces one after another, each named: the hash never holds a second copy of a trace day as one string.
	hash.update(JSON.stringify({policy: inputs.policy ?? null, cloudsim: inputs.cloudsim ?? false}));
	hash.update('\nscenario\n').update(JSON.stringify(inputs.scenario));
	for (const trace of inputs.traces ?? []) {
		hash.update('\ntrace\n').update(JSON.stringify(trace.name)).update(trace.values.join(','));
	}

	if (inputs.workloadCsv !== undefined) {
		hash.update('\nworkload-csv\n').update(inputs.workloadCsv);
	}

	return hash.digest('hex');
}
