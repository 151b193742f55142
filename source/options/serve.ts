/**
The flags of `sandpiper serve`: a lecture over SSH. Everything is checked here, before a key is read or
a port is bound; what needs the file system (keys, the scenario) is checked by the serve shell next,
still before listening.
*/
import {parseWholeNumber, type Limit} from './numbers.js';
import {seedLimit} from './run.js';
import {UsageError} from './usage.js';

export type RawServeFlags = {
	listen?: string;
	scenario?: string;
	seed?: string;
	hostKey?: string;
	presenters?: string;
	viewers?: string;
	maxSessions?: string;
	maxForks?: string;
	idleTimeout?: string;
};

/** Who may watch: anyone, the holders of listed keys, or whoever knows the password in an environment variable. */
export type ViewerAccess = {kind: 'open'} | {kind: 'keys'; path: string} | {kind: 'password'; variable: string; password: string};

export type ServeOptions = {
	host: string;
	port: number;
	scenarioPath?: string;
	seed?: number;
	hostKeyPath?: string;
	presentersPath?: string;
	viewers: ViewerAccess;
	maxSessions: number;
	/** Forks alive at once on the server (a connection holds one at most): each is a datacenter simulated beside the lecture. */
	maxForks: number;
	/** Seconds without a key before a connection is closed; 0: never. */
	idleTimeoutSeconds: number;
};

export const defaultListen = {host: '127.0.0.1', port: 2222} as const;
const sessionsLimit: Limit = {maximum: 1000, unit: 'sessions', reason: 'each renders its own frames on this one process'};
const forksLimit: Limit = {maximum: 256, unit: 'forks', reason: 'each is a whole datacenter simulated beside the lecture'};
const idleLimit: Limit = {maximum: 7 * 24 * 3600, unit: 'seconds', reason: 'a week'};
const portLimit: Limit = {maximum: 65_535, reason: 'TCP ports stop at 65535'};

/** `HOST:PORT`, `[v6]:PORT` or `:PORT` (the default host). */
function parseListen(value: string | undefined): {host: string; port: number} {
	if (value === undefined) {
		return defaultListen;
	}

	const match = /^(?:\[(?<v6>[\da-f:.]+)\]|(?<host>[\w.\-]*)):(?<port>\d+)$/iv.exec(value.trim());
	if (!match?.groups) {
		throw new UsageError(`--listen: expected HOST:PORT (such as 127.0.0.1:2222 or [::1]:2222), got ${JSON.stringify(value)}`);
	}

	const host = match.groups['v6'] ?? match.groups['host'] ?? '';
	return {host: host === '' ? defaultListen.host : host, port: parseWholeNumber('listen', match.groups['port']!, 1, portLimit)};
}

function parseViewers(value: string | undefined, environment: Readonly<Record<string, string | undefined>>): ViewerAccess {
	if (value === undefined || value === 'open') {
		return {kind: 'open'};
	}

	if (value.startsWith('keys:') && value.length > 'keys:'.length) {
		return {kind: 'keys', path: value.slice('keys:'.length)};
	}

	const variable = value.startsWith('password-env:') ? value.slice('password-env:'.length) : undefined;
	if (variable !== undefined && /^[A-Z_]\w*$/iv.test(variable)) {
		const password = Object.hasOwn(environment, variable) ? environment[variable] : undefined;
		if (password === undefined || password === '') {
			throw new UsageError(`--viewers: the environment variable ${variable} is not set or empty; set it to the viewers' password`);
		}

		return {kind: 'password', variable, password};
	}

	throw new UsageError(`--viewers: expected open, keys:FILE or password-env:VARIABLE, got ${JSON.stringify(value)}`);
}

function nonEmptyPath(flag: string, value: string | undefined): string | undefined {
	if (value === '') {
		throw new UsageError(`--${flag}: expected a file path`);
	}

	return value;
}

export function parseServeOptions(flags: RawServeFlags, environment: Readonly<Record<string, string | undefined>>): ServeOptions {
	const {host, port} = parseListen(flags.listen);
	return {
		host,
		port,
		scenarioPath: nonEmptyPath('scenario', flags.scenario),
		seed: flags.seed === undefined ? undefined : parseWholeNumber('seed', flags.seed, 0, seedLimit),
		hostKeyPath: nonEmptyPath('host-key', flags.hostKey),
		presentersPath: nonEmptyPath('presenters', flags.presenters),
		viewers: parseViewers(flags.viewers, environment),
		maxSessions: flags.maxSessions === undefined ? 50 : parseWholeNumber('max-sessions', flags.maxSessions, 1, sessionsLimit),
		maxForks: flags.maxForks === undefined ? 10 : parseWholeNumber('max-forks', flags.maxForks, 0, forksLimit),
		idleTimeoutSeconds: flags.idleTimeout === undefined ? 3600 : parseWholeNumber('idle-timeout', flags.idleTimeout, 0, idleLimit),
	};
}
