/**
The program's version, from its package.json (two levels up from dist/cli/ and from dist/bundle/
alike). Read here rather than through meow's `pkg`, which normalises the whole package.json first:
a twentieth of a second of every command's start.
*/
import {readFileSync} from 'node:fs';

export function programVersion(): string {
	try {
		const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
		const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
		return typeof version === 'string' ? version : 'unknown';
	} catch {
		return 'unknown';
	}
}
