/**
A `--record` session, saved as it goes: the whole session file is written again after every command the
user gives (to a temporary file, then renamed over the last save), so whatever ends the program, even
SIGKILL, the file on disk is whole and holds every command up to the last one given. Sessions are
small: a command is about 150 bytes, and people give a few a minute.
*/
import {renameSync, rmSync, writeFileSync} from 'node:fs';
import {sessionText, type SessionHeader} from '../scenario/session.js';
import type {Command} from '../sim/types.js';
import {temporaryPathFor} from './sink.js';

export class Recording {
	/** The last save's error, if it failed (the session goes on; the program reports it on the way out). */
	error: Error | undefined;
	readonly #path: string;
	readonly #header: SessionHeader;
	readonly #timeline: Array<{tick: number; command: Command}> = [];

	/** Saves the empty session at once, so that a path that cannot be written is found before the session starts. */
	constructor(path: string, header: SessionHeader) {
		this.#path = path;
		this.#header = header;
		this.save();
		if (this.error) {
			throw this.error;
		}
	}

	add(tick: number, commands: readonly Command[]): void {
		for (const command of commands) {
			this.#timeline.push({tick, command});
		}

		this.save();
	}

	/** The session restarted (r): the recording starts over. */
	restart(): void {
		this.#timeline.length = 0;
		this.save();
	}

	save(): void {
		const temporary = temporaryPathFor(this.#path);
		try {
			writeFileSync(temporary, sessionText(this.#header, this.#timeline), {flag: 'wx'});
			renameSync(temporary, this.#path);
			this.error = undefined;
		} catch (error) {
			this.error = error instanceof Error ? error : new Error(String(error));
			rmSync(temporary, {force: true});
		}
	}
}
