/**
Who a client is, from how it authenticated: a presenter only by a key in the presenters file (its
signature checked), a viewer as --viewers allows (anyone, a listed key, or the password). Failed
attempts are counted per address: past the limit the address is turned away for the rest of the
window, so a password cannot be guessed at network speed.
*/
import {createHash, timingSafeEqual} from 'node:crypto';
import type ssh2 from 'ssh2';
import type {AuthContext, AuthenticationType} from 'ssh2';
import type {ViewerAccess} from '../options/serve.js';
import type {AuthorizedKeys} from './authorized-keys.js';
import type {Role} from './roles.js';

export type Access = {
	presenters: AuthorizedKeys | undefined;
	viewers: ViewerAccess;
	/** With `viewers.kind === 'keys'`: the listed keys. */
	viewerKeys: AuthorizedKeys | undefined;
};

/** Failed attempts an address may make in a window before it is turned away. */
export const failuresAllowed = 20;
export const windowMs = 60_000;

export class AttemptLimiter {
	readonly #failures = new Map<string, {count: number; since: number}>();
	readonly #now: () => number;

	constructor(now: () => number) {
		this.#now = now;
	}

	blocked(address: string): boolean {
		const entry = this.#failures.get(address);
		if (entry && this.#now() - entry.since > windowMs) {
			this.#failures.delete(address);
			return false;
		}

		return (entry?.count ?? 0) >= failuresAllowed;
	}

	/** Counts a failure; true when the address is now over the limit. */
	fail(address: string): boolean {
		const now = this.#now();
		const entry = this.#failures.get(address);
		if (!entry || now - entry.since > windowMs) {
			this.#failures.set(address, {count: 1, since: now});
			return false;
		}

		entry.count++;
		return entry.count >= failuresAllowed;
	}
}

function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** The methods a client may go on to try. */
function methodsLeft(access: Access): AuthenticationType[] {
	switch (access.viewers.kind) {
		case 'open': {
			return ['publickey', 'keyboard-interactive'];
		}

		case 'keys': {
			return ['publickey'];
		}

		case 'password': {
			return ['publickey', 'keyboard-interactive', 'password'];
		}
	}
}

function verified(context: Extract<AuthContext, {method: 'publickey'}>, key: ssh2.ParsedKey): boolean {
	if (!context.signature || !context.blob) {
		return false;
	}

	// A boolean, or an Error for a signature it cannot read: only true lets the client in.
	const result: unknown = key.verify(context.blob, context.signature, context.hashAlgo);
	return result === true;
}

export type Decision = {kind: 'accepted'; role: Role} | {kind: 'asked'} | {kind: 'refused'; failed: boolean};

/**
Answers one authentication request (calling `context.accept` or `context.reject`) and says what came
of it. `none` and keys nobody listed are refused without counting as failures: OpenSSH's client starts
with them on its way to the method that works.
*/
export function authenticate(access: Access, context: AuthContext, done: (decision: Decision) => void): void {
	// The decision is told first: ssh2 emits 'ready' inside `accept`, and the role must be known by then.
	const refuse = (failed: boolean) => {
		done({kind: 'refused', failed});
		context.reject(methodsLeft(access));
	};

	const accept = (role: Role) => {
		done({kind: 'accepted', role});
		context.accept();
	};

	switch (context.method) {
		case 'publickey': {
			const offered = context.key.data;
			const presenterKey = access.presenters?.keyFor(offered);
			const key = presenterKey ?? access.viewerKeys?.keyFor(offered);
			if (key === undefined) {
				refuse(false);
				return;
			}

			if (!context.signature) {
				// The client asks whether this key would do before it signs with it.
				done({kind: 'asked'});
				context.accept();
				return;
			}

			if (verified(context, key)) {
				accept(presenterKey ? 'presenter' : 'viewer');
			} else {
				refuse(true);
			}

			return;
		}

		case 'keyboard-interactive': {
			const {viewers} = access;
			if (viewers.kind === 'open') {
				accept('viewer');
				return;
			}

			if (viewers.kind === 'keys') {
				refuse(false);
				return;
			}

			context.prompt([{prompt: 'Lecture password: ', echo: false}], answers => {
				if (sameSecret(answers[0] ?? '', viewers.password)) {
					accept('viewer');
				} else {
					refuse(true);
				}
			});
			return;
		}

		case 'password': {
			const {viewers} = access;
			if (viewers.kind === 'password' && sameSecret(context.password, viewers.password)) {
				accept('viewer');
			} else {
				refuse(viewers.kind === 'password');
			}

			return;
		}

		case 'none':
		case 'hostbased': {
			refuse(false);
		}
	}
}
