/**
One student at `sandpiper serve`, as the bench plays it: an ssh2 client in the bench's own process
that asks for an 80x24 xterm-256color pty and a shell, signs in by keyboard-interactive answering
nothing (open viewers), counts every byte the server sends and can wait for a text to be drawn.
*/
import type {Buffer} from 'node:buffer';
import ssh2, {type ClientChannel} from 'ssh2';

export type ViewerOptions = {
	port: number;
	username: string;
	columns?: number;
	rows?: number;
	/** Milliseconds to the first frame before the connection counts as failed. */
	timeoutMs?: number;
};

// SGR only: colours and weights change between the letters of a word, cursor moves do not.
// eslint-disable-next-line no-control-regex -- the escape character is what it matches
const styles = /\u001B\[[\d;:]*m/gv;

/** `text` (terminal output) without its colours and weights, so a styled word reads as its letters. */
export function withoutStyles(text: string): string {
	return text.replaceAll(styles, '');
}

/** Someone waiting for a text to be drawn. */
type Waiter = {text: string; resolve: (at: number) => void; reject: (error: Error) => void; timer: NodeJS.Timeout};

export class Viewer {
	/**
	Opens a connection and its dashboard; resolves once `firstText` is on the screen, with the viewer
	and the milliseconds from the start of the TCP connection to then.
	*/
	static async connect(options: ViewerOptions, firstText: string): Promise<{viewer: Viewer; milliseconds: number}> {
		const client = new ssh2.Client();
		const timeoutMs = options.timeoutMs ?? 10_000;
		const start = performance.now();
		const opened = new Promise<Viewer>((resolve, reject) => {
			client.on('error', reject);
			// Open viewers are let in without a prompt; any prompt is answered with nothing.
			client.on('keyboard-interactive', (...event) => {
				event[4]([]);
			});
			client.on('ready', () => {
				client.shell({term: 'xterm-256color', cols: options.columns ?? 80, rows: options.rows ?? 24}, (error, channel) => {
					if (error) {
						reject(error);
						return;
					}

					resolve(new Viewer(client, channel, firstText, timeoutMs));
				});
			});
			client.connect({
				host: '127.0.0.1', port: options.port, username: options.username, tryKeyboard: true, authHandler: ['keyboard-interactive'], readyTimeout: timeoutMs,
			});
		});
		try {
			const viewer = await opened;
			return {viewer, milliseconds: await viewer.#firstFrame - start};
		} catch (error) {
			client.end();
			throw error;
		}
	}

	/** Every byte the server has sent on the channel so far. */
	bytes = 0;
	readonly #client: ssh2.Client;
	readonly #channel: ClientChannel;
	#seen = '';
	#waiter: Waiter | undefined;
	/** When the first frame arrived: waited for from the start, as the frame may come in the channel's first bytes. */
	readonly #firstFrame: Promise<number>;

	private constructor(client: ssh2.Client, channel: ClientChannel, firstText: string, timeoutMs: number) {
		this.#client = client;
		this.#channel = channel;
		this.#firstFrame = this.waitFor(firstText, timeoutMs);
		// Failing to arrive is reported by `connect`, which awaits it.
		this.#firstFrame.catch(() => undefined);
		channel.on('data', (chunk: Buffer) => {
			this.bytes += chunk.length;
			this.#received(chunk);
		});
		channel.stderr.resume();
	}

	/**
	Resolves with the time (performance.now()) `text` arrives, counting only what arrives from now on:
	the cell writer sends a changed word whole, so it is found in the stream without a terminal.
	*/
	async waitFor(text: string, timeoutMs: number): Promise<number> {
		this.#seen = '';
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#waiter = undefined;
				reject(new Error(`bench: ${JSON.stringify(text)} did not arrive within ${timeoutMs} ms`));
			}, timeoutMs);
			this.#waiter = {
				text, resolve, reject, timer,
			};
		});
	}

	/** Sends keys as if typed; resolves once `text` arrives, with the milliseconds from sending. */
	async type(keys: string, text: string, timeoutMs = 5000): Promise<number> {
		const arrived = this.waitFor(text, timeoutMs);
		const start = performance.now();
		this.#channel.write(keys);
		return (await arrived) - start;
	}

	/** Closes the connection; resolves once the socket is gone (or after a second). */
	async close(): Promise<void> {
		await new Promise<void>(resolve => {
			const timer = setTimeout(resolve, 1000);
			this.#client.once('close', () => {
				clearTimeout(timer);
				resolve();
			});
			this.end();
		});
	}

	end(): void {
		if (this.#waiter) {
			clearTimeout(this.#waiter.timer);
			this.#waiter = undefined;
		}

		this.#client.end();
	}

	#received(chunk: Buffer): void {
		const waiter = this.#waiter;
		if (!waiter) {
			return;
		}

		// Latin-1 keeps every byte one character: ASCII text reads the same, and no chunk boundary splits a character.
		this.#seen += chunk.toString('latin1');
		if (withoutStyles(this.#seen).includes(waiter.text)) {
			const at = performance.now();
			clearTimeout(waiter.timer);
			this.#waiter = undefined;
			this.#seen = '';
			waiter.resolve(at);
		}
	}
}
