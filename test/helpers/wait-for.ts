/**
Polls until `predicate` holds; Ink applies input and state a few event-loop turns later. It returns as
soon as it holds: the limit only bounds a failure, and is generous because CI's two cores run several
test files at once (a 2 s limit timed out there on a busy run).
*/
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop -- polling is sequential by nature
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}
