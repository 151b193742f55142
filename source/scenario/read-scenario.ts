/**
The only file access of the scenario layer: read a scenario file, or the bundled default.
*/
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {parseScenario} from './parse-scenario.js';
import type {Scenario} from './schema.js';

/** The bundled 16-server / 35-VM scenario of the Sandpiper paper. */
export const defaultScenarioPath = fileURLToPath(new URL('../../fixtures/scenarios/sandpiper-16x35.json', import.meta.url));

/** The bundled walkthrough `--demo` plays. */
export const demoScenarioPath = fileURLToPath(new URL('../../fixtures/scenarios/demo.json', import.meta.url));

export class ScenarioFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ScenarioFileError';
	}
}

const fileErrorReasons: Readonly<Record<string, string>> = {
	ENOENT: 'no such file',
	EISDIR: 'is a directory',
	EACCES: 'permission denied',
};

export async function readScenarioText(path: string): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		throw new ScenarioFileError(`cannot read scenario ${path}: ${fileErrorReasons[code] ?? (error instanceof Error ? error.message : String(error))}`);
	}
}

export async function readScenario(path: string): Promise<Scenario> {
	return parseScenario(await readScenarioText(path));
}
