/**
An authorized_keys file (OpenSSH's format, sshd(8)): one public key a line, maybe after options, with
blank lines and # comments. A line that holds no key ssh2 reads is refused with its line number: a
presenters file that silently dropped a key would make a presenter a viewer without a word.
*/
import type {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import ssh2 from 'ssh2';
import {UsageError} from '../options/usage.js';
import {safeText} from '../terminal/safe-text.js';

/** The key types OpenSSH writes in authorized_keys, which start the key part of a line. */
const keyType = /(?:^|\s)(?<key>(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+[\w+\/=]+)/v;

export type AuthorizedKeys = {
	readonly count: number;
	/** The listed key a client offers (as its SSH wire blob), to check its signature with; undefined when not listed. */
	keyFor(publicKey: Buffer): ssh2.ParsedKey | undefined;
};

/** A key ssh2 reads from `data`, or undefined. */
export function parsedKey(data: string | Buffer): ssh2.ParsedKey | undefined {
	const key = ssh2.utils.parseKey(data);
	return key instanceof Error ? undefined : key;
}

export function parseAuthorizedKeys(text: string, where: string, flag: string): AuthorizedKeys {
	const keys: ssh2.ParsedKey[] = [];
	for (const [index, raw] of text.split(/\r?\n/v).entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const found = keyType.exec(line)?.groups?.['key'];
		const key = found === undefined ? undefined : parsedKey(found);
		if (key === undefined) {
			throw new UsageError(`--${flag}: ${safeText(where)}, line ${index + 1}: expected a public key (such as ssh-ed25519 AAAA...), got ${JSON.stringify(safeText(line.slice(0, 40)))}`);
		}

		keys.push(key);
	}

	return {
		count: keys.length,
		keyFor: publicKey => keys.find(key => key.getPublicSSH().equals(publicKey)),
	};
}

export function readAuthorizedKeys(path: string, flag: string): AuthorizedKeys {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		throw new UsageError(`--${flag}: cannot read ${safeText(path)}${code === '' ? '' : ` (${code})`}`);
	}

	return parseAuthorizedKeys(text, path, flag);
}
