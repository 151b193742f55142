/**
Turns of the event loop, for Ink under test. A render for a store's change (the session's snapshot, the
view's state) comes in a microtask, and a lone Escape waits one turn in case more bytes follow: a turn
or two after a key shows it. Effects (Ink's input listener, an app's clean-ups) run on React's
scheduler, at least one task a turn, shared by every test of the file: `turnsUntil` waits for those.
A turn is a `setImmediate`, never a timer: a loaded machine makes a test slower, not flaky, and a
limit only bounds a failure.
*/
async function turn(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

/** Lets the event loop turn `count` times. */
export async function turns(count = 3): Promise<void> {
	for (let index = 0; index < count; index++) {
		await turn(); // eslint-disable-line no-await-in-loop -- one turn after another is the point
	}
}

/** Turns the event loop until `predicate` holds; throws, naming `what`, if it still does not after `limit` turns. */
export async function turnsUntil(predicate: () => boolean, what: string, limit = 500): Promise<void> {
	for (let index = 0; index < limit && !predicate(); index++) {
		await turn(); // eslint-disable-line no-await-in-loop -- one turn after another is the point
	}

	if (!predicate()) {
		throw new Error(`${what}: not after ${limit} turns of the event loop`);
	}
}
