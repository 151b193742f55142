/** Polls until `predicate` holds; Ink applies input and state a few event-loop turns later. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
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
