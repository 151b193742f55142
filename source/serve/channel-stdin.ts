/**
An SSH channel's input as the stdin Ink reads keys from, which Ink can put in raw mode (the client's
pty is raw already: nothing to switch). Bytes the client sends reach only Ink's key parser, the same
as the local dashboard's; nothing of them is echoed to anyone.
*/
import {PassThrough} from 'node:stream';

/** A readable Ink takes for stdin: what the client types, with the terminal methods Ink calls. */
export function channelStdin(): PassThrough & NodeJS.ReadStream {
	const stdin = new PassThrough();
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- given the members Ink reads of a TTY stream, below
	const tty = stdin as unknown as PassThrough & NodeJS.ReadStream;
	Object.assign(tty, {
		isTTY: true,
		setRawMode: () => tty,
		ref: () => tty,
		unref: () => tty,
	});
	return tty;
}
