/** A scenario or session file that is no JSON, apart from the parser (./parse-scenario.ts) so that catching it loads no zod. */
export class ScenarioSyntaxError extends Error {
	readonly line: number;
	readonly column: number;

	constructor(message: string, line: number, column: number) {
		super(`invalid JSON at line ${line}, column ${column}: ${message}`);
		this.name = 'ScenarioSyntaxError';
		this.line = line;
		this.column = column;
	}
}
