/**
The server's host key: the file --host-key names, or one generated on the first run into the state
directory ($XDG_STATE_HOME/sandpiper, else ~/.local/state/sandpiper), written with mode 0600 under a
temporary name and renamed into place, so a half-written key is never read back. Its fingerprint is
what OpenSSH prints (SHA256 of the public key, base64 without padding), for students to check.
*/
import {Buffer} from 'node:buffer';
import {createHash, randomBytes} from 'node:crypto';
import {
	chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync,
} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import ssh2 from 'ssh2';
import {UsageError} from '../options/usage.js';
import {safeText} from '../terminal/safe-text.js';
import {parsedKey} from './authorized-keys.js';

export type HostKey = {
	/** The private key's text, as ssh2's server takes it. */
	privateKey: string;
	fingerprint: string;
	path: string;
	generated: boolean;
};

export function stateDirectory(environment: Readonly<Record<string, string | undefined>>): string {
	const xdg = environment['XDG_STATE_HOME'];
	return join(xdg?.startsWith('/') ? xdg : join(homedir(), '.local', 'state'), 'sandpiper');
}

/** OpenSSH's fingerprint of a public key blob. */
export function fingerprintOf(publicKey: Buffer): string {
	return `SHA256:${createHash('sha256').update(publicKey).digest('base64').replace(/=+$/v, '')}`;
}

function parsedPrivate(text: string, where: string): ssh2.ParsedKey {
	const key = parsedKey(text);
	if (key === undefined) {
		throw new UsageError(`--host-key: ${safeText(where)} is not a private key ssh2 reads (OpenSSH or PEM, unencrypted)`);
	}

	if (!key.isPrivateKey()) {
		throw new UsageError(`--host-key: ${safeText(where)} holds a public key; give the private one`);
	}

	return key;
}

function readText(path: string, flag: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		throw new UsageError(`--${flag}: cannot read ${safeText(path)}${code === '' ? '' : ` (${code})`}`);
	}
}

/** Writes `text` to `path` with mode 0600: a temporary file beside it, every write checked, then a rename. */
function writePrivate(path: string, text: string): void {
	mkdirSync(dirname(path), {recursive: true, mode: 0o700});
	const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	const file = openSync(temporary, 'wx', 0o600);
	try {
		const bytes = Buffer.from(text);
		let offset = 0;
		while (offset < bytes.length) {
			offset += writeSync(file, bytes, offset);
		}

		fsyncSync(file);
	} catch (error) {
		closeSync(file);
		rmSync(temporary, {force: true});
		throw error;
	}

	closeSync(file);
	chmodSync(temporary, 0o600);
	renameSync(temporary, path);
}

/** The key --host-key names, or the state directory's, made on the first run. */
export function loadHostKey(path: string | undefined, environment: Readonly<Record<string, string | undefined>>): HostKey {
	if (path !== undefined) {
		const text = readText(path, 'host-key');
		const key = parsedPrivate(text, path);
		return {
			privateKey: text, fingerprint: fingerprintOf(key.getPublicSSH()), path, generated: false,
		};
	}

	const stored = join(stateDirectory(environment), 'host-key');
	let text: string | undefined;
	try {
		text = readFileSync(stored, 'utf8');
	} catch {
		text = undefined;
	}

	if (text !== undefined) {
		const key = parsedPrivate(text, stored);
		return {
			privateKey: text, fingerprint: fingerprintOf(key.getPublicSSH()), path: stored, generated: false,
		};
	}

	const pair = ssh2.utils.generateKeyPairSync('ed25519', {comment: 'sandpiper serve host key'});
	try {
		writePrivate(stored, pair.private);
	} catch (error) {
		throw new UsageError(`cannot save a new host key to ${safeText(stored)}: ${error instanceof Error ? error.message : String(error)} (give one with --host-key)`);
	}

	return {
		privateKey: pair.private, fingerprint: fingerprintOf(parsedPrivate(pair.private, stored).getPublicSSH()), path: stored, generated: true,
	};
}
