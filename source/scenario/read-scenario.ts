/**
The only file access of the scenario layer: read a scenario or session file, or the bundled default.
Every error names the file it came from. The parser, and zod with it, loads only when a scenario file
is read: a generated datacenter (./cloudsim-datacenter.ts) and the errors here need neither.
*/
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {ScenarioInvalidError} from './build-world.js';
import type {Scenario} from './schema.js';
import {ScenarioSyntaxError} from './syntax-error.js';

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
	ELOOP: 'a loop of symbolic links',
	ENOTDIR: 'a part of the path is not a directory',
	ENAMETOOLONG: 'the name is too long',
};

export function fileErrorReason(error: unknown): string {
	const code = error instanceof Error && 'code' in error ? String(error.code) : '';
	return Object.hasOwn(fileErrorReasons, code) ? fileErrorReasons[code]! : (error instanceof Error ? error.message : String(error));
}

/** `parse()`, with a syntax or schema error's message prefixed by the file it is in (the error keeps its class and details). */
export function labelled<T>(label: string, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof ScenarioSyntaxError || error instanceof ScenarioInvalidError) {
			error.message = `${label}: ${error.message}`;
		}

		throw error;
	}
}

export async function readScenarioText(path: string, what = 'scenario'): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		throw new ScenarioFileError(`cannot read ${what} ${path}: ${fileErrorReason(error)}`);
	}
}

export async function readScenario(path: string): Promise<Scenario> {
	const text = await readScenarioText(path);
	const {parseScenario} = await import('./parse-scenario.js');
	return labelled(path, () => parseScenario(text));
}
