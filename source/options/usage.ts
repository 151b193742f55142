/**
What every command's flag checking shares: the error that ends in one line and status 2, the report
formats, and the search for flags no command knows.
*/
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const formats = ['table', 'json', 'csv'] as const;
export type Format = typeof formats[number];

/** `--format` of the commands that print a table or a JSON document. */
export function parseTableOrJson(format = 'table'): 'table' | 'json' {
	if (format !== 'table' && format !== 'json') {
		throw new UsageError(`--format: expected table or json, got ${JSON.stringify(format)}`);
	}

	return format;
}

/**
The first `--flag` in `argv` that is not a known flag (meow would report it over two lines).
`known` holds camelCase names; `--kebab-case` spellings match them too.
*/
export function findUnknownFlag(argv: readonly string[], known: readonly string[]): string | undefined {
	const names = new Set(known.flatMap(name => [name, name.replaceAll(/[A-Z]/gv, letter => `-${letter.toLowerCase()}`)]));
	for (const argument of argv) {
		if (argument === '--') {
			return undefined;
		}

		if (argument.startsWith('--')) {
			const name = argument.slice(2).split('=')[0]!;
			const bare = name.startsWith('no-') ? name.slice(3) : name;
			if (!names.has(name) && !names.has(bare)) {
				return argument.split('=')[0];
			}
		} else if (/^-[^\d]/v.test(argument)) {
			return argument;
		}
	}

	return undefined;
}
