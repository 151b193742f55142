/**
The json report's events kept on disk while a run makes them. A parity day has 280,057 events, 63 MB
of JSON (627,301 and 142 MB before its rounds priced hosts from their power at the round's start);
held in memory until the end, with the text made from them, the documented command peaked at 672 MB.
The report's summary and hosts come before its events but are known only at the end, so the events
wait in a temporary file, and the document is written from the frame and that file. The bytes are
`formatJson`'s (a test compares them).
*/
import {
	closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync,
} from 'node:fs';
import {Buffer} from 'node:buffer';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {SimEvent} from '../sim/types.js';
import {
	jsonEventsEnd, jsonEventText, type JsonFrame,
} from './format-json.js';

/** Text goes to the file, and the file to the document, in pieces of about this many characters and bytes. */
const defaultPieceSize = 1_048_576;

export class EventSpool {
	count = 0;
	readonly #directory: string;
	#descriptor: number | undefined;
	#pending: string[] = [];
	#pendingChars = 0;
	readonly #pieceSize: number;

	/** `pieceSize`: see above (tests make it small, to split the file inside characters). */
	constructor(pieceSize = defaultPieceSize) {
		this.#pieceSize = pieceSize;
		this.#directory = mkdtempSync(path.join(tmpdir(), 'sandpiper-events-'));
		const file = path.join(this.#directory, 'events.json');
		this.#descriptor = openSync(file, 'w+');
		// Unlinked at once where the system allows it (the open file lives on): a run stopped by a signal leaves nothing behind.
		try {
			unlinkSync(file);
			rmSync(this.#directory, {recursive: true, force: true});
		} catch {
			// Windows keeps an open file: `dispose` removes it after the run.
		}
	}

	add(event: SimEvent): void {
		const text = jsonEventText(event, this.count === 0);
		this.count++;
		this.#pending.push(text);
		this.#pendingChars += text.length;
		if (this.#pendingChars >= this.#pieceSize) {
			this.#flush();
		}
	}

	/** The whole document, piece by piece, to `write`. */
	async writeDocument(frame: JsonFrame, write: (chunk: string | Uint8Array) => Promise<void>): Promise<void> {
		this.#flush();
		const descriptor = this.#descriptor!;
		await write(frame.head);
		if (this.count > 0) {
			// Bytes, not text: a piece may end inside a character that takes several bytes in UTF-8.
			// A new buffer per piece, as `write` may still hold the last one.
			let position = 0;
			for (;;) {
				const buffer = Buffer.alloc(this.#pieceSize);
				const read = readSync(descriptor, buffer, 0, this.#pieceSize, position);
				if (read === 0) {
					break;
				}

				position += read;
				// eslint-disable-next-line no-await-in-loop -- one piece at a time keeps memory bounded
				await write(buffer.subarray(0, read));
			}

			await write(jsonEventsEnd);
		}

		await write(frame.tail);
	}

	/** Closes and removes the file; safe to call more than once. */
	dispose(): void {
		if (this.#descriptor !== undefined) {
			closeSync(this.#descriptor);
			this.#descriptor = undefined;
		}

		rmSync(this.#directory, {recursive: true, force: true});
	}

	#flush(): void {
		if (this.#pending.length > 0) {
			writeSync(this.#descriptor!, this.#pending.join(''));
			this.#pending = [];
			this.#pendingChars = 0;
		}
	}
}
