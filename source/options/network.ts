/** The flags of `sandpiper network`: the addressing plan of a scenario. */
import {parseTableOrJson, UsageError} from './usage.js';

export type RawNetworkFlags = {
	scenario?: string;
	format?: string;
	output?: string;
};

export type NetworkOptions = {
	scenarioPath?: string;
	format: 'table' | 'json';
	outputPath?: string;
};

export function parseNetworkOptions(flags: RawNetworkFlags): NetworkOptions {
	const format = parseTableOrJson(flags.format);
	if (flags.scenario === '') {
		throw new UsageError('--scenario: expected a file path');
	}

	return {scenarioPath: flags.scenario, format, outputPath: flags.output === '' ? undefined : flags.output};
}
