/**
Who a client becomes at `sandpiper serve`, decided by ../../source/serve/access.ts, with real keys and
real signatures (ssh2's) but no network: a presenter only by a listed key that signed, a viewer as
--viewers allows, failures counted only where a secret was wrong.
*/
import {Buffer} from 'node:buffer';
import test from 'ava';
import ssh2, {type AuthContext, type AuthenticationType} from 'ssh2';
import {
	AttemptLimiter, authenticate, failuresAllowed, windowMs, type Access, type Decision,
} from '../../source/serve/access.js';
import {parseAuthorizedKeys} from '../../source/serve/authorized-keys.js';
import type {ViewerAccess} from '../../source/options/serve.js';

function keyPair() {
	const pair = ssh2.utils.generateKeyPairSync('ed25519', {comment: 'access-test'});
	const key = ssh2.utils.parseKey(pair.private);
	if (key instanceof Error) {
		throw key;
	}

	return {publicLine: pair.public, key};
}

const presenter = keyPair();
const student = keyPair();
const stranger = keyPair();

function access(viewers: ViewerAccess): Access {
	return {
		presenters: parseAuthorizedKeys(`# presenters\n${presenter.publicLine}\n`, 'presenters', 'presenters'),
		viewers,
		viewerKeys: viewers.kind === 'keys' ? parseAuthorizedKeys(`no-pty ${student.publicLine}\n`, 'viewers', 'viewers') : undefined,
	};
}

type Outcome = {decision?: Decision; accepted: boolean; methodsLeft?: AuthenticationType[]};

/** Runs one request through `authenticate`: what it decided and what it told the client. */
function attempt(given: Access, request: Record<string, unknown>, answers: string[] = []): Outcome {
	const outcome: Outcome = {accepted: false};
	const context = {
		username: 'student',
		service: 'ssh-connection',
		...request,
		accept() {
			outcome.accepted = true;
		},
		reject(methods?: AuthenticationType[]) {
			outcome.methodsLeft = methods;
		},
		prompt(_prompts: unknown, callback: (answers: string[]) => void) {
			callback(answers);
		},
	} as unknown as AuthContext;
	authenticate(given, context, decision => {
		outcome.decision = decision;
	});
	return outcome;
}

/** A publickey request for `offered`, signed by `signer` (as OpenSSH signs the session's data), or only asking. */
function publicKeyRequest(offered: ssh2.ParsedKey, signer?: ssh2.ParsedKey): Record<string, unknown> {
	const blob = Buffer.from('session id and request');
	return {
		method: 'publickey', key: {algo: offered.type, data: offered.getPublicSSH()}, blob: signer ? blob : undefined, signature: signer?.sign(blob),
	};
}

const open: ViewerAccess = {kind: 'open'};
const byKeys: ViewerAccess = {kind: 'keys', path: 'viewers'};
const byPassword: ViewerAccess = {kind: 'password', variable: 'LECTURE_PASSWORD', password: 'sandpiper'};

test('a listed presenter key that signs makes a presenter; a key listed for viewers makes a viewer', t => {
	const signedIn = attempt(access(byKeys), publicKeyRequest(presenter.key, presenter.key));
	t.deepEqual(signedIn.decision, {kind: 'accepted', role: 'presenter'});
	t.true(signedIn.accepted);
	t.deepEqual(attempt(access(byKeys), publicKeyRequest(student.key, student.key)).decision, {kind: 'accepted', role: 'viewer'});
});

test('a client asking whether a listed key would do is told yes, and is nobody yet', t => {
	const asked = attempt(access(open), publicKeyRequest(presenter.key));
	t.deepEqual(asked.decision, {kind: 'asked'});
	t.true(asked.accepted);
	t.deepEqual(attempt(access(open), publicKeyRequest(stranger.key)).decision, {kind: 'refused', failed: false});
});

test('a listed key with a signature made by another key is refused and counted as a failure', t => {
	const forged = attempt(access(open), publicKeyRequest(presenter.key, stranger.key));
	t.deepEqual(forged.decision, {kind: 'refused', failed: true});
	t.false(forged.accepted);
	t.deepEqual(forged.methodsLeft, ['publickey', 'keyboard-interactive']);
});

test('an unlisted key is refused without counting, and the client is told what else it may try', t => {
	for (const [viewers, methods] of [[open, ['publickey', 'keyboard-interactive']], [byKeys, ['publickey']], [byPassword, ['publickey', 'keyboard-interactive', 'password']]] as const) {
		const refused = attempt(access(viewers), publicKeyRequest(stranger.key, stranger.key));
		t.deepEqual(refused.decision, {kind: 'refused', failed: false});
		t.false(refused.accepted);
		t.deepEqual(refused.methodsLeft, [...methods]);
	}
});

test('keyboard-interactive: anyone is a viewer when viewers are open, nobody when they need keys, and only the right password otherwise', t => {
	const method = {method: 'keyboard-interactive', submethods: []};
	t.deepEqual(attempt(access(open), method).decision, {kind: 'accepted', role: 'viewer'});
	t.deepEqual(attempt(access(byKeys), method).decision, {kind: 'refused', failed: false});
	t.deepEqual(attempt(access(byPassword), method, ['sandpiper']).decision, {kind: 'accepted', role: 'viewer'});
	const wrong = attempt(access(byPassword), method, ['sandpiper!']);
	t.deepEqual(wrong.decision, {kind: 'refused', failed: true});
	t.false(wrong.accepted);
	t.deepEqual(attempt(access(byPassword), method, []).decision, {kind: 'refused', failed: true});
});

test('the password method lets in a viewer with the right password only; where there is no password it is no failure', t => {
	t.deepEqual(attempt(access(byPassword), {method: 'password', password: 'sandpiper'}).decision, {kind: 'accepted', role: 'viewer'});
	t.deepEqual(attempt(access(byPassword), {method: 'password', password: 'Sandpiper'}).decision, {kind: 'refused', failed: true});
	t.deepEqual(attempt(access(open), {method: 'password', password: 'sandpiper'}).decision, {kind: 'refused', failed: false});
	t.deepEqual(attempt(access(open), {method: 'none'}).decision, {kind: 'refused', failed: false});
});

test('an address is turned away after the allowed failures, for the rest of the window only', t => {
	let now = 1_000_000;
	const limiter = new AttemptLimiter(() => now);
	for (let failure = 1; failure < failuresAllowed; failure++) {
		t.false(limiter.fail('10.0.0.7'));
	}

	t.false(limiter.blocked('10.0.0.7'));
	t.true(limiter.fail('10.0.0.7'));
	t.true(limiter.blocked('10.0.0.7'));
	t.false(limiter.blocked('10.0.0.8'), 'another address is not affected');
	now += windowMs + 1;
	t.false(limiter.blocked('10.0.0.7'));
	t.false(limiter.fail('10.0.0.7'), 'a new window starts counting afresh');
});
