/**
The one session channel a client may open, and what it may ask on it: a pty, its window changes, TERM
and a shell. exec, subsystems (SFTP), X11 and agent forwarding, other environment variables and
signals are refused, and so is a second session.
*/
import type {Connection as Client, ServerChannel} from 'ssh2';

export type Size = {columns: number; rows: number};

/** What a shell became: something to resize, or nothing (refused). */
export type Resizable = {resize(columns: number, rows: number): void};

export function acceptTerminalSession(client: Client, onShell: (channel: ServerChannel, size: Size | undefined) => Resizable | undefined): void {
	let opened = false;
	client.on('session', (acceptSession, rejectSession) => {
		if (opened) {
			rejectSession();
			return;
		}

		opened = true;
		const session = acceptSession();
		let size: Size | undefined;
		let shell: Resizable | undefined;
		session.on('pty', (accept, _reject, info) => {
			size = {columns: info.cols, rows: info.rows};
			accept?.();
		});
		session.on('window-change', (accept, _reject, info) => {
			size = {columns: info.cols, rows: info.rows};
			shell?.resize(info.cols, info.rows);
			accept?.();
		});
		session.on('env', (accept, reject, info) => {
			if (info.key === 'TERM') {
				accept?.();
			} else {
				reject?.();
			}
		});
		session.on('shell', accept => {
			shell = onShell(accept(), size);
		});
		for (const refused of ['exec', 'subsystem', 'sftp', 'x11', 'auth-agent', 'signal'] as const) {
			session.on(refused, (_accept: unknown, reject?: () => void) => {
				reject?.();
			});
		}
	});
}

/** Says why in one line on the channel, and closes it. */
export function refuseChannel(channel: ServerChannel, message: string): void {
	channel.write(`sandpiper: ${message}\r\n`);
	channel.exit(1);
	channel.end();
}
