/**
Where the app's ticks come from. The real one is a `setTimeout` chain; tests pass a manual one and
fire ticks themselves, so no test waits for the clock.
*/
export type TickSource = {
	/** Calls `callback` once after about `delayMs`; returns a function that cancels it. */
	schedule(callback: () => void, delayMs: number): () => void;
};

export const timerTickSource: TickSource = {
	schedule(callback, delayMs) {
		const timer = setTimeout(callback, delayMs);
		return () => {
			clearTimeout(timer);
		};
	},
};

/** A tick source driven by hand: `fire()` runs what is scheduled. */
export type ManualTickSource = TickSource & {
	fire(): void;
	pending(): number;
	/** The delays asked for by what is scheduled, in milliseconds. */
	delays(): number[];
};

export function createManualTickSource(): ManualTickSource {
	let queue: Array<{callback: () => void; delayMs: number; cancelled: boolean}> = [];
	return {
		schedule(callback, delayMs) {
			const entry = {callback, delayMs, cancelled: false};
			queue.push(entry);
			return () => {
				entry.cancelled = true;
			};
		},
		fire() {
			const due = queue.filter(entry => !entry.cancelled);
			queue = [];
			for (const entry of due) {
				entry.callback();
			}
		},
		pending: () => queue.filter(entry => !entry.cancelled).length,
		delays: () => queue.filter(entry => !entry.cancelled).map(entry => entry.delayMs),
	};
}

/** The shortest wait between two callbacks (10 a second at most, as many frames); at higher speeds a callback runs several steps. */
export const minimumPeriodMs = 100;

/** Milliseconds between callbacks at `speed` ticks per second. */
export function periodFor(speed: number): number {
	return Math.max(minimumPeriodMs, 1000 / speed);
}
