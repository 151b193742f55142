/**
Where a report goes: standard output, or a file given by the user. A file is written beside its target
under a temporary name, every write checked, and renamed over the target only once it is whole: a run
that fails or is stopped leaves the old report as it was and no half-written one.
*/
import {Buffer} from 'node:buffer';
import {
	closeSync, fstatSync, openSync, rmSync, writeSync,
} from 'node:fs';
import {open, rename, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import process from 'node:process';

export type Chunk = string | Uint8Array;

/** A write that failed (a full disk, a closed pipe): a runtime error, status 1, said in one line. */
export class OutputError extends Error {
	constructor(where: string, error: unknown) {
		const reason = error instanceof Error && 'code' in error && error.code === 'ENOSPC' ? 'no space left on device' : (error instanceof Error ? error.message : String(error));
		super(`cannot write ${where}: ${reason}`);
		this.name = 'OutputError';
	}
}

/** `write`, with any failure as an OutputError naming `where`. */
async function checked(where: string, write: () => Promise<void>): Promise<void> {
	try {
		await write();
	} catch (error) {
		throw new OutputError(where, error);
	}
}

export type Sink = {
	/** Resolves once the chunk is written whole; rejects on any error (a full disk, a closed pipe). */
	write(chunk: Chunk): Promise<void>;
	/** The output is complete: a file takes its target's name. */
	commit(): Promise<void>;
	/** The output is abandoned: a file's temporary copy is removed. Safe to call at any time, and twice. */
	abort(): void;
};

function bytesOf(chunk: Chunk): Uint8Array {
	return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/**
A write to a file can take fewer bytes than it was given (a disk that fills up): the rest is written
again until the disk refuses with an error. Node's own `process.stdout` on a file, and `FileHandle.write`,
leave that check to the caller.
*/
async function writeWhole(file: FileHandle, chunk: Chunk): Promise<void> {
	const bytes = bytesOf(chunk);
	let offset = 0;
	while (offset < bytes.length) {
		// eslint-disable-next-line no-await-in-loop -- each write continues where the last one stopped
		const {bytesWritten} = await file.write(bytes, offset, bytes.length - offset);
		offset += bytesWritten;
	}
}

/** A temporary name in the target's own directory, so that the rename stays on one file system. */
export function temporaryPathFor(path: string): string {
	return join(dirname(path), `.${basename(path)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Paths of temporary files not yet renamed or removed, for the signal handlers' last clean-up. */
const unfinished = new Set<string>();

/** Removes every temporary file still open (synchronous: it runs on the way out of a signal). */
export function removeUnfinishedFiles(): void {
	for (const path of unfinished) {
		rmSync(path, {force: true});
	}

	unfinished.clear();
}

export async function fileSink(path: string): Promise<Sink> {
	const temporary = temporaryPathFor(path);
	// Made synchronously, then listed: a signal's clean-up runs between two turns of the event loop, so it
	// either finds the file listed or finds no file. Made in the thread pool, it could appear after the
	// clean-up had looked for it, and stay.
	closeSync(openSync(temporary, 'wx'));
	unfinished.add(temporary);
	const file = await open(temporary, 'r+');

	let closed = false;
	const close = async () => {
		if (!closed) {
			closed = true;
			await file.close();
		}
	};

	return {
		write: async chunk => checked(path, async () => writeWhole(file, chunk)),
		async commit() {
			await checked(path, async () => {
				await file.datasync();
				await close();
				await rename(temporary, path);
			});
			unfinished.delete(temporary);
		},
		abort() {
			if (unfinished.delete(temporary)) {
				rmSync(temporary, {force: true});
			}

			void close().catch(() => undefined);
		},
	};
}

/** Standard output: a file it was redirected to is written with checked writes too; a pipe or terminal through the stream. */
export function stdoutSink(): Sink {
	let isFile = false;
	try {
		isFile = fstatSync(1).isFile();
	} catch {
		// No standard output at all: the stream reports it on the first write.
	}

	return {
		async write(chunk) {
			if (isFile) {
				const bytes = bytesOf(chunk);
				await checked('the output', async () => {
					for (let offset = 0; offset < bytes.length;) {
						offset += writeSync(1, bytes, offset, bytes.length - offset);
					}
				});
				return;
			}

			await new Promise<void>((resolve, reject) => {
				process.stdout.write(chunk, error => {
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
			});
		},
		async commit() {
			// Nothing to rename.
		},
		abort() {
			// What went out cannot be taken back.
		},
	};
}
