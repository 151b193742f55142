/**
The server's own terminal: one line per event (connections, roles, forks, departures), each with its
time, and on a terminal a status line under them that is redrawn in place. Off a terminal (a service,
a pipe) only the lines. Every line is made safe where it is built: names come from clients.
*/
export type LogOutput = {isTTY: boolean; write(text: string): unknown};

function clock(date: Date): string {
	return date.toISOString().slice(11, 19);
}

export class ServerLog {
	readonly #out: LogOutput;
	readonly #now: () => Date;
	#status = '';

	constructor(out: LogOutput, now: () => Date) {
		this.#out = out;
		this.#now = now;
	}

	line(text: string): void {
		const line = `${clock(this.#now())} ${text}\n`;
		this.#out.write(this.#out.isTTY ? `\r\u001B[K${line}${this.#status}` : line);
	}

	status(text: string): void {
		if (!this.#out.isTTY || text === this.#status) {
			return;
		}

		this.#status = text;
		this.#out.write(`\r\u001B[K${text}`);
	}

	/** Ends the status line, so the shell's prompt starts on a line of its own. */
	close(): void {
		if (this.#out.isTTY && this.#status !== '') {
			this.#out.write('\n');
		}
	}
}
