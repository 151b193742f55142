/**
Paths the user asked to write (`--output`, `--record`), checked before any work: a long run must not
end on a path it cannot write.
*/
import {constants} from 'node:fs';
import {access, stat} from 'node:fs/promises';
import {dirname} from 'node:path';
import {UsageError} from '../run-options.js';

export async function checkWritablePath(flag: string, path: string | undefined): Promise<void> {
	if (path === undefined) {
		return;
	}

	const cannot = (reason: string) => new UsageError(`--${flag}: cannot write ${path}: ${reason}`);
	if (path.endsWith('/')) {
		throw cannot('a directory path (ends in /); name a file');
	}

	const directory = dirname(path);
	const directoryStats = await stat(directory).catch(() => undefined);
	if (!directoryStats?.isDirectory()) {
		throw cannot(`no directory ${directory}`);
	}

	const pathStats = await stat(path).catch(() => undefined);
	if (pathStats?.isDirectory()) {
		throw cannot('it is a directory');
	}

	if (pathStats && !pathStats.isFile()) {
		// A device (/dev/full), a pipe or a socket cannot take a file renamed over it.
		throw cannot(flag === 'output' ? 'not a regular file (leave out --output to write to standard output)' : 'not a regular file');
	}

	await access(directory, constants.W_OK).catch(() => {
		throw cannot('permission denied');
	});
}
