/** Sweep runs that ended with an error record: said in one line, status 1 (their records say why; merge lists them). Its own module, so that main knows it without loading the sweep. */
export class FailedRunsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FailedRunsError';
	}
}
