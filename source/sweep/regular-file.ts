/**
Reading a file of a sweep's output folder, which anyone may have put there: only a regular file, not
through a symbolic link, and only up to a size. A pipe or a device in a result's place would otherwise
block the read for ever, or never end it (/dev/zero).
*/
import {
	closeSync, constants, fstatSync, openSync, readFileSync,
} from 'node:fs';

export type FileRead = {kind: 'text'; text: string} | {kind: 'absent'} | {kind: 'refused'; reason: string};

/** `followLinks`: a file the user named (plot's input) may be a link; one found in an output folder may not. */
export function readRegularFile(path: string, maxBytes: number, {followLinks = false} = {}): FileRead {
	let descriptor: number;
	try {
		// Non-blocking: opening a pipe with no writer would wait for one.
		descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW)); // eslint-disable-line no-bitwise -- open(2) flags
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? error.code : '';
		return code === 'ENOENT' ? {kind: 'absent'} : {kind: 'refused', reason: code === 'ELOOP' ? 'a symbolic link' : `unreadable (${String(code)})`};
	}

	try {
		const stats = fstatSync(descriptor);
		if (!stats.isFile()) {
			return {kind: 'refused', reason: 'not a regular file'};
		}

		if (stats.size > maxBytes) {
			return {kind: 'refused', reason: `${stats.size} bytes, more than ${maxBytes}`};
		}

		return {kind: 'text', text: readFileSync(descriptor, 'utf8')};
	} catch (error) {
		return {kind: 'refused', reason: `unreadable (${error instanceof Error && 'code' in error ? String(error.code) : 'error'})`};
	} finally {
		closeSync(descriptor);
	}
}
