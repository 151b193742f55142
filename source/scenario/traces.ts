/**
CloudSim's PlanetLab trace format (Beloglazov and Buyya, CCPE 2012; models.md 5.1): a directory with
one file per VM, one integer CPU percentage (0 to 100) per line, 288 lines for a day at 5-minute
samples. Some file names contain spaces. Files are read in name order (by UTF-16 code units, as
JavaScript sorts), so every machine maps the same file to the same VM.
*/
import {readFileSync, statSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {printable, quoted} from './printable.js';
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

/** A day at 5-minute samples is about 1 KB: a file over this is no trace (and would be read whole). */
export const maxTraceBytes = 16 * 1024 * 1024;

/** Parses one trace file's text; names the file and line of the first bad value. */
export function parseTrace(name: string, text: string): Trace {
	return {name, values: scanPercentages(text) ?? checkedPercentages(name, text)};
}

// Character codes: '0', '9', '.', space, tab, carriage return, line feed.
const zero = 0x30;
const nine = 0x39;
const dot = 0x2E;
const space = 0x20;
const tab = 0x09;
const cr = 0x0D;
const lf = 0x0A;

/**
The common file (plain integers, one a line) read in one pass over its characters: splitting and a
regular expression per line were a tenth of a PlanetLab day's whole run. Anything else (a sign, an
empty line, other blanks, a value out of range) returns undefined and takes `checkedPercentages`,
which names the fault.
*/
/* eslint-disable unicorn/prefer-code-point -- ASCII only, and charCodeAt is NaN past the end where codePointAt is undefined */
function scanPercentages(text: string): number[] | undefined {
	const values: number[] = [];
	let position = 0;
	while (position < text.length) {
		while (text.charCodeAt(position) === space || text.charCodeAt(position) === tab) {
			position++;
		}

		const start = position;
		let integer = 0;
		while (text.charCodeAt(position) >= zero && text.charCodeAt(position) <= nine) {
			integer = (integer * 10) + text.charCodeAt(position) - zero;
			position++;
		}

		if (position === start) {
			return undefined;
		}

		let value = integer;
		if (text.charCodeAt(position) === dot) {
			const fraction = ++position;
			while (text.charCodeAt(position) >= zero && text.charCodeAt(position) <= nine) {
				position++;
			}

			// Number() of the digits, as the checked path reads them, so both give the same double.
			value = position === fraction ? Number.NaN : Number(text.slice(start, position));
		}

		while (text.charCodeAt(position) === space || text.charCodeAt(position) === tab) {
			position++;
		}

		if (text.charCodeAt(position) === cr) {
			position++;
		}

		if ((position < text.length && text.charCodeAt(position) !== lf) || !(value <= 100)) {
			return undefined;
		}

		position++;
		values.push(value / 100);
	}

	return values.length > 0 ? values : undefined;
}
/* eslint-enable unicorn/prefer-code-point */

function checkedPercentages(name: string, text: string): number[] {
	const label = `trace ${printable(name)}`;
	const lines = text.split(/\r?\n/v);
	if (lines.at(-1) === '') {
		lines.pop();
	}

	if (lines.every(line => line.trim() === '')) {
		throw new TraceError(`${label}: empty file`);
	}

	return lines.map((line, index) => {
		const trimmed = line.trim();
		if (!/^-?\d+(?:\.\d+)?$/v.test(trimmed)) {
			throw new TraceError(`${label}, line ${index + 1}: expected a CPU percentage, got ${quoted(line, 40)}`);
		}

		const value = Number(trimmed);
		if (value < 0 || value > 100) {
			throw new TraceError(`${label}, line ${index + 1}: expected a percentage from 0 to 100, got ${printable(trimmed, 40)}`);
		}

		return value / 100;
	});
}

/** Reasons by error code, in a few words; the path is in the message already. */
const fileErrorReasons: ReadonlyMap<string, string> = new Map([
	['ENOENT', 'no such file (a dangling symbolic link?)'],
	['ELOOP', 'too many levels of symbolic links (a loop?)'],
	['EACCES', 'permission denied'],
	['EPERM', 'operation not permitted'],
	['EISDIR', 'is a directory'],
	['ENOTDIR', 'not a directory'],
	['EIO', 'input/output error'],
	['ENAMETOOLONG', 'name too long'],
	['EMFILE', 'too many open files'],
]);

function fileErrorReason(error: unknown): string {
	const code = error instanceof Error && 'code' in error ? String(error.code) : '';
	// Node's own message quotes the path, which may hold anything: only its first line, escaped.
	return fileErrorReasons.get(code) ?? printable(code || String(error).split('\n')[0]!);
}

/**
One trace file, read synchronously: a day is a thousand small files, and a round trip to the thread
pool for each stat, open, read and close left the process idle for 0.4 s of its 4.
*/
function readTrace(directory: string, name: string): Trace | undefined {
	const path = join(directory, name);
	let text: string;
	try {
		const entry = statSync(path);
		if (!entry.isFile()) {
			return undefined;
		}

		if (entry.size > maxTraceBytes) {
			throw new TraceError(`trace ${printable(name)}: ${entry.size} bytes, more than a trace's ${maxTraceBytes}`);
		}

		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw error instanceof TraceError ? error : new TraceError(`trace ${printable(name)}: ${fileErrorReason(error)}`);
	}

	return parseTrace(name, text);
}

/** Every regular file of `directory`, parsed, in name order. */
export async function readTraceDirectory(directory: string): Promise<Trace[]> {
	let names: string[];
	try {
		names = await readdir(directory);
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		throw new ScenarioFileError(`cannot read trace directory ${printable(directory)}: ${code === 'ENOENT' ? 'no such directory' : fileErrorReason(error)}`);
	}

	const traces: Trace[] = [];
	for (const name of names.toSorted()) {
		const trace = readTrace(directory, name);
		if (trace) {
			traces.push(trace);
		}
	}

	if (traces.length === 0) {
		throw new TraceError(`trace directory ${printable(directory)} has no trace files`);
	}

	return traces;
}
