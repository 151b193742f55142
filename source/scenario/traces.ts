/**
CloudSim's PlanetLab trace format (Beloglazov and Buyya, CCPE 2012; models.md 5.1): a directory with
one file per VM, one integer CPU percentage (0 to 100) per line, 288 lines for a day at 5-minute
samples. Some file names contain spaces. Files are read in name order (by UTF-16 code units, as
JavaScript sorts), so every machine maps the same file to the same VM.
*/
import {readdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {ScenarioFileError} from './read-scenario.js';

export type Trace = {
	/** The file's name, the VM's label. */
	name: string;
	/** CPU utilisation per sample, as fractions 0..1. */
	values: number[];
};

export class TraceError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TraceError';
	}
}

/** Parses one trace file's text; names the file and line of the first bad value. */
export function parseTrace(name: string, text: string): Trace {
	const lines = text.split(/\r?\n/v);
	if (lines.at(-1) === '') {
		lines.pop();
	}

	if (lines.every(line => line.trim() === '')) {
		throw new TraceError(`trace ${name}: empty file`);
	}

	const values = lines.map((line, index) => {
		const trimmed = line.trim();
		if (!/^-?\d+(?:\.\d+)?$/v.test(trimmed)) {
			throw new TraceError(`trace ${name}, line ${index + 1}: expected a CPU percentage, got ${JSON.stringify(line)}`);
		}

		const value = Number(trimmed);
		if (value < 0 || value > 100) {
			throw new TraceError(`trace ${name}, line ${index + 1}: expected a percentage from 0 to 100, got ${trimmed}`);
		}

		return value / 100;
	});
	return {name, values};
}

/** Every regular file of `directory`, parsed, in name order. */
export async function readTraceDirectory(directory: string): Promise<Trace[]> {
	let names: string[];
	try {
		names = await readdir(directory);
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		throw new ScenarioFileError(`cannot read trace directory ${directory}: ${code === 'ENOENT' ? 'no such directory' : (code === 'ENOTDIR' ? 'not a directory' : String(error))}`);
	}

	const traces: Trace[] = [];
	for (const name of names.toSorted()) {
		const path = join(directory, name);
		// eslint-disable-next-line no-await-in-loop -- name order, one file at a time keeps memory flat
		const entry = await stat(path);
		if (!entry.isFile()) {
			continue;
		}

		// eslint-disable-next-line no-await-in-loop
		traces.push(parseTrace(name, await readFile(path, 'utf8')));
	}

	if (traces.length === 0) {
		throw new TraceError(`trace directory ${directory} has no trace files`);
	}

	return traces;
}
